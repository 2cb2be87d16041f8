"""The dispatcher's settings and running figures (the CLI's ``service`` options map here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from engage_desktop.services.clock import SYSTEM_CLOCK, ServiceClock


@dataclass
class DispatchConfig:
    concurrency: int = 64
    batch: int = 500
    lease: timedelta = timedelta(seconds=120)
    poll_interval: float = 0.2
    flush_interval: float = 0.1
    validate_only: bool = False
    rate: float | None = None
    outage_pause_after: float = 20.0  # seconds of FCM down / unreachable / over quota
    probe_every: float = 15.0  # seconds between probes of an app paused by an outage
    breaker_threshold: int = 10  # identical project-level refusals in a row: pause
    watch_every: float = 0.25  # how soon a pause or cancel reaches rows held here
    stop_grace: float = 5.0  # seconds requests already out may take to finish on a stop
    max_unwritten: int = 1000  # results kept in memory while the database is busy


@dataclass
class DispatchStats:
    sent: int = 0
    failed: int = 0
    retried: int = 0
    started: float = 0.0
    clock: ServiceClock = field(default=SYSTEM_CLOCK, repr=False)

    def rate(self) -> float:
        elapsed = self.clock.monotonic() - self.started
        return self.sent / elapsed if elapsed > 0 else 0.0
