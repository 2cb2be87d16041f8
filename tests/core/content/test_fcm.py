"""The FCM message builder's content rules: reserved keys, the Android tag, template errors and
the byte count (issue 14)."""

from __future__ import annotations

import json

import pytest

from engage_desktop.core.content.fcm import build_fcm_message, check_message, payload_size
from engage_desktop.core.content.push import PushContent
from engage_desktop.core.outbox.expand import message_id_for
from engage_desktop.core.outbox.payload import compile_body

PLAIN = {"title": "Soldes d'hiver", "body": "Jusqu'à -50 % ce week-end"}


@pytest.mark.parametrize(
    "key",
    [
        "google.c.a.e",
        "gcm.notification.body",
        "from",
        "message_type",
        "notification",
        "collapse_key",
        "Google_analytics",
        "GCM.x",
    ],
)
def test_reserved_data_keys_are_refused_with_no_message(key: str) -> None:
    content = PushContent.from_dict({**PLAIN, "data": {key: "1", "coupon": "HIVER50"}})
    message, _size, issues = check_message(content)
    assert message is None
    assert [(i.field, getattr(i.message, "code", "")) for i in issues] == [
        (f"data.{key}", "reserved_data_key")
    ]
    assert key in issues[0].message


def test_ordinary_data_keys_that_merely_contain_a_reserved_word_pass() -> None:
    content = PushContent.from_dict({**PLAIN, "data": {"coupon_from": "x", "my_google": "y"}})
    assert check_message(content)[2] == []


def test_android_notification_tag_is_the_message_id() -> None:
    message = build_fcm_message(PushContent.from_dict(PLAIN), token="t", message_id="ed-7-42")
    assert message["android"]["notification"]["tag"] == "ed-7-42"
    assert message["android"]["collapse_key"] == "ed-7-42"
    assert message["apns"]["headers"]["apns-collapse-id"] == "ed-7-42"


def test_the_sender_body_carries_the_tag_of_each_recipient() -> None:
    template = compile_body(PLAIN, analytics_label=None, validate_only=False)
    body = json.loads(template.render("tok", "ed-7-42"))
    assert body["message"]["android"]["notification"]["tag"] == "ed-7-42"


def test_a_template_error_gives_an_issue_and_no_message() -> None:
    content = PushContent.from_dict({**PLAIN, "body": "Bonjour {{ first_name "})
    message, _size, issues = check_message(content, render_context={"first_name": "Léa"})
    assert message is None
    assert [i.field for i in issues] == ["body"]
    assert getattr(issues[0].message, "code", "").startswith("template_")


def test_a_data_dependent_template_error_gives_an_issue_and_no_message() -> None:
    content = PushContent.from_dict({**PLAIN, "title": "{{ 10 | divided_by: points }}"})
    message, _size, issues = check_message(content, render_context={"points": 0})
    assert message is None
    assert [(i.field, getattr(i.message, "code", "")) for i in issues] == [
        ("title", "template_divide_by_zero")
    ]


def test_the_builder_never_sends_a_field_as_raw_liquid() -> None:
    content = PushContent.from_dict({**PLAIN, "title": "{{ 10 | divided_by: points }}"})
    with pytest.raises(ValueError, match="title") as raised:
        build_fcm_message(content, token="t", message_id="m", render_context={"points": 0})
    assert raised.value.issue.field == "title"  # type: ignore[attr-defined]


def test_the_byte_count_is_the_one_of_the_messages_really_sent() -> None:
    """The composer's count (check_message's default id) equals the size of a message the
    sender stamps with a real outbox id (ten-digit campaign and device ids)."""
    content = PushContent.from_dict({**PLAIN, "deep_link": "maisonlumiere://promo/42"})
    _message, size, _issues = check_message(content)
    real_id = message_id_for(1_234_567_890, 1_987_654_321)
    template = compile_body(
        PLAIN | {"deep_link": "maisonlumiere://promo/42"}, analytics_label=None, validate_only=False
    )
    sent = json.loads(template.render("tok", real_id))["message"]
    assert size == payload_size(sent)
