"""In-app messages: a silent FCM data message carrying contract version 1."""

from __future__ import annotations

import json
from typing import Any

from engage_desktop.core.content.fcm import FCM_MAX_BYTES
from engage_desktop.core.content.fcm_formats import check_format_message
from engage_desktop.core.outbox.payload import BodyTemplate, compile_variant

INAPP: dict[str, Any] = {
    "layout": "card",
    "header": "Nouveau",
    "body": "La collection d'hiver est là.",
    "buttons": [{"label": "Voir", "deep_link": "ml://hiver"}],
    "trigger": "event",
    "trigger_event": "view_item",
    "expires_at": "2026-12-24T18:00:00+01:00",
}


def test_the_message_is_data_only_with_layout_trigger_and_expiry() -> None:
    message, size, issues = check_format_message("in_app", INAPP)
    assert not issues and message is not None
    assert "notification" not in message
    assert "notification" not in message["android"]
    assert message["apns"]["payload"] == {"aps": {"content-available": 1}}
    assert message["apns"]["headers"]["apns-push-type"] == "background"
    document = json.loads(message["data"]["engage_inapp"])
    assert document["v"] == 1
    assert document["layout"] == "card"
    assert document["trigger"] == {"on": "event", "event": "view_item"}
    assert document["expires_at"] == 1798131600
    assert 0 < size <= FCM_MAX_BYTES


def test_the_sender_compiles_it_once_and_keeps_it_silent() -> None:
    body = compile_variant(INAPP, analytics_label=None, validate_only=False, fmt="in_app")
    assert isinstance(body, BodyTemplate)
    sent = json.loads(body.render("tok", "m-1", 0))["message"]
    assert sent["data"]["message_id"] == "m-1"
    assert "notification" not in sent["android"]  # a shown notification is not an in-app


def test_bad_trigger_expiry_and_size_are_named() -> None:
    cases = {
        "trigger_event": {**INAPP, "trigger_event": ""},
        "expires_at": {**INAPP, "expires_at": "2026-12-24 18:00"},
        "trigger": {**INAPP, "trigger": "later"},
        "body": {**INAPP, "body": "x" * 5000},
    }
    for field, content in cases.items():
        message, _size, issues = check_format_message("in_app", content)
        assert message is None
        assert issues[0].field == field, (field, issues)
