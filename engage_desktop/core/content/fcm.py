"""The FCM HTTP v1 ``message`` object for a push variant, and the rules it must satisfy.

Built as plain JSON dicts (not firebase-admin types) so the composer's Payload tab shows exactly
the bytes the dispatch service sends, and so core stays free of network libraries. The size rule
is FCM's: the whole request body ``{"message": ...}`` must fit in 4096 bytes.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from engage_desktop.core.content.push import MAX_ACTIONS, PushContent
from engage_desktop.core.templating import TemplateSyntaxError, render

MAX_PAYLOAD_BYTES = 4096
_LABEL = re.compile(r"[a-zA-Z0-9\-_.~%]{1,50}")
_DEEP_LINK = re.compile(r"[a-zA-Z][a-zA-Z0-9+.\-]*://\S+")


@dataclass(frozen=True)
class Issue:
    """A validation problem: the content field it concerns and a sentence for the marketer."""

    field: str
    message: str


def build_fcm_message(
    content: PushContent,
    *,
    token: str,
    message_id: str,
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
    now_epoch: int | None = None,
) -> dict[str, Any]:
    """The ``message`` object of an FCM v1 send request for one device.

    ``now_epoch`` (Unix seconds, default: now) anchors ``apns-expiration``, which APNs wants as an
    absolute time while the content holds a relative TTL.
    """
    if render_context is not None:
        content = render_content(content, render_context)
    image = content.image_url
    data = _data(content, message_id)
    notification: dict[str, Any] = {"title": content.title, "body": content.body}
    if image:
        notification["image"] = image
    message: dict[str, Any] = {
        "token": token,
        "notification": notification,
        "data": data,
        "android": _android(content, message_id),
        "apns": _apns(content, message_id, now_epoch),
    }
    if analytics_label:
        message["fcm_options"] = {"analytics_label": analytics_label}
    return message


def render_content(content: PushContent, context: Mapping[str, Any]) -> PushContent:
    """Title, subtitle and body rendered through Liquid for one profile."""
    return replace(
        content,
        title=render(content.title, context).text,
        subtitle=render(content.subtitle, context).text,
        body=render(content.body, context).text,
    )


def _data(content: PushContent, message_id: str) -> dict[str, str]:
    data = {str(k): str(v) for k, v in content.data.items()}
    data["message_id"] = message_id
    if content.deep_link:
        data["deep_link"] = content.deep_link
    if content.actions:
        data["actions"] = json.dumps(
            [a.to_dict() for a in content.actions], ensure_ascii=False, separators=(",", ":")
        )
    return data


def _android(content: PushContent, message_id: str) -> dict[str, Any]:
    note: dict[str, Any] = {}
    if content.android_channel_id:
        note["channel_id"] = content.android_channel_id
    if content.sound:
        note["sound"] = content.sound
    if content.image_url:
        note["image"] = content.image_url
    if content.deep_link:
        note["click_action"] = content.deep_link
    android: dict[str, Any] = {
        "priority": "HIGH" if content.priority == "high" else "NORMAL",
        "collapse_key": content.collapse_key or message_id,
    }
    if content.ttl_seconds is not None:
        android["ttl"] = f"{content.ttl_seconds}s"
    if note:
        android["notification"] = note
    return android


def _apns(content: PushContent, message_id: str, now_epoch: int | None) -> dict[str, Any]:
    headers: dict[str, str] = {
        "apns-collapse-id": message_id,
        "apns-priority": "10" if content.priority == "high" else "5",
    }
    if content.ttl_seconds is not None:
        # APNs wants an absolute epoch; 0 means "deliver now or never".
        now = int(time.time()) if now_epoch is None else now_epoch
        ttl = content.ttl_seconds
        headers["apns-expiration"] = "0" if ttl == 0 else str(now + ttl)
    alert: dict[str, str] = {"title": content.title, "body": content.body}
    if content.subtitle:
        alert["subtitle"] = content.subtitle
    aps: dict[str, Any] = {"alert": alert}
    if content.badge is not None:
        aps["badge"] = content.badge
    if content.sound:
        aps["sound"] = content.sound
    if content.image_url:
        aps["mutable-content"] = 1
    apns: dict[str, Any] = {"headers": headers, "payload": {"aps": aps}}
    if content.image_url:
        apns["fcm_options"] = {"image": content.image_url}
    return apns


def payload_size(message: Mapping[str, Any]) -> int:
    """UTF-8 bytes of the compact request body ``{"message": ...}``."""
    body = json.dumps({"message": message}, ensure_ascii=False, separators=(",", ":"))
    return len(body.encode("utf-8"))


def validate_push(
    content: PushContent,
    *,
    analytics_label: str | None = None,
    message: Mapping[str, Any] | None = None,
) -> list[Issue]:
    """Everything that would make FCM refuse the message or the phone show it badly.

    ``message`` is the built message to size (pass the one for a real token when you have it);
    by default a message with a typical 163-character token is built and measured.
    """
    issues: list[Issue] = []
    if not content.title.strip() and not content.body.strip():
        issues.append(Issue("title", "A push needs a title or a body."))
    for name in ("title", "subtitle", "body"):
        err = _syntax(getattr(content, name))
        if err is not None:
            issues.append(Issue(name, f"Template error at {err}"))
    if content.image_url and not _is_https(content.image_url):
        issues.append(Issue("image_url", "The image URL must start with https://."))
    if content.deep_link and not _DEEP_LINK.fullmatch(content.deep_link):
        issues.append(Issue("deep_link", "The deep link must look like scheme://path."))
    issues.extend(_action_issues(content))
    for k, v in content.data.items():
        if not isinstance(k, str) or not isinstance(v, str):
            issues.append(Issue(f"data.{k}", "Data values must be strings."))
    if analytics_label is not None and not _LABEL.fullmatch(analytics_label):
        issues.append(
            Issue("analytics_label", "Use at most 50 characters among a-z A-Z 0-9 - _ . ~ %.")
        )
    if not any(i.field.startswith("data.") for i in issues):
        issues.extend(_size_issue(content, analytics_label, message))
    return issues


SAMPLE_TOKEN = "f" * 163  # FCM registration tokens are about 150-165 characters
SAMPLE_MESSAGE_ID = "m" * 32


def _size_issue(
    content: PushContent, label: str | None, message: Mapping[str, Any] | None
) -> list[Issue]:
    if message is None:
        message = build_fcm_message(
            content,
            token=SAMPLE_TOKEN,
            message_id=SAMPLE_MESSAGE_ID,
            analytics_label=label if label and _LABEL.fullmatch(label) else None,
        )
    size = payload_size(message)
    if size > MAX_PAYLOAD_BYTES:
        return [
            Issue("body", f"The message is {size} bytes; FCM accepts at most {MAX_PAYLOAD_BYTES}.")
        ]
    return []


def _action_issues(content: PushContent) -> list[Issue]:
    issues: list[Issue] = []
    if len(content.actions) > MAX_ACTIONS:
        issues.append(Issue("actions", f"At most {MAX_ACTIONS} buttons."))
    for i, action in enumerate(content.actions):
        if not action.title.strip():
            issues.append(Issue(f"actions[{i}].title", "Every button needs a title."))
        if action.deep_link and not _DEEP_LINK.fullmatch(action.deep_link):
            issues.append(
                Issue(f"actions[{i}].deep_link", "The deep link must look like scheme://path.")
            )
    return issues


def _is_https(url: str) -> bool:
    return url.lower().startswith("https://") and len(url) > len("https://")


def _syntax(source: str) -> TemplateSyntaxError | None:
    """Parse errors, and render-time ones such as an unknown filter (rendered with no data)."""
    if "{" not in source:
        return None
    try:
        render(source, {})
    except TemplateSyntaxError as exc:
        return exc
    return None
