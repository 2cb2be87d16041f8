"""The dispatcher honours the delivery rules on its injected clock, against a real sandbox:
rows deferred by quiet hours go out when the window opens, not before, and an opt-out made
while the rows wait suppresses them instead. Nothing here waits for a real night to pass: the
service's clock is set by the test (``SetClock``), its sleeps are real and short.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.services.dispatcher import DispatchConfig, Dispatcher
from engage_desktop.store.models import Consent, DeliveryAttempt, OutboxMessage, OutboxState
from tests.support.processes import Sandbox
from tests.support.sending import seed_app, seed_campaign

# 21:30 in Paris: inside the default quiet hours (21:00-08:00); they end at 07:00 UTC.
EVENING = datetime(2026, 12, 3, 20, 30, tzinfo=UTC)
MORNING = datetime(2026, 12, 4, 7, 0, tzinfo=UTC)


class SetClock:
    """Wall time the test sets; intervals and sleeps are real (and short in these tests)."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(min(seconds, 0.05))

    async def wait(self, event: asyncio.Event, seconds: float) -> bool:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), min(seconds, 0.05))
        return event.is_set()


pytestmark = pytest.mark.usefixtures("sandbox_env")  # tests/services/conftest.py


def _count(ws: Workspace, campaign_id: int, state: OutboxState) -> int:
    with ws.session() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(OutboxMessage)
                .where(OutboxMessage.campaign_id == campaign_id, OutboxMessage.state == state)
            )
            or 0
        )


async def _run(ws: Workspace, clock: SetClock, steps: list[Callable[[], bool]]) -> None:
    """Run a dispatcher; each step is polled until it holds (10 s at most), in order."""
    dispatcher = Dispatcher(
        ws.engine,
        "rules-worker",
        DispatchConfig(batch=50, concurrency=8),
        clock=clock,
        vault=Vault.system(),
    )
    stop = asyncio.Event()
    task = asyncio.create_task(dispatcher.run(stop))
    try:
        for step in steps:
            for _ in range(200):
                if task.done():
                    task.result()
                if await asyncio.to_thread(step):
                    break
                await asyncio.sleep(0.05)
            else:
                raise AssertionError(f"step {step.__name__} never held")
    finally:
        stop.set()
        await task


def test_rows_deferred_by_quiet_hours_leave_when_the_window_opens_not_before(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox
) -> None:
    ws = make_workspace()
    ws.clock = FixedClock(EVENING)
    app_id = seed_app(ws, 30, quiet_hours=True)  # the app's default quiet hours, Paris time
    campaign_id = seed_campaign(ws, app_id)
    result = start_send(ws, campaign_id)
    assert result.queued == 30 and result.deferred_quiet == 30
    clock = SetClock(EVENING)
    polls = {"n": 0}

    def night_passes_with_nothing_sent() -> bool:
        polls["n"] += 1
        assert sandbox.get("/sandbox/stats")["received"] == 0
        clock.at = min(clock.at + timedelta(minutes=30), MORNING - timedelta(seconds=1))
        return polls["n"] >= 40 and clock.at == MORNING - timedelta(seconds=1)

    def window_opens() -> bool:
        clock.at = MORNING
        return _count(ws, campaign_id, OutboxState.SENT) == 30

    asyncio.run(_run(ws, clock, [night_passes_with_nothing_sent, window_opens]))
    assert sandbox.get("/sandbox/stats")["received"] == 30
    with ws.session() as s:
        first = s.scalar(select(func.min(DeliveryAttempt.at)))
    assert first is not None and first >= MORNING


def test_an_opt_out_while_rows_wait_suppresses_them_at_the_next_claim(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox
) -> None:
    ws = make_workspace()
    ws.clock = FixedClock(EVENING)
    app_id = seed_app(ws, 20, quiet_hours=True)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    first = app_id * 10_000_000 + 1
    with ws.engine.begin() as conn:  # 5 people reply STOP / unsubscribe overnight
        conn.execute(
            update(Consent)
            .where(Consent.profile_id.between(first, first + 4))
            .values(state="denied")
        )
    clock = SetClock(MORNING)

    def all_settled() -> bool:
        return _count(ws, campaign_id, OutboxState.SENT) == 15

    asyncio.run(_run(ws, clock, [all_settled]))
    assert _count(ws, campaign_id, OutboxState.SUPPRESSED) == 5
    assert sandbox.get("/sandbox/stats")["received"] == 15
    with ws.session() as s:
        reasons = set(
            s.scalars(
                select(OutboxMessage.suppression_reason).where(
                    OutboxMessage.state == OutboxState.SUPPRESSED
                )
            )
        )
    assert reasons == {"no_push_consent"}
