"""The project pacer on a manual clock: a few 429s do not slow the project, a majority does
(for the Retry-After, clamped), and the pace climbs back; waits end as soon as a row is no
longer wanted (paused, cancelled, stopping)."""

from __future__ import annotations

import asyncio
import itertools
import math

import pytest

from engage_desktop.services.clock import ManualClock
from engage_desktop.services.fcm.ratelimit import (
    RETRY_AFTER_MAX,
    ProjectPacer,
    backoff,
    clamp_retry_after,
)


def _answers(
    pacer: ProjectPacer, clock: ManualClock, seconds: int, per_second: int, every: int
) -> None:
    """``per_second`` answers a second, every ``every``-th a 429 with Retry-After 1 s."""
    for _ in range(seconds):
        for k in range(per_second):
            pacer.note(quota=k % every == 0, retry_after=1.0)
            clock.advance(1.0 / per_second)


def test_five_percent_of_429s_neither_block_nor_slow_the_project() -> None:
    clock = ManualClock()
    pacer = ProjectPacer(500.0, clock)
    _answers(pacer, clock, seconds=10, per_second=200, every=20)
    assert pacer.rate == 500.0
    assert pacer.blocked_until <= clock.monotonic()


def test_a_project_over_quota_waits_the_retry_after_and_slows_then_recovers() -> None:
    clock = ManualClock()
    pacer = ProjectPacer(500.0, clock)
    _answers(pacer, clock, seconds=1, per_second=200, every=1)  # every answer a 429
    clock.advance(0.01)
    pacer.note(quota=True, retry_after=3.0)  # judged: the window was over quota
    assert pacer.blocked_until == pytest.approx(clock.monotonic() + 1.0)
    assert pacer.rate == pytest.approx(100.0, rel=0.02)  # half what went through, not 250
    slowed = pacer.rate
    _answers(pacer, clock, seconds=5, per_second=100, every=10_000)
    assert pacer.rate > slowed * 5 and pacer.rate == 500.0


@pytest.mark.parametrize("huge", [1e9, math.inf])
def test_a_huge_retry_after_cannot_block_an_app_longer_than_the_cap(huge: float) -> None:
    clock = ManualClock()
    pacer = ProjectPacer(100.0, clock)
    for _ in range(50):
        pacer.note(quota=True, retry_after=huge)
    clock.advance(1.0)
    pacer.note(quota=True, retry_after=huge)
    assert pacer.blocked_until - clock.monotonic() <= RETRY_AFTER_MAX
    asyncio.run(pacer.acquire())
    assert sum(clock.slept) <= RETRY_AFTER_MAX + 1


def test_retry_after_values_are_clamped() -> None:
    assert clamp_retry_after(1e12) == RETRY_AFTER_MAX
    assert clamp_retry_after(math.inf) == RETRY_AFTER_MAX
    assert clamp_retry_after(-5.0) == 0.0
    assert clamp_retry_after(math.nan) is None
    assert clamp_retry_after(None) is None
    assert backoff(10_000) <= 60.0  # no overflow however many attempts


def test_a_wait_ends_as_soon_as_the_row_is_no_longer_wanted() -> None:
    clock = ManualClock()
    pacer = ProjectPacer(100.0, clock)
    pacer.blocked_until = clock.monotonic() + 50.0  # a long Retry-After
    paused_at = clock.monotonic() + 0.6
    assert asyncio.run(pacer.acquire(lambda: clock.monotonic() < paused_at)) is False
    assert clock.monotonic() - paused_at <= 0.25  # noticed within a slice, not after 50 s


def test_callers_past_the_burst_sleep_until_their_turn_instead_of_polling() -> None:
    """Each caller beyond the burst sleeps once, until its turn, and the rate holds (before,
    every waiter woke every ~0.1 ms to try again: at the 10,000/s cap with 64 senders, about a
    quarter of the event loop's CPU)."""
    clock = ManualClock()
    pacer = ProjectPacer(100.0, clock, burst=10)
    started = clock.monotonic()
    checks = itertools.count()

    def wanted() -> bool:  # a poller gives up after 1,000 checks instead of spinning on
        return next(checks) < 1000

    async def fifty() -> list[bool]:
        return await asyncio.gather(*(pacer.acquire(wanted) for _ in range(50)))

    assert all(asyncio.run(fifty()))
    assert len(clock.slept) <= 40  # one sleep for each of the 40 callers past the burst
    assert clock.monotonic() - started == pytest.approx(0.4)  # 40 more at 100 a second
