"""The database refuses writes (full, locked by another process): sending stops, the campaigns
pause with a clear reason, results already received are written once it works again, and
nothing is marked sent that the sandbox did not receive."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.dispatcher import DispatchConfig, Dispatcher
from engage_desktop.store.models import Campaign, CampaignStatus, OutboxMessage, OutboxState

from .helpers import (
    Sandbox,
    credentials_dir,
    seed_app,
    seed_campaign,
)
from .test_end_to_end import status_of


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


def received(sandbox: Sandbox) -> dict[str, int]:
    counts: dict[str, int] = sandbox.get("/sandbox/stats?ids=1")["by_message_id"]
    return counts


def reason_of(ws: Workspace, campaign_id: int) -> str:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign.status_reason or ""


async def dispatch_until(ws: Workspace, done: Callable[[Dispatcher], bool], **config: Any) -> None:
    dispatcher = Dispatcher(ws.engine, "test-worker", DispatchConfig(**config))
    stop = asyncio.Event()
    task = asyncio.create_task(dispatcher.run(stop))
    try:
        for _ in range(600):
            if await asyncio.to_thread(done, dispatcher):
                return
            await asyncio.sleep(0.05)
        raise AssertionError("condition not met in time")
    finally:
        stop.set()
        await task


def test_full_database_pauses_and_loses_nothing(
    make_workspace: Callable[..., Workspace],
    sandbox: Sandbox,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ENGAGE_SANDBOX_URL", sandbox.url)
    monkeypatch.setenv("ENGAGE_SANDBOX_CREDENTIALS_DIR", str(credentials_dir(tmp_path)))
    ws = make_workspace()
    app_id = seed_app(ws, 400)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    # SQLite's own size cap: past it every write that needs a new page fails with SQLITE_FULL
    # ("database or disk is full"), exactly as on a full disk.
    with ws.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
    cap: dict[str, int | None] = {"pages": pages + 3}

    @event.listens_for(ws.engine, "connect")
    def _limit(dbapi_conn: Any, _record: Any) -> None:
        if cap["pages"] is not None:
            dbapi_conn.execute(f"PRAGMA max_page_count = {cap['pages']}")

    ws.engine.dispose()
    config = {"batch": 10, "concurrency": 2, "rate": 200.0}
    faults: list[str] = []

    def full_then_freed(d: Dispatcher) -> bool:
        if d.storage_error and not faults:
            faults.append(d.storage_error)
            assert sent_ids(ws, campaign_id) <= set(received(sandbox))
            cap["pages"] = None  # space freed
            ws.engine.dispose()
        return bool(faults) and status_of(ws, campaign_id) == CampaignStatus.PAUSED

    asyncio.run(dispatch_until(ws, full_then_freed, **config))
    assert "The database is full" in faults[0]
    assert "The database is full" in reason_of(ws, campaign_id)
    got = received(sandbox)
    assert sent_ids(ws, campaign_id) == set(got)  # every receipt recorded, nothing invented
    assert 0 < len(got) < 400

    control.resume(ws, campaign_id)
    asyncio.run(
        dispatch_until(
            ws, lambda _d: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, **config
        )
    )
    counts = received(sandbox)
    assert len(counts) == 400 and max(counts.values()) == 1
