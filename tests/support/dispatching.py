"""Driving an in-process dispatcher in tests, and reading what it did.

``dispatch`` runs a real ``Dispatcher`` on a workspace until a condition holds; the readers
give a campaign's state, its rows by state, what the sandbox received and which tokens were
dropped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.dispatcher import DispatchConfig, Dispatcher
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    Device,
    OutboxMessage,
    OutboxState,
)
from tests.support.processes import (
    Sandbox,
)
from tests.support.sending import seed_app, seed_campaign

COMPRESSED = 60.0  # a service clock this many times faster: a 10-minute outage in 10 s


async def dispatch(
    ws: Workspace,
    until: Callable[[Dispatcher], bool],
    clock: ServiceClock,
    rounds: int = 600,
    **config: Any,
) -> Dispatcher:
    """Run a dispatcher until ``until`` holds (checked every 50 ms, ``rounds`` times at most)."""
    from engage_desktop.security.vault import Vault

    dispatcher = Dispatcher(
        ws.engine, "test-worker", DispatchConfig(**config), clock=clock, vault=Vault.system()
    )  # the test session's keyring, where ``use_key`` put the FCM apps' keys
    stop = asyncio.Event()
    task = asyncio.create_task(dispatcher.run(stop))
    try:
        for _ in range(rounds):
            if task.done():
                task.result()
                raise AssertionError("the dispatcher stopped by itself")
            if await asyncio.to_thread(until, dispatcher):
                return dispatcher
            await asyncio.sleep(0.05)
        raise AssertionError("condition not met in time")
    finally:
        stop.set()
        await task


def campaign_state(ws: Workspace, campaign_id: int) -> tuple[CampaignStatus, str | None]:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign.status, campaign.status_reason


def states(ws: Workspace, campaign_id: int) -> dict[OutboxState, int]:
    with ws.session() as s:
        rows = s.execute(
            select(OutboxMessage.state, func.count())
            .where(OutboxMessage.campaign_id == campaign_id)
            .group_by(OutboxMessage.state)
        )
        return {state: count for state, count in rows}


def received(sandbox: Sandbox) -> dict[str, int]:
    counts: dict[str, int] = sandbox.get("/sandbox/stats?ids=1")["by_message_id"]
    return counts


def sent_ids(ws: Workspace, campaign_id: int) -> set[str]:
    with ws.session() as s:
        return set(
            s.scalars(
                select(OutboxMessage.message_id).where(
                    OutboxMessage.campaign_id == campaign_id,
                    OutboxMessage.state == OutboxState.SENT,
                )
            )
        )


def invalidated(ws: Workspace) -> int:
    with ws.session() as s:
        return int(
            s.scalar(select(func.count()).where(Device.token_invalidated_at.is_not(None))) or 0
        )


def queued_campaign(ws: Workspace, devices: int, content: dict[str, Any] | None = None) -> int:
    campaign_id = seed_campaign(ws, seed_app(ws, devices), content)
    start_send(ws, campaign_id)
    return campaign_id
