"""The dispatcher's reactions to faults and to people: breakers that pause, the probe that
resumes, and the watch that makes a pause or cancel reach the rows already held.

Its own object, composed into the dispatcher: what it shares with it is the ``Host`` protocol
below (the campaigns that may send now, the rows to give back, the storage guard and task
spawner), the app senders and the per-campaign memory, all passed to its constructor.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from sqlalchemy import Engine

from engage_desktop.core.outbox import pauses
from engage_desktop.core.outbox.claims import Claimed
from engage_desktop.services.app_senders import AppSenders
from engage_desktop.services.apps import AppSender
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.compiled_content import CompiledContent
from engage_desktop.services.dispatch_config import DispatchConfig
from engage_desktop.services.faults import AppHealth, Trip
from engage_desktop.services.outbox_work import OutboxWork
from engage_desktop.services.probe import fcm_answers
from engage_desktop.services.trips import pause_reason

log = logging.getLogger("engage_desktop.services.dispatcher")


class Host(Protocol):
    """What the reactions need of the dispatcher they serve."""

    active: set[int]  # campaigns whose rows may go out now
    to_release: list[int]  # held rows this service will not send (given back by the watch)

    async def db(self, work: Callable[..., Any], *args: Any) -> Any: ...

    async def read(self, work: Callable[..., Any], *args: Any) -> Any: ...

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None: ...


class FaultReactions:
    """Breakers per app (``health``), the watch loop and the probe loop."""

    def __init__(
        self,
        host: Host,
        engine: Engine,
        config: DispatchConfig,
        clock: ServiceClock,
        senders: AppSenders,
        content: CompiledContent,
        work: OutboxWork,
    ) -> None:
        self.host, self.engine, self.config, self.clock = host, engine, config, clock
        self.senders, self.content, self.work = senders, content, work
        self.health: dict[int, AppHealth] = {}  # app id → its runs of bad answers

    async def watch_loop(self, stop: asyncio.Event) -> None:
        """Every ``watch_every``: which campaigns may still send (a pause or cancel reaches
        rows held here at once), and give back the rows this service will not send."""
        host = self.host
        while not stop.is_set():
            active = await host.read(self.work.active_campaigns)
            if active is not None:
                host.active = active
                self.content.forget_all_but(active)
            if host.to_release:
                release, host.to_release = host.to_release, []
                if await host.db(self.work.give_back_rows, release) is None:
                    host.to_release += release
            await self.clock.wait(stop, self.config.watch_every)

    def health_of(self, app_id: int) -> AppHealth:
        health = self.health.get(app_id)
        if health is None:
            health = self.health[app_id] = AppHealth(
                self.config.breaker_threshold, self.config.outage_pause_after
            )
        return health

    def trip(self, trip: Trip, sender: AppSender, row: Claimed, health: AppHealth) -> None:
        """A breaker opened: rows of the app (or the campaign) stop going out at once, and the
        pause with its reason is written."""
        reason = pause_reason(trip, sender, health, self.clock.monotonic())
        if trip is Trip.PAUSE_CAMPAIGN:
            health.refused.pop(row.campaign_id, None)
            self.host.active.discard(row.campaign_id)
            self.host.spawn(self.host.db(self._pause_campaign, row.campaign_id, reason))
            return
        health.reset()
        if self.senders.stop(row.app_id, reason):
            self.host.spawn(self.host.db(self._pause_app_campaigns, row.app_id, reason))

    async def pause_app(self, app_id: int, reason: str) -> None:
        """Stop the app here and pause its campaigns with ``reason``."""
        if self.senders.stop(app_id, reason):
            await self.host.db(self._pause_app_campaigns, app_id, reason)

    async def probe_loop(self, stop: asyncio.Event) -> None:
        """Every ``probe_every``: apps whose campaigns an outage paused get a probe; the ones
        FCM answers again are resumed (a pause by a person never is)."""
        while not stop.is_set():
            await self.clock.wait(stop, self.config.probe_every)
            found: dict[int, list[tuple[int, str]]] = await self.host.read(self._resumable) or {}
            for app_id, paused in found.items():
                self.senders.stopped.pop(app_id, None)
                token = await self.host.read(self._probe_token, [cid for cid, _ in paused])
                sender = await self.senders.get(app_id, self.pause_app) if token else None
                if token and (sender is None or not await fcm_answers(sender, token)):
                    continue
                resumed = await self.host.db(self._resume, paused) or []
                self.health_of(app_id).reset()
                log.info("FCM answers app %d again: resumed campaigns %s", app_id, resumed)

    def _resumable(self) -> dict[int, list[tuple[int, str]]]:
        with self.engine.connect() as conn:
            return pauses.resumable(conn)

    def _probe_token(self, campaign_ids: list[int]) -> str | None:
        with self.engine.connect() as conn:
            return pauses.probe_token(conn, campaign_ids)

    def _resume(self, paused: list[tuple[int, str]]) -> list[int]:
        with self.engine.begin() as conn:
            return pauses.resume(conn, paused)

    def _pause_campaign(self, campaign_id: int, reason: str) -> None:
        with self.engine.begin() as conn:
            if pauses.pause_campaigns(conn, [campaign_id], reason):
                log.warning("paused campaign %d: %s", campaign_id, reason)
        self.host.active.discard(campaign_id)

    def _pause_app_campaigns(self, app_id: int, reason: str) -> None:
        with self.engine.begin() as conn:
            paused = pauses.pause_app_campaigns(conn, app_id, reason)
        self.host.active.difference_update(paused)
