"""PushContent parsing: demo variants load, bad input is refused with the field named."""

from __future__ import annotations

import pytest

from engage_desktop.core.content.push import PushAction, PushContent


def test_demo_variant_loads_with_defaults() -> None:
    c = PushContent.from_dict(
        {"title": "Soldes", "body": "-20 %", "deep_link": "lumiere://promo", "image_url": None}
    )
    assert c.title == "Soldes" and c.subtitle == "" and c.actions == ()
    assert c.priority == "high" and c.badge is None and dict(c.data) == {}


def test_round_trip_keeps_every_field() -> None:
    d = {
        "title": "T",
        "subtitle": "S",
        "body": "B",
        "image_url": "https://cdn.example/i.png",
        "deep_link": "app://x",
        "actions": [{"id": "buy", "title": "Acheter", "deep_link": "app://buy"}],
        "sound": "default",
        "badge": 3,
        "android_channel_id": "promo",
        "priority": "normal",
        "ttl_seconds": 3600,
        "collapse_key": "k",
        "data": {"a": "1"},
    }
    c = PushContent.from_dict(d)
    assert c.to_dict() == d
    assert c.actions == (PushAction("buy", "Acheter", "app://buy"),)


@pytest.mark.parametrize(
    ("bad", "needle"),
    [
        ({"titel": "x"}, "titel"),
        ({"title": 3}, "'title'"),
        ({"badge": "3"}, "'badge'"),
        ({"badge": True}, "'badge'"),
        ({"ttl_seconds": -1}, "'ttl_seconds'"),
        ({"priority": "urgent"}, "'priority'"),
        ({"actions": {"id": "x"}}, "'actions'"),
        ({"actions": [{"id": "a", "title": "b"}] * 4}, "at most 3"),
        ({"actions": [{"id": "a", "label": "b"}]}, "actions[0]"),
        ({"data": {"n": 1}}, "data.n"),
    ],
)
def test_bad_input_names_the_field(bad: dict[str, object], needle: str) -> None:
    with pytest.raises(ValueError, match=None) as info:
        PushContent.from_dict(bad)
    assert needle in str(info.value)
