"""The dispatcher's reactions to faults and to people: breakers that pause, the probe that
resumes, and the watch that makes a pause or cancel reach the rows already held.

A mixin of ``Dispatcher`` (kept apart so each module stays readable): it shares the
dispatcher's state, declared below, and runs on its event loop.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from sqlalchemy import Engine

from engage_desktop.core.outbox import claims, pauses
from engage_desktop.core.outbox.claims import Claimed
from engage_desktop.services.apps import AppSender
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.dispatch_config import DispatchConfig
from engage_desktop.services.faults import AppHealth, Trip
from engage_desktop.services.probe import fcm_answers
from engage_desktop.services.trips import pause_reason

log = logging.getLogger("engage_desktop.services.dispatcher")


class FaultReactions:
    engine: Engine
    worker: str
    clock: ServiceClock
    config: DispatchConfig
    _health: dict[int, AppHealth]
    _active: set[int]
    _broken: dict[int, str]
    _senders: dict[int, AppSender]
    _retired: list[AppSender]
    _ttls: dict[int, float]
    _templates: dict[tuple[int, str | None], Any]
    _to_release: list[int]
    _db: Callable[..., Coroutine[Any, Any, Any]]
    _read: Callable[..., Coroutine[Any, Any, Any]]
    _spawn: Callable[[Coroutine[Any, Any, Any]], None]
    _sender: Callable[[int], Coroutine[Any, Any, AppSender | None]]

    async def _watch_loop(self, stop: asyncio.Event) -> None:
        """Every ``watch_every``: which campaigns may still send (a pause or cancel reaches
        rows held here at once), and give back the rows this service will not send."""
        while not stop.is_set():
            active = await self._read(self._read_active)
            if active is not None:
                self._active = active
                self._forget_campaigns_but(active)
            if self._to_release:
                release, self._to_release = self._to_release, []
                if await self._db(self._give_back_rows, release) is None:
                    self._to_release += release
            await self.clock.wait(stop, self.config.watch_every)

    def _forget_campaigns_but(self, active: set[int]) -> None:
        """Per-campaign memory goes with the campaign (finished, paused or cancelled); a
        campaign that sends again reads its time to live and content afresh."""
        for campaign_id in [c for c in self._ttls if c not in active]:
            del self._ttls[campaign_id]
        for key in [k for k in self._templates if k[0] not in active]:
            del self._templates[key]

    def _read_active(self) -> set[int]:
        with self.engine.connect() as conn:
            return {cid for cid, _app, _tests in claims.active_campaigns(conn)}

    def _give_back_rows(self, release: list[int]) -> bool:
        with self.engine.begin() as conn:
            campaigns = claims.campaigns_of(conn, release)
            claims.release_ids(conn, self.worker, release)
            claims.settle_cancelled(conn, campaigns)
        return True

    def _health_of(self, app_id: int) -> AppHealth:
        health = self._health.get(app_id)
        if health is None:
            health = self._health[app_id] = AppHealth(
                self.config.breaker_threshold, self.config.outage_pause_after
            )
        return health

    def _trip(self, trip: Trip, sender: AppSender, row: Claimed, health: AppHealth) -> None:
        """A breaker opened: rows of the app (or the campaign) stop going out at once, and the
        pause with its reason is written."""
        reason = pause_reason(trip, sender, health, self.clock.monotonic())
        if trip is Trip.PAUSE_CAMPAIGN:
            health.refused.pop(row.campaign_id, None)
            self._active.discard(row.campaign_id)
            self._spawn(self._db(self._pause_campaign, row.campaign_id, reason))
            return
        health.reset()
        if self._stop_app(row.app_id, reason):
            self._spawn(self._db(self._pause_app_campaigns, row.app_id, reason))

    async def _probe_loop(self, stop: asyncio.Event) -> None:
        """Every ``probe_every``: apps whose campaigns an outage paused get a probe; the ones
        FCM answers again are resumed (a pause by a person never is)."""
        while not stop.is_set():
            await self.clock.wait(stop, self.config.probe_every)
            found: dict[int, list[tuple[int, str]]] = await self._read(self._resumable) or {}
            for app_id, paused in found.items():
                self._broken.pop(app_id, None)
                token = await self._read(self._probe_token, [cid for cid, _reason in paused])
                sender = await self._sender(app_id) if token else None
                if token and (sender is None or not await fcm_answers(sender, token)):
                    continue
                resumed = await self._db(self._resume, paused) or []
                self._health_of(app_id).reset()
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
        self._active.discard(campaign_id)

    def _stop_app(self, app_id: int, reason: str) -> bool:
        """Nothing more of this app goes out; False when it was already stopped."""
        if app_id in self._broken:
            return False  # the first reason stands
        self._broken[app_id] = reason
        sender = self._senders.pop(app_id, None)
        if sender is not None:
            self._retired.append(sender)  # requests still out on it finish
        log.warning("pausing app %d: %s", app_id, reason)
        return True

    def _pause_app_campaigns(self, app_id: int, reason: str) -> None:
        with self.engine.begin() as conn:
            paused = pauses.pause_app_campaigns(conn, app_id, reason)
        self._active.difference_update(paused)

    async def _pause_app(self, app_id: int, reason: str) -> None:
        if self._stop_app(app_id, reason):
            await self._db(self._pause_app_campaigns, app_id, reason)
