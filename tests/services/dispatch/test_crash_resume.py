"""kill -9 of the service in the middle of a 100,000-message send, then a restart."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignStatus, OutboxMessage, OutboxState

from .helpers import (
    Sandbox,
    seed_app,
    seed_campaign,
    service_env,
    start_service,
    stop_service,
)
from .test_end_to_end import status_of, wait_for

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

    wait_for(lambda: sent() >= MESSAGES // 3, timeout=300)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    received_at_kill = sandbox.get("/sandbox/stats")["received"]
    assert received_at_kill < MESSAGES, "the kill came too late to test anything"
    time.sleep(0.5)
    second = start_service(str(ws.location.sqlite_path), env, tmp_path, *args, name="second")
    try:
        wait_for(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=400)
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
