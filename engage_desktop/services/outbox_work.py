"""The dispatcher's database work, each a short transaction run in a worker thread: claiming
rows (and preparing what they need), renewing leases, returning due retries and expired leases,
closing finished campaigns, pausing everything after a storage fault, giving rows back.

Its own object, handed everything it needs as arguments: the event loop calls these through the
dispatcher's storage guard, so a refused write never escapes as an exception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence

from sqlalchemy import Connection, Engine

from engage_desktop.core.outbox import claims, pauses
from engage_desktop.core.outbox.claims import Claimed
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.dispatch_config import DispatchConfig

log = logging.getLogger("engage_desktop.services.dispatcher")
Prepare = Callable[[Connection, list[Claimed]], None]


class OutboxWork:
    """One service's transactions on the outbox (``worker`` is its holder name)."""

    def __init__(
        self, engine: Engine, worker: str, config: DispatchConfig, clock: ServiceClock
    ) -> None:
        self.engine, self.worker, self.config, self.clock = engine, worker, config, clock

    def claim_some(
        self, stopped_apps: Collection[int], prepare: Prepare
    ) -> tuple[list[Claimed], set[int]]:
        """Up to ``batch`` rows of the active campaigns of apps not stopped, prepared in the
        claim's transaction; and every active campaign (they may send now)."""
        out: list[Claimed] = []
        with self.engine.begin() as conn:
            active = claims.active_campaigns(conn)
            for campaign_id, app_id, tests_only in active:
                if app_id in stopped_apps:
                    continue
                out += claims.claim(
                    conn,
                    campaign_id,
                    self.worker,
                    self.config.lease,
                    self.config.batch - len(out),
                    tests_only=tests_only,
                    now=self.clock.now(),
                )
                if len(out) >= self.config.batch:
                    break
            if out:
                prepare(conn, out)
        return out, {cid for cid, _app, _tests in active}

    def active_campaigns(self) -> set[int]:
        with self.engine.connect() as conn:
            return {cid for cid, _app, _tests in claims.active_campaigns(conn)}

    def renew(self, ids: list[int]) -> set[int]:
        with self.engine.begin() as conn:
            return claims.renew(conn, self.worker, ids, self.config.lease)

    def release(self, all_claims: bool) -> bool:
        with self.engine.begin() as conn:
            count = claims.release_due(conn, self.clock.now(), all_claims=all_claims)
        if count and all_claims:
            log.info("returned %d rows left claimed by a previous run to the queue", count)
        return True

    def housekeeping(self) -> bool:
        """Due retries and expired leases back to the queue; finished campaigns completed."""
        self.release(False)
        with self.engine.begin() as conn:
            for cid in claims.finish_completed(conn, self.clock.now()):
                log.info("campaign %d completed", cid)
        return True

    def pause_everything(self, reason: str) -> bool:
        """After a storage fault: pause every sending campaign with the reason."""
        with self.engine.begin() as conn:
            paused = pauses.pause_app_campaigns(conn, None, reason)
        if paused:
            log.warning("paused campaigns %s: %s", paused, reason)
        return True

    def give_back_rows(self, ids: Sequence[int]) -> bool:
        """Rows held here that will not be sent now go back (suppressed if cancelled)."""
        with self.engine.begin() as conn:
            campaigns = claims.campaigns_of(conn, ids)
            claims.release_ids(conn, self.worker, ids)
            claims.settle_cancelled(conn, campaigns)
        return True

    def release_mine(self) -> None:
        """On a clean stop: every unsent row this service claimed goes back to the queue."""
        with self.engine.begin() as conn:
            count = claims.release_mine(conn, self.worker)
        log.info("stopped; %d unsent rows returned to the queue", count)
