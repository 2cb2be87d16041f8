"""The FCM data message that carries an in-app message to the app (contract version 1).

An in-app message is not a notification: the app receives it silently (an Android data message,
an iOS background push) and shows it itself, with its layout, when its trigger happens (the next
time the app opens, or an event the app logs), unless it has expired. Everything travels in
``data.engage_inapp`` as one JSON string (FCM data values are strings); ``docs/inapp-contract.md``
is the contract for app developers. The whole message must fit FCM's 4,096 bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from engage_desktop.core.messages import CodedText
from engage_desktop.core.templating import render_text

from .fcm import (
    FCM_MAX_BYTES,
    SAMPLE_MESSAGE_ID,
    Issue,
    RenderFailed,
    payload_size,
    template_issue_text,
)
from .inapp import InAppContent, validate_inapp

INAPP_CONTRACT_VERSION = 1
TRIGGERS = ("app_open", "event")
_EVENT_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")  # GA4 event names


def _trigger(content: Mapping[str, Any]) -> dict[str, str]:
    if str(content.get("trigger") or "app_open") == "event":
        return {"on": "event", "event": str(content.get("trigger_event") or "")}
    return {"on": "app_open"}


def inapp_expiry(content: Mapping[str, Any]) -> int | None:
    """``expires_at`` (ISO 8601 with its offset) as Unix seconds; None when not set."""
    raw = str(content.get("expires_at") or "").strip()
    if not raw:
        return None
    moment = datetime.fromisoformat(raw)
    if moment.tzinfo is None:
        raise ValueError(f"expires_at {raw!r} has no time zone offset")
    return int(moment.timestamp())


def inapp_document(
    content: Mapping[str, Any], render_context: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The contract's JSON object for one recipient (texts rendered with Liquid)."""
    inapp = InAppContent.from_dict(content)
    texts = {"header": inapp.header, "body": inapp.body}
    if render_context is not None:
        for name, source in texts.items():
            result = render_text(source, render_context)
            if result.error is not None:
                raise RenderFailed(Issue(name, template_issue_text(result.error)))
            texts[name] = result.text
    return {
        "v": INAPP_CONTRACT_VERSION,
        "layout": inapp.layout,
        "header": texts["header"],
        "body": texts["body"],
        "image_url": inapp.image_url,
        "buttons": [{"label": b.label, "deep_link": b.deep_link} for b in inapp.buttons],
        "colours": {
            "background": inapp.background,
            "text": inapp.text_colour,
            "button": inapp.button_colour,
        },
        "close_button": inapp.close_button,
        "trigger": _trigger(content),
        "expires_at": inapp_expiry(content),
    }


def build_inapp_message(
    content: Mapping[str, Any],
    *,
    token: str,
    message_id: str,
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
    now_unix: int | None = None,
) -> dict[str, Any]:
    """The ``message`` object for one token: data only, delivered silently on both platforms.

    ``now_unix`` is accepted for the builders' common signature; the expiry is absolute.
    """
    document = inapp_document(content, render_context)
    data = {
        "engage_type": "in_app",
        "engage_inapp": json.dumps(document, ensure_ascii=False, separators=(",", ":")),
        "message_id": message_id,
    }
    message: dict[str, Any] = {
        "token": token,
        "data": data,
        "android": {"priority": "high", "collapse_key": message_id},
        "apns": {
            "headers": {
                "apns-push-type": "background",
                "apns-priority": "5",  # Apple refuses priority 10 for background pushes
                "apns-collapse-id": message_id,
            },
            "payload": {"aps": {"content-available": 1}},
        },
    }
    if analytics_label:
        message["fcm_options"] = {"analytics_label": analytics_label}
    return message


def validate_delivery(content: Mapping[str, Any]) -> list[Issue]:
    """The trigger and the expiry (the look is ``inapp.validate_inapp``'s)."""
    issues: list[Issue] = []
    trigger = str(content.get("trigger") or "app_open")
    if trigger not in TRIGGERS:
        text = f"Unknown trigger “{trigger}”: use app_open or event."
        issues.append(Issue("trigger", CodedText(text, "inapp_unknown_trigger", trigger)))
    elif trigger == "event" and not _EVENT_NAME.match(str(content.get("trigger_event") or "")):
        text = "Name the event that shows the message (letters, digits, _; 40 at most)."
        issues.append(Issue("trigger_event", CodedText(text, "inapp_trigger_event")))
    try:
        inapp_expiry(content)
    except ValueError:
        shown = str(content.get("expires_at"))[:40]
        text = f"“{shown}” is not a date and time with its offset (2026-12-24T18:00:00+01:00)."
        issues.append(Issue("expires_at", CodedText(text, "inapp_bad_expiry", shown)))
    return issues


def check_inapp_message(
    content: Mapping[str, Any],
    *,
    message_id: str = SAMPLE_MESSAGE_ID,
    analytics_label: str | None = None,
    render_context: Mapping[str, Any] | None = None,
) -> tuple[dict[str, Any] | None, int, list[Issue]]:
    """A message within FCM's 4,096 bytes, or the issues (never both)."""
    issues = [Issue(f, m) for f, m in validate_inapp(InAppContent.from_dict(content))]
    issues += validate_delivery(content)
    if issues:
        return None, 0, issues
    try:
        message = build_inapp_message(
            content,
            token="PREVIEW_TOKEN",
            message_id=message_id,
            analytics_label=analytics_label,
            render_context=render_context,
        )
    except RenderFailed as exc:
        return None, 0, [exc.issue]
    size = payload_size(message)
    if size > FCM_MAX_BYTES:
        text = f"The message is {size} bytes; FCM accepts at most {FCM_MAX_BYTES}."
        coded = CodedText(text, "payload_too_big", str(size), str(FCM_MAX_BYTES))
        return None, size, [Issue("body", coded)]
    return message, size, []
