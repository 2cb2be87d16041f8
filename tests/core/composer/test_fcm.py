"""The FCM v1 message builder and its validation rules, including the 4096-byte limit."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engage_desktop.core.content.fcm import (
    MAX_PAYLOAD_BYTES,
    SAMPLE_MESSAGE_ID,
    SAMPLE_TOKEN,
    build_fcm_message,
    payload_size,
    validate_push,
)
from engage_desktop.core.content.push import PushAction, PushContent


def full() -> PushContent:
    return PushContent.from_dict(
        {
            "title": "Bonjour {{ first_name | default: 'ami' }}",
            "subtitle": "Soldes",
            "body": "Jusqu'à -50 % ce week-end",
            "image_url": "https://cdn.example/i.png",
            "deep_link": "lumiere://promo/42",
            "actions": [{"id": "buy", "title": "Acheter", "deep_link": "lumiere://buy"}],
            "sound": "default",
            "badge": 2,
            "android_channel_id": "promos",
            "priority": "normal",
            "ttl_seconds": 600,
            "data": {"campaign": "7"},
        }
    )


def test_full_message_shape() -> None:
    m = build_fcm_message(
        full(),
        token="tok",
        message_id="mid",
        analytics_label="soldes-hiver",
        render_context={"first_name": "Zoé"},
        now_epoch=1_000_000,
    )
    assert m["token"] == "tok"
    assert m["notification"] == {
        "title": "Bonjour Zoé",
        "body": "Jusqu'à -50 % ce week-end",
        "image": "https://cdn.example/i.png",
    }
    assert m["data"]["message_id"] == "mid" and m["data"]["campaign"] == "7"
    assert m["data"]["deep_link"] == "lumiere://promo/42"
    assert json.loads(m["data"]["actions"])[0]["title"] == "Acheter"
    assert all(isinstance(v, str) for v in m["data"].values())
    android = m["android"]
    assert android["priority"] == "NORMAL" and android["ttl"] == "600s"
    assert android["collapse_key"] == "mid"
    assert android["notification"] == {
        "channel_id": "promos",
        "sound": "default",
        "image": "https://cdn.example/i.png",
        "click_action": "lumiere://promo/42",
    }
    apns = m["apns"]
    assert apns["headers"] == {
        "apns-collapse-id": "mid",
        "apns-priority": "5",
        "apns-expiration": "1000600",
    }
    aps = apns["payload"]["aps"]
    assert aps["alert"] == {
        "title": "Bonjour Zoé",
        "subtitle": "Soldes",
        "body": m["notification"]["body"],
    }
    assert aps["badge"] == 2 and aps["sound"] == "default" and aps["mutable-content"] == 1
    assert apns["fcm_options"] == {"image": "https://cdn.example/i.png"}
    assert m["fcm_options"] == {"analytics_label": "soldes-hiver"}
    assert validate_push(full(), analytics_label="soldes-hiver") == []


def test_minimal_message_and_collapse_key() -> None:
    c = PushContent(title="T", collapse_key="promo")
    m = build_fcm_message(c, token="t", message_id="m")
    assert m["android"] == {"priority": "HIGH", "collapse_key": "promo"}
    assert m["apns"]["headers"] == {"apns-collapse-id": "m", "apns-priority": "10"}
    assert "mutable-content" not in m["apns"]["payload"]["aps"]
    assert "fcm_options" not in m and "image" not in m["notification"]


def fields(content: PushContent, label: str | None = None) -> set[str]:
    return {i.field for i in validate_push(content, analytics_label=label)}


@pytest.mark.parametrize(
    ("content", "label", "field"),
    [
        (PushContent(), None, "title"),
        (PushContent(title="t", image_url="http://x/i.png"), None, "image_url"),
        (PushContent(title="t", deep_link="promo/42"), None, "deep_link"),
        (PushContent(title="t", deep_link="://x"), None, "deep_link"),
        (PushContent(title="t", actions=(PushAction("a", "A"),) * 4), None, "actions"),
        (PushContent(title="t", actions=(PushAction("a", " "),)), None, "actions[0].title"),
        (PushContent(title="t", data={"n": 1}), None, "data.n"),  # type: ignore[dict-item]
        (PushContent(title="t"), "x" * 51, "analytics_label"),
        (PushContent(title="t"), "été", "analytics_label"),
        (PushContent(title="{{ a b }}"), None, "title"),
    ],
)
def test_each_rule(content: PushContent, label: str | None, field: str) -> None:
    assert field in fields(content, label)


def test_emoji_rtl_combining_marks_count_utf8_bytes() -> None:
    for text in ("🎉🎄👩‍👩‍👧", "مرحبا بالعالم", "שלום", "e\u0301te\u0301 Z\u0308oe"):
        c = PushContent(title=text, body=text)
        m = build_fcm_message(c, token="t", message_id="m")
        assert m["notification"]["title"] == text  # no normalisation, no escaping
        raw = json.dumps({"message": m}, ensure_ascii=False, separators=(",", ":"))
        assert payload_size(m) == len(raw.encode()) > len(raw)
        assert validate_push(c) == []


def test_4096_byte_boundary() -> None:
    def size_for(n: int) -> int:
        c = PushContent(title="t", body="é" * n)
        return payload_size(build_fcm_message(c, token=SAMPLE_TOKEN, message_id=SAMPLE_MESSAGE_ID))

    base = size_for(0)
    n = (MAX_PAYLOAD_BYTES - base) // 4  # the body appears twice (notification and aps), 2 bytes
    assert size_for(n) <= MAX_PAYLOAD_BYTES < size_for(n + 1)
    assert validate_push(PushContent(title="t", body="é" * n)) == []
    issues = validate_push(PushContent(title="t", body="é" * (n + 1)))
    assert [i.field for i in issues] == ["body"] and "4096" in issues[0].message


def test_size_of_a_given_message() -> None:
    c = PushContent(title="t")
    big = build_fcm_message(c, token="x" * 5000, message_id="m")
    assert "body" in {i.field for i in validate_push(c, message=big)}


texts = st.text(max_size=1500)
links = st.one_of(st.none(), st.from_regex(r"[a-z]{1,6}://[a-z0-9/]{1,20}", fullmatch=True), texts)
actions = st.lists(
    st.builds(PushAction, id=st.text(max_size=10), title=texts, deep_link=links), max_size=4
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    title=texts,
    body=texts,
    subtitle=texts,
    image=st.one_of(st.none(), st.just("https://cdn.example/x.png"), texts),
    link=links,
    acts=actions,
    label=st.one_of(st.none(), st.text(max_size=60)),
)
def test_valid_or_reported_never_both(
    title: str,
    body: str,
    subtitle: str,
    image: str | None,
    link: str | None,
    acts: list[PushAction],
    label: str | None,
) -> None:
    c = PushContent(
        title=title,
        body=body,
        subtitle=subtitle,
        image_url=image,
        deep_link=link,
        actions=tuple(acts),
    )
    issues = validate_push(c, analytics_label=label)
    if issues:
        return
    # No issue reported: the message must really be sendable.
    m = build_fcm_message(
        c,
        token=SAMPLE_TOKEN,
        message_id=SAMPLE_MESSAGE_ID,
        analytics_label=label,
        render_context={},
    )
    assert payload_size(m) <= MAX_PAYLOAD_BYTES
    assert (
        m["notification"]["title"].strip()
        or m["notification"]["body"].strip()
        or (title.strip() or body.strip())
    )
    assert len(c.actions) <= 3
    assert all(isinstance(v, str) for v in m["data"].values())


def test_unknown_filter_reported_not_raised() -> None:
    assert "body" in fields(PushContent(title="t", body="{{ a | nofilter }}"))
