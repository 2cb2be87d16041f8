"""The dispatcher's senders, one per app, and the apps that may not send now.

A sender (address, credentials, pacer, connection pool) is built once per app, in a thread, by
one task that every worker asking meanwhile awaits. An app is *stopped* when a fault that
concerns all its messages happens (credentials refused, a breaker, FCM down): its sender is
retired (requests still out on it finish) and nothing more of it goes out until it is tried
again (``clear_stops``, each housekeeping second, or the probe for that app).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from sqlalchemy import Engine

from engage_desktop.security.vault import Vault
from engage_desktop.services.apps import AppSender, build_app_sender
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.dispatch_config import DispatchConfig
from engage_desktop.services.fcm.auth import CredentialsError

log = logging.getLogger("engage_desktop.services.dispatcher")
STALE_POOL_GRACE = 30.0  # seconds a replaced sender's connections stay open for requests in flight
PauseApp = Callable[[int, str], Coroutine[Any, Any, Any]]


class AppSenders:
    """App id → its sender; ``stopped`` app id → why it may not send now."""

    def __init__(
        self,
        engine: Engine,
        clock: ServiceClock,
        config: DispatchConfig,
        vault: Vault | None,
        ensure_sandbox: Callable[[str], None] | None,
    ) -> None:
        self.engine, self.clock, self.config = engine, clock, config
        self.vault, self.ensure_sandbox = vault, ensure_sandbox
        self.senders: dict[int, AppSender] = {}
        self.stopped: dict[int, str] = {}
        self._building: dict[int, asyncio.Future[AppSender | None]] = {}
        self._retired: list[AppSender] = []  # senders of stopped apps, closed at the end

    async def get(self, app_id: int, on_failure: PauseApp) -> AppSender | None:
        """The app's sender; None when the app is stopped or its sender cannot be built (then
        ``on_failure(app_id, reason)`` pauses its campaigns)."""
        if app_id in self.stopped:
            return None
        sender = self.senders.get(app_id)
        if sender is not None:
            return sender
        task = self._building.get(app_id)
        if task is None:
            task = asyncio.ensure_future(self._build(app_id, on_failure))
            self._building[app_id] = task
        return await asyncio.shield(task)

    async def _build(self, app_id: int, on_failure: PauseApp) -> AppSender | None:
        try:
            sender = await asyncio.to_thread(
                build_app_sender,
                self.engine,
                app_id,
                self.clock,
                concurrency=self.config.concurrency,
                rate=self.config.rate or 10_000.0,
                ensure_sandbox=self.ensure_sandbox,
                vault=self.vault,
            )
        except (CredentialsError, LookupError, ValueError, OSError) as exc:
            await on_failure(app_id, str(exc))
            return None
        finally:
            self._building.pop(app_id, None)
        self.senders[app_id] = sender
        return sender

    def stop(self, app_id: int, reason: str) -> bool:
        """Nothing more of this app goes out; False when it was already stopped."""
        if app_id in self.stopped:
            return False  # the first reason stands
        self.stopped[app_id] = reason
        sender = self.senders.pop(app_id, None)
        if sender is not None:
            self._retired.append(sender)  # requests still out on it finish
        log.warning("pausing app %d: %s", app_id, reason)
        return True

    def replace_stale(self, identities: dict[int, tuple[bool, str | None]]) -> None:
        """Senders built before the app's mode or key changed are rebuilt on next use."""
        for app_id, sender in list(self.senders.items()):
            if identities.get(app_id) != sender.identity:
                log.info("app %d: sending mode or key changed, using the new one", app_id)
                stale = self.senders.pop(app_id)
                # requests already out on the old connections finish first
                asyncio.get_running_loop().call_later(STALE_POOL_GRACE, stale.client.pool.close)

    def close_all(self) -> None:
        for sender in [*self.senders.values(), *self._retired]:
            sender.client.pool.close()
