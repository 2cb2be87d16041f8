"""How services claim outbox rows, through real service processes: after a kill -9 in the middle
of a 100,000-message send the restarted service delivers everything once (or collapsed), and on
PostgreSQL two services sharing one outbox (FOR UPDATE SKIP LOCKED) never send a row twice."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignStatus, DeliveryAttempt, OutboxMessage, OutboxState
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign, status_of
from tests.support.waiting import wait_until

MESSAGES = 100_000
BATCH, CONCURRENCY = 500, 64


@pytest.mark.slow
def test_kill_9_mid_send_then_restart_delivers_everything_once_or_collapsed(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, MESSAGES)
    campaign_id = seed_campaign(ws, app_id)
    assert start_send(ws, campaign_id).queued == MESSAGES
    env = service_env(sandbox.url, tmp_path)
    args = ("--batch", str(BATCH), "--concurrency", str(CONCURRENCY))
    first = start_service(str(ws.location.sqlite_path), env, tmp_path, *args, name="first")

    def sent() -> int:
        with ws.session() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.state == OutboxState.SENT)
                )
                or 0
            )

    wait_until(lambda: sent() >= MESSAGES // 3, timeout=300)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    received_at_kill = sandbox.get("/sandbox/stats")["received"]
    assert received_at_kill < MESSAGES, "the kill came too late to test anything"
    time.sleep(0.5)
    second = start_service(str(ws.location.sqlite_path), env, tmp_path, *args, name="second")
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=400)
    finally:
        assert stop_service(second) == 0
    assert sent() == MESSAGES
    counts = sandbox.get("/sandbox/stats?ids=1")["by_message_id"]
    with ws.session() as s:
        expected = set(
            s.scalars(
                select(OutboxMessage.message_id).where(OutboxMessage.campaign_id == campaign_id)
            )
        )
    assert set(counts) == expected  # every recipient received its message
    duplicates = sum(c - 1 for c in counts.values())
    # at most what was in flight: the claimed queue, the requests out, the unwritten results
    assert duplicates <= 2 * BATCH + CONCURRENCY + BATCH
    assert max(counts.values()) <= 2  # a duplicate is the same message id, sent twice


MESSAGES = 6_000


@pytest.mark.postgres
def test_two_services_never_send_a_row_twice(
    make_workspace: Callable[..., Workspace], pg_url: str, sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace(pg_url)
    app_id = seed_app(ws, MESSAGES)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    env = service_env(sandbox.url, tmp_path)
    small = ("--batch", "50", "--concurrency", "16")
    services = [start_service(pg_url, env, tmp_path, *small, name=f"svc{i}") for i in range(2)]
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=180)
    finally:
        codes = [stop_service(p) for p in services]
    assert codes == [0, 0]
    counts = sandbox.get("/sandbox/stats?ids=1")["by_message_id"]
    assert len(counts) == MESSAGES
    assert max(counts.values()) == 1  # never twice
    with ws.session() as s:
        workers = s.execute(
            select(OutboxMessage.claimed_by, func.count()).group_by(OutboxMessage.claimed_by)
        ).all()
        attempts = s.scalar(select(func.count()).select_from(DeliveryAttempt))
    assert attempts == MESSAGES
    assert len([w for w, n in workers if w and n > 0]) == 2, workers  # both did part of the work
