"""The FCM message builder and its validation: the contract the sender relies on."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.content.fcm import (
    FCM_MAX_BYTES,
    build_fcm_message,
    check_message,
    payload_size,
)
from engage_desktop.core.content.push import PushAction, PushContent

FULL = {
    "title": "Soldes d'hiver ❄️",
    "subtitle": "Jusqu'à -50 %",
    "body": "Bonjour {{ first_name | default: 'cher client' }}, vos articles vous attendent.",
    "image_url": "https://cdn.example.com/a.jpg",
    "deep_link": "maisonlumiere://promo/42",
    "actions": [{"id": "buy", "title": "Acheter", "deep_link": "maisonlumiere://cart"}],
    "sound": "default",
    "badge": 3,
    "android_channel_id": "promos",
    "priority": "normal",
    "ttl_seconds": 3600,
    "collapse_key": "",
    "data": {"coupon": "HIVER50"},
}


def test_round_trip_keeps_every_key() -> None:
    content = PushContent.from_dict(FULL)
    assert content.to_dict() == FULL
    assert PushContent.from_dict(content.to_dict()) == content


def test_demo_style_dict_gets_defaults() -> None:
    content = PushContent.from_dict(
        {"title": "Hi", "body": "There", "deep_link": "", "image_url": ""}
    )
    assert content.priority == "high" and content.actions == () and content.badge is None
    assert set(content.to_dict()) == set(FULL)


def test_full_message_shape() -> None:
    message = build_fcm_message(
        PushContent.from_dict(FULL),
        token="tok",
        message_id="m-1",
        analytics_label="winter",
        render_context={"first_name": "Léa"},
        now_unix=1_000,
    )
    assert message["token"] == "tok"
    assert message["notification"] == {
        "title": "Soldes d'hiver ❄️",
        "body": "Bonjour Léa, vos articles vous attendent.",
        "image": "https://cdn.example.com/a.jpg",
    }
    assert message["data"]["message_id"] == "m-1"
    assert message["data"]["coupon"] == "HIVER50"
    assert all(isinstance(v, str) for v in message["data"].values())
    android = message["android"]
    assert android["priority"] == "normal" and android["ttl"] == "3600s"
    assert android["collapse_key"] == "m-1"
    assert android["notification"]["channel_id"] == "promos"
    apns = message["apns"]
    assert apns["headers"] == {
        "apns-collapse-id": "m-1",
        "apns-priority": "5",
        "apns-expiration": "4600",
    }
    aps = apns["payload"]["aps"]
    assert aps["alert"]["subtitle"] == "Jusqu'à -50 %"
    assert aps["badge"] == 3 and aps["mutable-content"] == 1
    assert apns["fcm_options"] == {"image": "https://cdn.example.com/a.jpg"}
    assert message["fcm_options"] == {"analytics_label": "winter"}


def test_missing_profile_field_uses_default() -> None:
    message = build_fcm_message(
        PushContent.from_dict(FULL), token="t", message_id="m", render_context={}
    )
    assert message["notification"]["body"].startswith("Bonjour cher client,")


def _fields(content: PushContent) -> set[str]:
    _, _, issues = check_message(content)
    return {i.field.split(".")[0].split("[")[0] for i in issues}


def test_bad_cases_are_reported_by_field() -> None:
    assert "body" in _fields(PushContent())
    assert "image_url" in _fields(PushContent(body="x", image_url="http://a.com/i.png"))
    assert "deep_link" in _fields(PushContent(body="x", deep_link="not a link"))
    four = tuple(PushAction(id=str(i), title="b") for i in range(4))
    assert "actions" in _fields(PushContent(body="x", actions=four))
    assert "data" in _fields(PushContent(body="x", data={"n": 3}))
    message, _, issues = check_message(PushContent(body="x"), analytics_label="bad label!")
    assert message is None and issues[0].field == "analytics_label"


def test_four_kilobyte_boundary() -> None:
    base = PushContent(body="")
    overhead = payload_size(
        build_fcm_message(base.with_changes(body="x"), token="t", message_id="m")
    )
    # The body appears twice (notification and aps.alert): each extra char costs 2 bytes.
    fits = "x" * (1 + (FCM_MAX_BYTES - overhead) // 2)
    message, size, issues = check_message(base.with_changes(body=fits), token="t", message_id="m")
    assert message is not None and size <= FCM_MAX_BYTES and not issues
    too_big = fits + "xx"
    message, size, issues = check_message(
        base.with_changes(body=too_big), token="t", message_id="m"
    )
    assert message is None and size > FCM_MAX_BYTES and issues


def test_size_counts_utf8_bytes() -> None:
    ascii_msg = build_fcm_message(PushContent(body="e" * 100), token="t", message_id="m")
    accented = build_fcm_message(PushContent(body="é" * 100), token="t", message_id="m")
    assert payload_size(accented) - payload_size(ascii_msg) == 200


_text = st.text(max_size=2500)
_contents = st.builds(
    PushContent,
    title=_text,
    body=_text,
    subtitle=st.text(max_size=200),
    image_url=st.sampled_from(["", "https://x.io/a.png", "http://x.io/a.png", "ftp:/b"]),
    deep_link=st.sampled_from(["", "app://home", "nope", "https://x.io/p"]),
    actions=st.lists(
        st.builds(PushAction, id=st.text(max_size=8), title=st.text(max_size=30)), max_size=4
    ).map(tuple),
    badge=st.one_of(st.none(), st.integers(-2, 99)),
    data=st.dictionaries(st.text(max_size=10), st.one_of(st.text(max_size=300), st.integers())),
)


@settings(max_examples=150, deadline=None)
@given(_contents)
def test_valid_payload_or_errors_never_both(content: PushContent) -> None:
    message, size, issues = check_message(content)
    assert (message is None) == bool(issues)
    if message is not None:
        assert size <= FCM_MAX_BYTES
        assert all(isinstance(v, str) for v in message["data"].values())
        json.dumps(message)
