"""The FCM HTTP v1 message for a push: built here, once, for the preview and for the sender.

The JSON is built directly as dicts (firebase-admin's message types cost ≈ 43 µs a message, too
slow for bulk sends). ``message_id`` is the idempotency key: it travels in ``data.message_id``, is
the collapse key on both platforms and the Android notification's ``tag`` (Android replaces a
shown notification only when the tag matches; ``collapse_key`` only merges messages still waiting
on FCM's side), so a re-send after a crash or a retry replaces the first copy on the phone.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engage_desktop.core.messages import CodedText
from engage_desktop.core.outbox.message_ids import sample_message_id
from engage_desktop.core.templating import TemplateError, render_text

from .push import MAX_ACTIONS, PushContent

FCM_MAX_BYTES = 4096
# As long as the ids the outbox stamps, so the byte count checked is the real messages' one.
SAMPLE_MESSAGE_ID = sample_message_id()
_TEXT_FIELDS = ("title", "subtitle", "body")
# scheme://authority… (RFC 3986 scheme); urllib is off-limits in core (no-network contract).
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(//([^/?#\s]*))?")
_APNS_PRIORITY = {"high": "10", "normal": "5"}
# FCM refuses data keys that are reserved words or start with "google" / "gcm" (HTTP v1
# reference, Message.data); the rest were reserved by the legacy protocol the SDKs still parse.
RESERVED_DATA_KEYS = frozenset({"from", "message_type", "notification", "collapse_key"})
RESERVED_DATA_PREFIXES = ("google", "gcm")


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with one field, in plain words, for the form to show where it is.

    ``message`` is a ``CodedText``: English, plus a code and arguments for the GUI's language.
    """

    field: str
    message: str


class RenderFailed(ValueError):
    """A template could not be rendered for this profile: no message may be built from it."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(f"{issue.field}: {issue.message}")
        self.issue = issue


def _personalise(
    content: PushContent, render_context: Mapping[str, Any] | None
) -> tuple[PushContent, list[Issue]]:
    """Apply Liquid to the texts; a field whose template fails is an issue, never sent raw."""
    if render_context is None:
        return content, []
    changes: dict[str, str] = {}
    issues: list[Issue] = []
    for name in (*_TEXT_FIELDS, "deep_link", "image_url"):
        source = getattr(content, name)
        if "{" in source:
            result = render_text(source, render_context)
            if result.error is None:
                changes[name] = result.text
            else:
                issues.append(Issue(name, template_issue_text(result.error)))
    return (content.with_changes(**changes) if changes else content), issues


def template_issue_text(error: TemplateError) -> CodedText:
    """A Liquid error as an issue message: ``template_<case>`` with line, column, then the case's
    own arguments (or python-liquid's English for a case without a code)."""
    line, column = str(error.line), str(error.column)
    text = f"Template error, line {line}, column {column}: {error.message}"
    if error.code:
        return CodedText(text, f"template_{error.code}", line, column, *error.args)
    return CodedText(text, "template_other", line, column, error.message)


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
    notification["tag"] = message_id  # a resent message replaces the shown one, never doubles it
    android: dict[str, Any] = {"priority": content.priority, "collapse_key": message_id}
    if content.ttl_seconds is not None:
        android["ttl"] = f"{content.ttl_seconds}s"
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
    which APNs spells as expiration 0. Raises ``RenderFailed`` when a template cannot be rendered
    with ``render_context``: a message is never built with a field left as raw Liquid.
    """
    content, failed = _personalise(content, render_context)
    if failed:
        raise RenderFailed(failed[0])
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
    issues += [
        Issue(
            f"data.{key}",
            CodedText(f"“{key}” is reserved by FCM: use another key.", "reserved_data_key", key),
        )
        for key in content.data
        if is_reserved_data_key(key)
    ]
    return issues


def is_reserved_data_key(key: str) -> bool:
    """A custom data key FCM refuses (the message would get a 400 for every recipient)."""
    folded = key.lower()
    return folded in RESERVED_DATA_KEYS or folded.startswith(RESERVED_DATA_PREFIXES)


def check_message(
    content: PushContent,
    *,
    token: str = "PREVIEW_TOKEN",
    message_id: str = SAMPLE_MESSAGE_ID,
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any] | None, int, list[Issue]]:
    """Build and validate: (message or None when invalid, payload bytes, issues).

    This is the one rule the composer, CLI and sender share: any content either yields a valid
    message within 4096 bytes, or a non-empty list of issues — never both. A template that fails
    for ``render_context`` is an issue of its field (and the size is that of the raw text).
    """
    issues = validate_push(content)
    if analytics_label is not None and not _label_ok(analytics_label):
        text = "Analytics label: up to 50 letters, digits, - _ . ~ % only."
        issues.append(Issue("analytics_label", CodedText(text, "bad_analytics_label")))
    rendered, failed = _personalise(content, render_context)
    issues += failed
    message = build_fcm_message(
        rendered, token=token, message_id=message_id, analytics_label=analytics_label or None
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
