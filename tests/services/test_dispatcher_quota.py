"""A 429 with a short Retry-After is waited out by the service that holds the row.

The fault: every 429'd row went through the database and back (its retry written, released to
the queue once due, claimed and screened again), each round 0.1-0.3 s past its Retry-After, on
top of a wait that grew with exponential backoff; with 5 % of answers 429 the send lost about
half its rate (0.43 of the clean rate in ``benchmarks/dispatch_faults.py``).
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.clock import ScaledClock
from engage_desktop.services.dispatcher import Dispatcher
from engage_desktop.store.models import DeliveryAttempt, OutboxMessage, OutboxState
from tests.support.dispatching import dispatch, states
from tests.support.processes import Sandbox
from tests.support.sending import seed_app, seed_campaign

pytestmark = pytest.mark.usefixtures("sandbox_env")


def test_a_429d_row_is_sent_again_by_its_holder_after_exactly_its_retry_after(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox
) -> None:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 40))
    start_send(ws, campaign_id)
    quota = {"match": "*", "error": "QUOTA_EXCEEDED", "retry_after": 1, "every": 4}
    sandbox.post("/sandbox/faults", {"faults": [quota]})

    def all_sent(_d: Dispatcher) -> bool:
        return states(ws, campaign_id) == {OutboxState.SENT: 40}

    dispatcher = asyncio.run(dispatch(ws, all_sent, ScaledClock(), concurrency=4))
    with ws.session() as s:
        claims = s.execute(
            select(OutboxMessage.claim_count, OutboxMessage.attempts).where(
                OutboxMessage.campaign_id == campaign_id
            )
        ).all()
        retries = s.scalar(
            select(func.count()).where(DeliveryAttempt.outcome == OutboxState.RETRY.value)
        )
    assert {claim for claim, _ in claims} == {1}  # never given back and claimed again
    assert retries is not None and retries >= 10
    assert sum(attempts for _, attempts in claims) == 40 + retries
    times: dict[str, list[float]] = defaultdict(list)
    for request in sandbox.get("/sandbox/requests"):
        times[request["token"]].append(request["at"])
    gaps = [b - a for at in times.values() for a, b in itertools.pairwise(at)]
    assert len(gaps) == retries and min(gaps) >= 0.99  # the server's word was kept
    assert dispatcher.footprint()["held"] == 0


def test_a_pause_reaches_rows_waiting_out_a_retry_after_in_the_service(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox
) -> None:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 30))
    start_send(ws, campaign_id)
    quota = {"match": "*", "error": "QUOTA_EXCEEDED", "retry_after": 8}
    sandbox.post("/sandbox/faults", {"faults": [quota]})
    clock = ScaledClock()
    marks: dict[str, float] = {}

    def paused_and_given_back(d: Dispatcher) -> bool:
        if "paused_at" not in marks:
            if sandbox.get("/sandbox/stats")["requests"] < 4:
                return False
            control.pause(ws, campaign_id)
            marks["paused_at"] = clock.monotonic()
            marks["requests"] = sandbox.get("/sandbox/stats")["requests"]
            return False
        if OutboxState.CLAIMED in states(ws, campaign_id):
            return False
        marks["given_back_at"] = clock.monotonic()
        return d.footprint()["held"] == 0

    asyncio.run(dispatch(ws, paused_and_given_back, clock, concurrency=4, batch=10))
    assert marks["given_back_at"] - marks["paused_at"] <= 1.0
    assert sandbox.get("/sandbox/stats")["requests"] <= marks["requests"] + 4  # in flight only
    left = states(ws, campaign_id)  # beyond ``batch`` held, retries go the long way
    assert set(left) <= {OutboxState.QUEUED, OutboxState.RETRY} and sum(left.values()) == 30
    with ws.session() as s:
        given_back = s.scalar(
            select(func.count()).where(
                OutboxMessage.state == OutboxState.QUEUED, OutboxMessage.attempts == 1
            )
        )
    assert given_back  # rows that were waiting out their Retry-After in the service
