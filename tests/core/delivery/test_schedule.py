"""Schedules: what the marketer typed, read and checked, with messages naming the field."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from engage_desktop.core.delivery.caps import caps_text, parse_caps
from engage_desktop.core.delivery.daily_window import RuleInputError
from engage_desktop.core.delivery.schedule import (
    check_against_now,
    local_time_at,
    parse_schedule,
    start_time,
)
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


# Local time: 10:00 on each recipient's clock, from the earliest zone on.
AUCKLAND, LOS_ANGELES = ZoneInfo("Pacific/Auckland"), ZoneInfo("America/Los_Angeles")
TEN = datetime(2026, 12, 5, 10, 0)  # a Saturday; Auckland is on summer time (UTC+13)


def _utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_local_time_is_each_zones_own_wall_time_when_it_is_still_ahead() -> None:
    start = _utc(2026, 12, 4, 20)  # 10:00 in UTC+14: the send starts there
    assert local_time_at(TEN, AUCKLAND, start) == _utc(2026, 12, 4, 21)
    assert local_time_at(TEN, PARIS, start) == _utc(2026, 12, 5, 9)
    assert local_time_at(TEN, LOS_ANGELES, start) == _utc(2026, 12, 5, 18)


def test_a_zone_whose_time_has_passed_gets_it_the_next_day_not_at_once() -> None:
    start = _utc(2026, 12, 5, 9, 30)  # 10:30 in Paris, 22:30 in Auckland, 01:30 in LA
    assert local_time_at(TEN, AUCKLAND, start) == _utc(2026, 12, 5, 21)  # Sunday 10:00 there
    assert local_time_at(TEN, PARIS, start) == _utc(2026, 12, 6, 9)
    assert local_time_at(TEN, LOS_ANGELES, start) == _utc(2026, 12, 5, 18)  # still ahead
    late = _utc(2026, 12, 5, 9, 10)  # a start ten minutes late is not a day late
    assert local_time_at(TEN, PARIS, late) == late
    week_later = _utc(2026, 12, 12, 12)  # sent by hand long after its date: the next 10:00
    assert local_time_at(TEN, PARIS, week_later) == _utc(2026, 12, 13, 9)


def test_local_time_follows_daylight_saving_changes() -> None:
    # 28 March 2027: Paris moves to UTC+2 that night; LA moved on 14 March; Auckland still +13.
    ten = datetime(2027, 3, 28, 10, 0)
    start = _utc(2027, 3, 27, 20)
    assert local_time_at(ten, PARIS, start) == _utc(2027, 3, 28, 8)
    assert local_time_at(ten, LOS_ANGELES, start) == _utc(2027, 3, 28, 17)
    assert local_time_at(ten, AUCKLAND, start) == _utc(2027, 3, 27, 21)
    skipped = datetime(2027, 3, 28, 2, 30)  # the clocks skip it in Paris: read as 03:30
    assert local_time_at(skipped, PARIS, start) == _utc(2027, 3, 28, 1, 30)
    twice = datetime(2026, 10, 25, 2, 30)  # shown twice in Paris: the first one
    assert local_time_at(twice, PARIS, _utc(2026, 10, 24, 12)) == _utc(2026, 10, 25, 0, 30)


def test_a_local_time_send_starts_where_the_time_comes_first() -> None:
    local = parse_schedule({"mode": "local_time", "at": "2026-12-05T10:00+01:00"}, PARIS)
    assert start_time(local, _utc(2026, 12, 1, 0)) == _utc(2026, 12, 4, 20)
