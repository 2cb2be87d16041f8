"""The FCM HTTP v1 message for a push: built here, once, for the preview and for the sender.

The JSON is built directly as dicts (firebase-admin's message types cost ≈ 43 µs a message, too
slow for bulk sends). ``message_id`` is the idempotency key: it travels in ``data.message_id`` and
is the collapse key on both platforms, so a re-send after a crash replaces the first copy.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.messages import CodedText
from engage_desktop.core.templating import render_text

from .push import MAX_ACTIONS, PushContent

FCM_MAX_BYTES = 4096
_TEXT_FIELDS = ("title", "subtitle", "body")
# scheme://authority… (RFC 3986 scheme); urllib is off-limits in core (no-network contract).
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(//([^/?#\s]*))?")
_APNS_PRIORITY = {"high": "10", "normal": "5"}


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with one field, in plain words, for the form to show where it is.

    ``message`` is a ``CodedText``: English, plus a code and arguments for the GUI's language.
    """

    field: str
    message: str


def _personalise(content: PushContent, render_context: Mapping[str, Any] | None) -> PushContent:
    """Apply Liquid to the texts; a template error leaves the text as written (validate reports it)."""
    if render_context is None:
        return content
    changes: dict[str, str] = {}
    for name in (*_TEXT_FIELDS, "deep_link", "image_url"):
        source = getattr(content, name)
        if "{" in source:
            result = render_text(source, render_context)
            if result.error is None:
                changes[name] = result.text
    return content.with_changes(**changes) if changes else content


def _data_block(content: PushContent, message_id: str) -> dict[str, str]:
    data = {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in content.data.items()}
    if content.deep_link:
        data.setdefault("deep_link", content.deep_link)
    if content.actions:
        data["actions"] = json.dumps(
            [a.to_dict() for a in content.actions], ensure_ascii=False, separators=(",", ":")
        )
    data["message_id"] = message_id
    return data


def _android_block(content: PushContent, message_id: str) -> dict[str, Any]:
    notification: dict[str, Any] = {}
    if content.android_channel_id:
        notification["channel_id"] = content.android_channel_id
    if content.sound:
        notification["sound"] = content.sound
    if content.image_url:
        notification["image"] = content.image_url
    if content.deep_link:
        notification["click_action"] = content.deep_link
    android: dict[str, Any] = {"priority": content.priority, "collapse_key": message_id}
    if content.ttl_seconds is not None:
        android["ttl"] = f"{content.ttl_seconds}s"
    if notification:
        android["notification"] = notification
    return android


def _apns_block(content: PushContent, message_id: str) -> dict[str, Any]:
    alert: dict[str, str] = {}
    for name in _TEXT_FIELDS:
        value = getattr(content, name)
        if value:
            alert[name] = value
    aps: dict[str, Any] = {}
    if alert:
        aps["alert"] = alert
    if content.badge is not None:
        aps["badge"] = content.badge
    if content.sound:
        aps["sound"] = content.sound
    if content.image_url:
        aps["mutable-content"] = 1
    if content.actions:
        aps["category"] = "engage_" + "_".join(a.id for a in content.actions)
    headers = {
        "apns-collapse-id": message_id,
        "apns-priority": _APNS_PRIORITY[content.priority],
    }
    apns: dict[str, Any] = {"headers": headers, "payload": {"aps": aps}}
    if content.image_url:
        apns["fcm_options"] = {"image": content.image_url}
    return apns


def build_fcm_message(
    content: PushContent,
    *,
    token: str,
    message_id: str,
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
    now_unix: int | None = None,
) -> dict[str, Any]:
    """The ``message`` object of a ``messages:send`` body for one device token.

    ``apns-expiration`` is an absolute Unix time: pass ``now_unix`` (the sender's clock) when a
    TTL is set; without it the current time is used. A TTL of 0 means "deliver now or never",
    which APNs spells as expiration 0.
    """
    content = _personalise(content, render_context)
    notification: dict[str, str] = {}
    if content.title:
        notification["title"] = content.title
    if content.body:
        notification["body"] = content.body
    if content.image_url:
        notification["image"] = content.image_url
    message: dict[str, Any] = {"token": token}
    if notification:
        message["notification"] = notification
    message["data"] = _data_block(content, message_id)
    message["android"] = _android_block(content, message_id)
    apns = _apns_block(content, message_id)
    if content.ttl_seconds is not None:
        now = int(time.time()) if now_unix is None else now_unix
        expiry = 0 if content.ttl_seconds == 0 else now + content.ttl_seconds
        apns["headers"]["apns-expiration"] = str(expiry)
    message["apns"] = apns
    if analytics_label:
        message["fcm_options"] = {"analytics_label": analytics_label}
    return message


def encode_message(message: Mapping[str, Any]) -> bytes:
    """The exact bytes sent: ``{"message": …}`` as compact UTF-8 JSON."""
    return json.dumps({"message": message}, ensure_ascii=False, separators=(",", ":")).encode()


