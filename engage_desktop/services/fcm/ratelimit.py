"""Per-project pacing: a token bucket that slows down on quota errors, and a Retry-After gate."""

from __future__ import annotations

import asyncio
import random
import time

DEFAULT_RATE = 10_000.0  # FCM's default quota: 600,000 messages a minute per project


class ProjectPacer:
    """No request leaves before ``blocked_until``; at most ``rate`` requests a second.

    After QUOTA_EXCEEDED the rate halves; each quiet second it recovers by 10 %.
    """

    def __init__(self, rate: float = DEFAULT_RATE, burst: float | None = None) -> None:
        self.max_rate = rate
        self.rate = rate
        self.burst = burst or max(rate / 20, 10.0)
        self._tokens = self.burst
        self._last = time.monotonic()
        self.blocked_until = 0.0  # monotonic

    async def acquire(self) -> None:
        while True:
            now = time.monotonic()
            if now < self.blocked_until:
                await asyncio.sleep(self.blocked_until - now)
                continue
            self._tokens = min(self.burst, self._tokens + (now - self._last) * self.rate)
            self.rate = min(self.max_rate, self.rate * (1 + 0.1 * (now - self._last)))
            self._last = now
            if self._tokens >= 1:
                self._tokens -= 1
                return
            await asyncio.sleep((1 - self._tokens) / self.rate)

    def block_for(self, seconds: float) -> None:
        self.blocked_until = max(self.blocked_until, time.monotonic() + seconds)

    def slow_down(self) -> None:
        self.rate = max(1.0, self.rate / 2)


def backoff(attempt: int, base: float = 0.5, cap: float = 60.0) -> float:
    """Exponential backoff with full jitter (attempt 1 → up to 1 s, 2 → 2 s, …)."""
    return random.uniform(base, min(cap, base * 2**attempt))
