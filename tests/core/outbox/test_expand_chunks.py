"""A large expansion on SQLite commits in chunks while its campaign is unreleased
(``core/outbox/expand_chunks.py``): a real service keeps sending another campaign meanwhile,
and for the user it stays all or nothing (cancelled, refused or interrupted: no rows left)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage_desktop.core.approvals.rules import set_approval_threshold
from engage_desktop.core.outbox.expand import SendError, start_send
from engage_desktop.core.outbox.expand_chunks import delete_unreleased_rows
from engage_desktop.core.outbox.message_ids import test_message_id as trial_message_id
from engage_desktop.core.progress import Cancelled, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.engine import BUSY_TIMEOUT_ENV
from engage_desktop.store.models import CampaignStatus, OutboxMessage, OutboxState
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign, status_of
from tests.support.waiting import wait_until


def _rows(ws: Workspace, campaign_id: int, state: OutboxState | None = None) -> int:
    query = select(func.count()).where(OutboxMessage.campaign_id == campaign_id)
    if state is not None:
        query = query.where(OutboxMessage.state == state)
    with ws.session() as s:
        return int(s.scalar(query) or 0)


def _cancel_after(rows: int) -> Progress:
    """The user presses Cancel once ``rows`` recipients are written."""
    progress = Progress()

    def seen(done: int, _total: int | None, _what: str) -> None:
        if done >= rows:
            progress.token.cancel()

    progress.callback = seen
    return progress


def test_a_cancelled_expansion_leaves_no_row_and_the_campaign_a_draft(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 12_000))
    with pytest.raises(Cancelled):
        start_send(ws, campaign_id, progress=_cancel_after(10_000))  # two chunks committed
    assert _rows(ws, campaign_id) == 0
    assert status_of(ws, campaign_id) == CampaignStatus.DRAFT
    assert start_send(ws, campaign_id).queued == 12_000  # and it can be sent after


def test_a_refused_send_removes_the_rows_it_wrote(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 6_000)
    campaign_id = seed_campaign(ws, app_id)
    with ws.session() as s:
        set_approval_threshold(s, ws.member_id, app_id, 100, ws.clock.now())
    with pytest.raises(SendError):
        start_send(ws, campaign_id)
    assert _rows(ws, campaign_id) == 0
    assert status_of(ws, campaign_id) == CampaignStatus.DRAFT


def test_rows_left_by_an_interrupted_expansion_are_replaced(
    make_workspace: Callable[..., Workspace],
) -> None:
    """A GUI killed mid-expansion leaves committed chunks of a draft campaign: the next Send
    deletes them first (their message ids would collide) and queues everyone once."""
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 7_000))
    assert _interrupted_chunks(ws, campaign_id) == 5_000  # what a kill -9 leaves behind
    assert status_of(ws, campaign_id) == CampaignStatus.DRAFT
    assert start_send(ws, campaign_id).queued == 7_000
    assert _rows(ws, campaign_id) == 7_000


def _interrupted_chunks(ws: Workspace, campaign_id: int) -> int:
    """Rows of a draft campaign as an interrupted expansion commits them (first chunk only)."""
    from datetime import UTC, datetime

    from engage_desktop.core.delivery.plan import planner_for
    from engage_desktop.core.outbox.expand import (
        OUTBOX_COLUMNS,
        ExpandResult,
        _outbox_rows,
        _sqlite_time,
    )
    from engage_desktop.core.outbox.expand_chunks import write_in_chunks
    from engage_desktop.core.progress import NO_PROGRESS
    from engage_desktop.store.models import Campaign

    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        planner = planner_for(s, campaign, datetime(2026, 12, 3, 10, 0, tzinfo=UTC))
        rows = list(_outbox_rows(s, campaign, planner, _sqlite_time, ExpandResult(1)))
    return write_in_chunks(ws.engine, OUTBOX_COLUMNS, rows[:5_000], NO_PROGRESS)


def test_clean_up_keeps_the_campaigns_test_rows(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 10))
    _interrupted_chunks(ws, campaign_id)
    with ws.session() as s:  # a test send's row (its id starts with "edt-")
        row = s.scalars(select(OutboxMessage).where(OutboxMessage.campaign_id == campaign_id))
        first = row.first()
        assert first is not None
        first.message_id = trial_message_id(campaign_id, first.device_id or 0, 1)
    assert delete_unreleased_rows(ws.engine, campaign_id, chunk=3) == 9
    assert _rows(ws, campaign_id) == 1


@pytest.mark.slow
def test_a_large_expansion_never_holds_up_a_campaign_already_sending(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    """Campaign A is sending through a real service whose busy wait is 100 ms (scaled down
    from 10 s by configuration) while campaign B's 150,000 rows are expanded: A's results keep
    being written during the expansion and A is never paused. In one transaction, the
    expansion held SQLite's write lock from start to end and A's count stood still."""
    ws = make_workspace()
    a = seed_campaign(ws, seed_app(ws, 20_000, project="shop-a"))
    b = seed_campaign(ws, seed_app(ws, 150_000, project="shop-b"))
    start_send(ws, a)
    env = service_env(sandbox.url, tmp_path)
    env[BUSY_TIMEOUT_ENV] = "100"
    env["ENGAGE_FCM_RATE"] = "1500"  # A lasts well beyond B's expansion
    service = start_service(str(ws.location.sqlite_path), env, tmp_path, "--batch", "200")
    samples: list[tuple[float, int, CampaignStatus]] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            samples.append((time.monotonic(), _rows(ws, a, OutboxState.SENT), status_of(ws, a)))
            time.sleep(0.05)

    try:
        wait_until(lambda: _rows(ws, a, OutboxState.SENT) > 200, timeout=60)
        watcher = threading.Thread(target=watch)
        watcher.start()
        started = time.monotonic()
        try:
            assert start_send(ws, b).queued == 150_000
        finally:
            ended = time.monotonic()
            stop.set()
            watcher.join()
        assert ended - started > 1.0, "the expansion was too short to test anything"
        during = [sent for at, sent, _ in samples if started + 0.3 <= at <= ended]
        assert during and during[-1] - during[0] >= 100, (during[:3], during[-3:])
        assert {status for _, _, status in samples} == {CampaignStatus.SENDING}
        wait_until(lambda: status_of(ws, a) == CampaignStatus.COMPLETED, timeout=120)
    finally:
        assert stop_service(service) == 0
