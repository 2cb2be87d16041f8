"""French public holidays: Easter from the algorithm against published dates, the eleven days."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.delivery.holidays import (
    easter_sunday,
    french_public_holidays,
    is_french_public_holiday,
)

# Published Easter Sundays (Gregorian): the earliest and latest possible ones included.
KNOWN_EASTERS = {
    1818: date(1818, 3, 22),
    1943: date(1943, 4, 25),
    2000: date(2000, 4, 23),
    2019: date(2019, 4, 21),
    2024: date(2024, 3, 31),
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 5),
    2027: date(2027, 3, 28),
    2038: date(2038, 4, 25),
}


def test_easter_matches_published_dates() -> None:
    assert {y: easter_sunday(y) for y in KNOWN_EASTERS} == KNOWN_EASTERS


@given(st.integers(min_value=1583, max_value=4099))
def test_easter_is_a_sunday_between_march_22_and_april_25(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


def test_the_2026_holidays() -> None:
    days = french_public_holidays(2026)
    assert len(days) == 11
    assert date(2026, 4, 6) in days  # Easter Monday
    assert date(2026, 5, 14) in days  # Ascension
    assert date(2026, 5, 25) in days  # Whit Monday
    assert is_french_public_holiday(date(2026, 7, 14))
    assert not is_french_public_holiday(date(2026, 4, 5))  # Easter Sunday is a Sunday anyway


@given(st.integers(min_value=1900, max_value=2200))
def test_moveable_holidays_follow_easter(year: int) -> None:
    easter = easter_sunday(year)
    days = french_public_holidays(year)
    assert easter + timedelta(days=1) in days
    assert (easter + timedelta(days=39)).weekday() == 3  # Ascension is a Thursday
    assert (easter + timedelta(days=50)).weekday() == 0
