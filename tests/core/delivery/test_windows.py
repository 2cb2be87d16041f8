"""Quiet hours and French SMS hours defer, never drop, and nothing is planned inside them.

Property tests over random moments, zones (DST ones included) and windows.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.delivery.daily_window import (
    DailyWindow,
    RuleInputError,
    parse_clock,
    parse_window,
)
from engage_desktop.core.delivery.sms_hours import sms_allowed
from engage_desktop.core.delivery.windows import first_allowed

ZONES = [
    ZoneInfo(z)
    for z in (
        "Europe/Paris",
        "America/New_York",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "America/Sao_Paulo",
        "UTC",
    )
]
moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)
clock = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45]))
windows = st.builds(DailyWindow, clock, clock).filter(lambda w: w.start != w.end)


@settings(max_examples=400, deadline=None)
@given(moments, st.sampled_from(ZONES), st.none() | windows, st.booleans())
def test_first_allowed_is_never_inside_a_forbidden_time(
    at: datetime, zone: ZoneInfo, quiet: DailyWindow | None, sms: bool
) -> None:
    found = first_allowed(at, zone, quiet, sms)
    if found is None:  # only when no quarter-hour of the next week is allowed at all
        steps = (at + timedelta(minutes=15 * k) for k in range(4 * 24 * 8))
        assert not any(_allowed(s.astimezone(zone), quiet, sms) for s in steps)
        return
    assert found >= at  # deferred, never earlier
    assert found - at < timedelta(days=8)  # and never dropped
    assert _allowed(found.astimezone(zone), quiet, sms)


def _allowed(local: datetime, quiet: DailyWindow | None, sms: bool) -> bool:
    if quiet is not None and quiet.contains(local.time()):
        return False
    return not sms or sms_allowed(local.replace(tzinfo=None))


def test_quiet_hours_over_midnight_end_the_next_morning() -> None:
    paris = ZoneInfo("Europe/Paris")
    quiet = parse_window("21:00-08:00")
    evening = datetime(2026, 12, 3, 21, 30, tzinfo=paris).astimezone(UTC)
    assert first_allowed(evening, paris, quiet, False) == datetime(2026, 12, 4, 7, 0, tzinfo=UTC)
    noon = datetime(2026, 12, 3, 12, 0, tzinfo=paris).astimezone(UTC)
    assert first_allowed(noon, paris, quiet, False) == noon


def test_marketing_sms_wait_for_monday_after_a_saturday_evening_and_skip_holidays() -> None:
    paris = ZoneInfo("Europe/Paris")
    saturday_night = datetime(2026, 12, 5, 20, 30, tzinfo=paris).astimezone(UTC)
    monday = datetime(2026, 12, 7, 8, 0, tzinfo=paris).astimezone(UTC)
    assert first_allowed(saturday_night, paris, None, True) == monday
    christmas_eve = datetime(2026, 12, 24, 19, 59, 59, tzinfo=paris).astimezone(UTC)
    assert first_allowed(christmas_eve, paris, None, True) == christmas_eve
    late = datetime(2026, 12, 24, 20, 0, tzinfo=paris).astimezone(UTC)
    # 25th a holiday, 26th a Saturday: allowed at 08:00
    assert first_allowed(late, paris, None, True) == datetime(
        2026, 12, 26, 8, 0, tzinfo=paris
    ).astimezone(UTC)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("21h-8h", time(21), time(8)),
        ("21h00-08h00", time(21), time(8)),
        ("21:00-08:00", time(21), time(8)),
        ("21h30 – 7h45", time(21, 30), time(7, 45)),
        ("21H-8:30", time(21), time(8, 30)),
    ],
)
def test_french_and_iso_times_are_both_understood(text: str, start: time, end: time) -> None:
    assert parse_window(text) == DailyWindow(start, end)
    assert parse_clock(text.split("-")[0].split("–")[0], "quiet hours") == start


@pytest.mark.parametrize(
    "text", ["9pm-8am", "21h-8", "25:00-08:00", "21h60-08h", "21:00", "08:00-08:00", "8h-8h00", ""]
)
def test_bad_quiet_hours_are_refused_with_what_was_typed(text: str) -> None:
    with pytest.raises(RuleInputError) as caught:
        parse_window(text)
    assert repr(text) in str(caught.value) and "quiet hours" in str(caught.value)
