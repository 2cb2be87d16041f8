"""The dispatcher's database work, each a short transaction run in a worker thread: claiming
rows (and compiling what they need), renewing leases, returning due retries and expired leases,
closing finished campaigns, pausing everything after a storage fault, giving rows back on a stop.

A mixin of ``Dispatcher`` (kept apart so each module stays readable); the event loop calls these
through ``Dispatcher._db`` so a refused write never escapes as an exception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Connection, Engine

from engage_desktop.core.outbox import claims, pauses
from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.dispatch_config import DispatchConfig

log = logging.getLogger("engage_desktop.services.dispatcher")


class OutboxWork:
    engine: Engine
    worker: str
    clock: ServiceClock
    config: DispatchConfig
    _pending_pause: str | None
    _active: set[int]
    _broken: dict[int, str]
    _ttls: dict[int, float]
    _prepare: Callable[[Connection, list[Claimed]], None]
    _drain: Callable[[], list[Outcome]]
    _write: Callable[[list[Outcome]], None]

    def _pause_everything(self) -> bool:
        """After a storage fault: pause every sending campaign with the reason (once it can)."""
        reason = self._pending_pause
        with self.engine.begin() as conn:
            if reason is not None:
                paused = pauses.pause_app_campaigns(conn, None, reason)
                if paused:
                    log.warning("paused campaigns %s: %s", paused, reason)
        self._pending_pause = None
        return True

    def _housekeeping(self) -> bool:
        self._release(False)
        self._finish()
        return True

    def _renew(self, ids: list[int]) -> set[int]:
        with self.engine.begin() as conn:
            return claims.renew(conn, self.worker, ids, self.config.lease)

    def _claim_some(self) -> list[Claimed]:
        out: list[Claimed] = []
        with self.engine.begin() as conn:
            active = claims.active_campaigns(conn)
            self._active = {cid for cid, _app, _tests in active}
            for campaign_id, app_id, tests_only in active:
                if app_id in self._broken:
                    continue
                out += claims.claim(
                    conn,
                    campaign_id,
                    self.worker,
                    self.config.lease,
                    self.config.batch,
                    tests_only=tests_only,
                    now=self.clock.now(),
                )
                if len(out) >= self.config.batch:
                    break
            if out:
                self._prepare(conn, out)
                for campaign_id in {r.campaign_id for r in out} - self._ttls.keys():
                    self._ttls[campaign_id] = pauses.time_to_live(conn, campaign_id)
        return out

    def _release(self, all_claims: bool) -> None:
        with self.engine.begin() as conn:
            count = claims.release_due(conn, self.clock.now(), all_claims=all_claims)
        if count and all_claims:
            log.info("returned %d rows left claimed by a previous run to the queue", count)

    def _finish(self) -> None:
        with self.engine.begin() as conn:
            for cid in claims.finish_completed(conn, self.clock.now()):
                log.info("campaign %d completed", cid)

    def _give_back(self) -> None:
        self._write(self._drain())
        with self.engine.begin() as conn:
            count = claims.release_mine(conn, self.worker)
        log.info("stopped; %d unsent rows returned to the queue", count)
