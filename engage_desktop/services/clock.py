"""The service's clock: wall time, intervals and sleeping, passed in through constructors.

The dispatcher never reads ``time`` or ``datetime.now`` itself, so a test or a fault run can
compress time (``ScaledClock``: a 10-minute FCM outage in seconds) or step it by hand
(``ManualClock``), and Retry-After, outage and probe decisions follow that clock. Leases are
not decided here: their expiry is the database's clock (``core.outbox.claims.database_now``).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class ServiceClock(Protocol):
    def now(self) -> datetime:
        """Aware UTC wall time (retry schedules, result times)."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (intervals, deadlines)."""
        ...

    async def sleep(self, seconds: float) -> None: ...

    async def wait(self, event: asyncio.Event, seconds: float) -> bool:
        """Wait until ``event`` is set or ``seconds`` passed; True when it was set."""
        ...


class ScaledClock:
    """The system's time running ``scale`` times faster (1: the real clock)."""

    def __init__(self, scale: float = 1.0) -> None:
        if not scale > 0:
            raise ValueError(f"clock scale must be positive, not {scale!r}")
        self.scale = scale
        self._wall = datetime.now(UTC)
        self._start = time.monotonic()

    def monotonic(self) -> float:
        return self._start + (time.monotonic() - self._start) * self.scale

    def now(self) -> datetime:
        if self.scale == 1.0:
            return datetime.now(UTC)
        return self._wall + timedelta(seconds=self.monotonic() - self._start)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds) / self.scale)

    async def wait(self, event: asyncio.Event, seconds: float) -> bool:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), max(0.0, seconds) / self.scale)
        return event.is_set()


class ManualClock:
    """Time that moves only when something sleeps on it or a test advances it.

    For single-task logic (the pacer, the breakers): ``sleep`` jumps the clock forward at once,
    so a 60-second Retry-After is checked without a real minute going by.
    """

    def __init__(self, at: datetime | None = None) -> None:
        self._at = at or datetime(2026, 1, 1, tzinfo=UTC)
        self._t = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self._t

    def now(self) -> datetime:
        return self._at + timedelta(seconds=self._t - 1000.0)

    def advance(self, seconds: float) -> None:
        self._t += max(0.0, seconds)

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.advance(seconds)
        await asyncio.sleep(0)

    async def wait(self, event: asyncio.Event, seconds: float) -> bool:
        if not event.is_set():
            await self.sleep(seconds)
        return event.is_set()


SYSTEM_CLOCK = ScaledClock()
