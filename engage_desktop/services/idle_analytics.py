"""The service keeps the analytics cache fresh when it has nothing to send.

After a send or an import, the Analytics page and ``engage-desktop chart`` should show the new
figures without anyone pressing Refresh. The service has the time for it once no outbox row is
claimable (``core.analytics.activity.sending_work``). Sending always comes first:

- a refresh starts only after ``idle_after`` seconds without sending work, at most once every
  ``min_gap`` seconds, and only for apps whose rows changed since their last refresh;
- while it runs, the loop keeps checking; new sending work cancels it between two figures
  (each figure is a short read then a short write, so it yields quickly), and it is tried again
  at the next idle spell;
- every decision reads the service's injected clock, so tests step time instead of waiting.
"""

from __future__ import annotations

import asyncio
import logging

from engage_desktop.core.analytics import activity
from engage_desktop.core.analytics.refresh import recompute_app
from engage_desktop.core.progress import Cancelled, CancelToken, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.clock import ServiceClock

log = logging.getLogger("engage_desktop.service.analytics")

IDLE_AFTER = 10.0  # seconds without sending work before a refresh starts
MIN_GAP = 60.0  # seconds between the starts of two refreshes
CHECK_EVERY = 1.0  # seconds between two looks at the outbox


class IdleAnalytics:
    """Refreshes changed apps' analytics while the outbox is idle.

    Attributes:
        refreshed: how many app refreshes went to the end (for the heartbeat and tests).
        cancelled: how many were stopped by new sending work.
    """

    def __init__(
        self,
        ws: Workspace,
        clock: ServiceClock,
        *,
        idle_after: float = IDLE_AFTER,
        min_gap: float = MIN_GAP,
        check_every: float = CHECK_EVERY,
    ) -> None:
        self.ws = ws
        self.clock = clock
        self.idle_after = idle_after
        self.min_gap = min_gap
        self.check_every = check_every
        self.refreshed = 0
        self.cancelled = 0
        self._quiet_since: float | None = None
        self._last_start: float | None = None
        self._running: asyncio.Task[None] | None = None
        self._token = CancelToken()

    async def run(self, stop: asyncio.Event) -> None:
        try:
            while not stop.is_set():
                try:
                    await self.step()
                except Exception as exc:  # a locked or broken database: try again later
                    log.warning("analytics refresh check failed: %s", exc)
                await self.clock.wait(stop, self.check_every)
        finally:
            await self._stop_running()

    async def step(self) -> None:
        """One look: cancel on sending work, or start a refresh when idle long enough."""
        now = self.clock.monotonic()
        if await asyncio.to_thread(self._sending_work):
            self._quiet_since = None
            if self.running:
                self._token.cancel()
            return
        if self._quiet_since is None:
            self._quiet_since = now
        if self.running or now - self._quiet_since < self.idle_after:
            return
        if self._last_start is not None and now - self._last_start < self.min_gap:
            return
        apps = await asyncio.to_thread(self._changed_apps)
        if apps:
            self._last_start = now
            self._token = CancelToken()
            self._running = asyncio.create_task(self._refresh(sorted(apps), self._token))

    @property
    def running(self) -> bool:
        return self._running is not None and not self._running.done()

    async def wait_running(self) -> None:
        """Until the refresh under way (if any) has finished or stopped."""
        if self._running is not None:
            await asyncio.gather(self._running, return_exceptions=True)

    def _sending_work(self) -> bool:
        with self.ws.session() as session:
            return activity.sending_work(session, self.clock.now())

    def _changed_apps(self) -> set[int]:
        with self.ws.session() as session:
            return activity.changed_apps(session, activity.seen_marks(session))

    async def _refresh(self, apps: list[int], token: CancelToken) -> None:
        for app_id in apps:
            try:
                await asyncio.to_thread(
                    recompute_app, self.ws, app_id, progress=Progress(None, token)
                )
            except Cancelled:
                self.cancelled += 1
                log.info("analytics refresh of app %d stopped: messages to send", app_id)
                return
            except Exception as exc:
                log.warning("analytics refresh of app %d failed: %s", app_id, exc)
                continue
            self.refreshed += 1
            log.info("analytics of app %d refreshed while idle", app_id)

    async def _stop_running(self) -> None:
        self._token.cancel()
        await self.wait_running()
