"""The throttle's slots: never more than N a minute, never before a row's own time."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.delivery.throttle import ThrottleLedger

START = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=50),
    st.lists(st.integers(min_value=0, max_value=600), min_size=1, max_size=400),
)
def test_at_most_n_per_minute_and_never_early(per_minute: int, offsets: list[int]) -> None:
    ledger = ThrottleLedger(START, per_minute)
    slots = []
    for offset in offsets:
        wanted = START + timedelta(seconds=offset)
        slot = ledger.take(wanted)
        assert slot >= wanted
        slots.append(slot)
    per = Counter(int((s - START).total_seconds() // 60) for s in slots)
    assert max(per.values()) <= per_minute
    assert ledger.last == max(slots)


def test_a_million_rows_at_once_end_when_the_rate_says() -> None:
    ledger = ThrottleLedger(START, 10_000)
    for _ in range(1_000_000):
        last = ledger.take(START)
    assert last == START + timedelta(minutes=99, seconds=60 * 9_999 / 10_000)