def payload_size(message: Mapping[str, Any]) -> int:
    """Bytes FCM counts against the 4096 limit: the notification and data the device receives."""
    counted = {
        key: message[key] for key in ("notification", "data", "android", "apns") if key in message
    }
    return len(json.dumps(counted, ensure_ascii=False, separators=(",", ":")).encode())


def _check_url(field: str, url: str, *, https_only: bool) -> list[Issue]:
    match = _URL.match(url)
    scheme = match.group(1).lower() if match else ""
    netloc = (match.group(3) or "") if match else ""
    if https_only:
        if scheme != "https" or not netloc:
            shown = url[:60]
            message = f"The image must be an https:// address (got “{shown}”)."
            return [Issue(field, CodedText(message, "image_not_https", shown))]
        return []
    if not scheme or (scheme in ("http", "https") and not netloc):
        shown = url[:60]
        message = f"“{shown}” is not a link: write scheme://path, e.g. myapp://promo."
        return [Issue(field, CodedText(message, "not_a_link", shown))]
    if any(ch.isspace() for ch in url):
        return [Issue(field, CodedText("A link may not contain spaces.", "link_spaces"))]
    return []


def validate_push(content: PushContent) -> list[Issue]:
    """Problems in the content itself, before any profile is applied."""
    issues: list[Issue] = []
    if not content.title.strip() and not content.body.strip():
        message = "Write a title or a body: the notification would be empty."
        issues.append(Issue("body", CodedText(message, "push_empty")))
    if content.image_url:
        issues += _check_url("image_url", content.image_url, https_only=True)
    if content.deep_link:
        issues += _check_url("deep_link", content.deep_link, https_only=False)
    if len(content.actions) > MAX_ACTIONS:
        extra = str(len(content.actions) - MAX_ACTIONS)
        message = f"At most {MAX_ACTIONS} buttons; remove {extra}."
        issues.append(
            Issue("actions", CodedText(message, "too_many_actions", str(MAX_ACTIONS), extra))
        )
    for index, action in enumerate(content.actions):
        where = f"actions[{index}]"
        if not action.title.strip():
            message = f"Button {index + 1} has no label."
            issues.append(Issue(where, CodedText(message, "button_no_label", str(index + 1))))
        if not action.id.strip():
            message = f"Button {index + 1} has no identifier."
            issues.append(Issue(where, CodedText(message, "button_no_id", str(index + 1))))
        if action.deep_link:
            issues += _check_url(where, action.deep_link, https_only=False)
    for key, value in content.data.items():
        if not isinstance(value, str):
            kind = type(value).__name__
            message = f"Custom data “{key}” must be text, not {kind} (write it in quotes)."
            issues.append(Issue(f"data.{key}", CodedText(message, "data_not_text", key, kind)))
    if content.badge is not None and content.badge < 0:
        issues.append(Issue("badge", CodedText("The badge must be 0 or more.", "badge_negative")))
    if content.ttl_seconds is not None and not 0 <= content.ttl_seconds <= 2_419_200:
        message = "Time to live must be between 0 and 28 days (2,419,200 s)."
        issues.append(Issue("ttl_seconds", CodedText(message, "ttl_range")))
    if "message_id" in content.data:
        message = "“message_id” is reserved: use another key."
        issues.append(Issue("data.message_id", CodedText(message, "reserved_message_id")))
    return issues


def check_message(
    content: PushContent,
    *,
    token: str = "PREVIEW_TOKEN",
    message_id: str = "00000000-0000-0000-0000-000000000000",
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any] | None, int, list[Issue]]:
    """Build and validate: (message or None when invalid, payload bytes, issues).

    This is the one rule the composer, CLI and sender share: any content either yields a valid
    message within 4096 bytes, or a non-empty list of issues — never both.
    """
    issues = validate_push(content)
    if analytics_label is not None and not _label_ok(analytics_label):
        text = "Analytics label: up to 50 letters, digits, - _ . ~ % only."
        issues.append(Issue("analytics_label", CodedText(text, "bad_analytics_label")))
    message = build_fcm_message(
        content,
        token=token,
        message_id=message_id,
        analytics_label=analytics_label or None,
        render_context=render_context,
    )
    size = payload_size(message)
    if size > FCM_MAX_BYTES:
        text = (
            f"The payload is {size} bytes; FCM accepts at most {FCM_MAX_BYTES}. "
            "Shorten the texts or data."
        )
        coded = CodedText(text, "payload_too_big", str(size), str(FCM_MAX_BYTES))
        issues.append(Issue("body", coded))
    return (None if issues else message), size, issues


def _label_ok(label: str) -> bool:
    return bool(re.fullmatch(r"[a-zA-Z0-9\-_.~%]{1,50}", label))
