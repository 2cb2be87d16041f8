"""Schedules: what the marketer typed, read and checked, with messages naming the field."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from engage_desktop.core.delivery.caps import caps_text, parse_caps
from engage_desktop.core.delivery.daily_window import RuleInputError
from engage_desktop.core.delivery.schedule import check_against_now, parse_schedule
from engage_desktop.core.delivery.zones import check_zone

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def test_a_naive_date_is_the_apps_zone_and_local_time_stays_a_wall_time() -> None:
    at = parse_schedule({"mode": "at", "at": "2026-12-04T10:00"}, PARIS)
    assert at.at == datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    local = parse_schedule({"mode": "local_time", "at": "2026-12-04T10:00"}, PARIS)
    assert local.at == datetime(2026, 12, 4, 10, 0) and local.at.tzinfo is None
    now = parse_schedule({"mode": "now", "at": "2020-01-01T00:00"}, PARIS)
    assert now.at is None  # a date left from another mode is ignored


@pytest.mark.parametrize(
    ("doc", "code", "where"),
    [
        ({"mode": "soon"}, "schedule_bad_mode", "soon"),
        ({"mode": "at", "at": "demain"}, "schedule_bad_date", "schedule.at"),
        ({"mode": "at"}, "schedule_needs_at", "at"),
        ({"until": "31/12/2026"}, "schedule_bad_date", "schedule.until"),
        ({"throttle_per_minute": "-5"}, "schedule_bad_throttle", "-5"),
    ],
)
def test_bad_schedules_name_the_field(doc: dict[str, object], code: str, where: str) -> None:
    with pytest.raises(RuleInputError) as caught:
        parse_schedule(doc, PARIS)
    assert caught.value.code == code and where in str(caught.value)


def test_a_schedule_in_the_past_or_an_offer_already_over_is_refused() -> None:
    past = parse_schedule({"mode": "at", "at": "2026-12-03T09:00+00:00"}, PARIS)
    with pytest.raises(RuleInputError, match="in the past"):
        check_against_now(past, NOW)
    over = parse_schedule({"until": "2026-12-03T09:59+00:00"}, PARIS)
    with pytest.raises(RuleInputError, match="offer ended"):
        check_against_now(over, NOW)
    check_against_now(parse_schedule({"until": "2026-12-03T12:00+00:00"}, PARIS), NOW)


def test_unknown_time_zone_is_named() -> None:
    with pytest.raises(RuleInputError, match="'Europe/Pari' is not a known IANA time zone"):
        check_zone("Europe/Pari")
    assert check_zone("America/Cayenne") == ZoneInfo("America/Cayenne")


def test_caps_read_and_write_back() -> None:
    caps = parse_caps("push:2/day,5/week; sms:1/week")
    assert caps == {"push": {"day": 2, "week": 5}, "sms": {"week": 1}}
    assert parse_caps(caps_text(caps)) == caps
    with pytest.raises(RuleInputError, match="'fax:1/day'"):
        parse_caps("fax:1/day")
    with pytest.raises(RuleInputError, match="'0/day'"):
        parse_caps("push:0/day")
