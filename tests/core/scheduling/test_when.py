"""Send times as people give them: refused rather than guessed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.scheduling.when import (
    ScheduleChoice,
    ScheduleError,
    Timing,
    check_future,
    choice,
    day_start,
    from_wall,
    parse_iso,
    suggested_time,
)

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-15T10:00+01:00", datetime(2026, 12, 15, 9, 0, tzinfo=UTC)),
        ("2026-12-15T09:00Z", datetime(2026, 12, 15, 9, 0, tzinfo=UTC)),
        (" 2026-12-15 10:00:00-05:00 ", datetime(2026, 12, 15, 15, 0, tzinfo=UTC)),
    ],
)
def test_iso_with_an_offset_is_taken(text: str, expected: datetime) -> None:
    assert parse_iso(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("15/12/2026 10h00", "schedule_unparseable"),  # the text once stored as "scheduled"
        ("demain 10h", "schedule_unparseable"),
        ("", "schedule_unparseable"),
        ("2026-12-15T10:00", "schedule_no_offset"),
        ("2026-12-15", "schedule_no_offset"),
    ],
)
def test_anything_else_is_refused_with_its_case(text: str, code: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_iso(text)
    assert caught.value.code == code and caught.value.args_text == (text.strip(),)


def test_a_time_the_clocks_skip_is_refused_and_a_repeated_one_is_the_first() -> None:
    with pytest.raises(ScheduleError) as caught:
        from_wall(date(2027, 3, 28), time(2, 30), "Europe/Paris")
    assert caught.value.code == "schedule_skipped_time"
    assert caught.value.args_text == ("2027-03-28T02:30", "Europe/Paris")
    twice = from_wall(date(2026, 10, 25), time(2, 30), "Europe/Paris")
    assert twice.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # still summer


def test_unknown_zone_and_past_times_are_refused() -> None:
    with pytest.raises(ScheduleError) as caught:
        choice(NOW + timedelta(days=1), "Paris", NOW)
    assert caught.value.code == "schedule_unknown_zone"
    with pytest.raises(ScheduleError) as caught:
        check_future(NOW, NOW)  # "now" is not in the future either
    assert caught.value.code == "schedule_past"


def test_stored_form_keeps_the_zone_and_the_local_time_choice() -> None:
    chosen = ScheduleChoice(
        datetime(2026, 12, 24, 9, 0, tzinfo=UTC), "Asia/Tokyo", Timing.LOCAL_TIME
    )
    assert chosen.to_json() == {
        "mode": "local_time",
        "at": "2026-12-24T18:00:00+09:00",
        "time_zone": "Asia/Tokyo",
    }


def test_best_hour_keeps_only_the_day_on_the_chosen_zones_clocks() -> None:
    late = datetime(2026, 12, 24, 23, 30, tzinfo=UTC)  # already the 25th in Tokyo
    chosen = choice(late, "Asia/Tokyo", NOW, Timing.BEST_HOUR)
    assert chosen.to_json() == {
        "mode": "best_hour",
        "at": "2026-12-25T00:00:00+09:00",
        "time_zone": "Asia/Tokyo",
    }
    assert day_start(date(2026, 12, 25), "Asia/Tokyo") == chosen.at


def test_best_hour_today_is_taken_and_a_day_over_is_refused() -> None:
    today = choice(NOW, "Europe/Paris", NOW, Timing.BEST_HOUR)  # its start is past: still today
    assert today.at == datetime(2026, 12, 3, tzinfo=ZoneInfo("Europe/Paris"))
    with pytest.raises(ScheduleError) as caught:
        choice(NOW - timedelta(days=1), "Europe/Paris", NOW, Timing.BEST_HOUR)
    assert caught.value.code == "schedule_day_over"
    assert caught.value.args_text == ("2026-12-02", "Europe/Paris")
    with pytest.raises(ScheduleError) as caught:  # an instant still needs to be ahead
        choice(NOW, "Europe/Paris", NOW, Timing.AT)
    assert caught.value.code == "schedule_past"


def test_the_proposal_is_a_whole_hour_at_least_an_hour_ahead() -> None:
    proposed = suggested_time(NOW, "Europe/Paris")
    assert proposed.astimezone(ZoneInfo("Europe/Paris")).hour == 12 and proposed.minute == 0
    assert proposed - NOW >= timedelta(hours=1)


ZONES = st.sampled_from(
    ["Europe/Paris", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Lord_Howe"]
)


@given(
    day=st.dates(min_value=date(2026, 1, 1), max_value=date(2030, 12, 31)),
    minutes=st.integers(min_value=0, max_value=24 * 60 - 1),
    zone_name=ZONES,
)
def test_a_wall_time_either_round_trips_or_is_refused(
    day: date, minutes: int, zone_name: str
) -> None:
    wall = time(minutes // 60, minutes % 60)
    try:
        at = from_wall(day, wall, zone_name)
    except ScheduleError as exc:
        assert exc.code == "schedule_skipped_time"
        return
    shown = at.astimezone(ZoneInfo(zone_name))
    assert (shown.date(), shown.time()) == (day, wall)
