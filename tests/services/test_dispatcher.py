"""The dispatcher when the way out is blocked. The database refuses writes (full, locked by another
process): sending stops, the campaigns pause with a clear reason, results already received are
written once it works again, and nothing is marked sent that the sandbox did not receive. FCM
refuses connections: the app's campaigns pause after the configured time."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.dispatcher import DispatchConfig, Dispatcher
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.store.models import CampaignStatus, OutboxMessage, OutboxState
from tests.support.net import free_port
from tests.support.processes import (
    Sandbox,
    credentials_dir,
    service_env,
    start_service,
    stop_service,
)
from tests.support.sending import reason_of, seed_app, seed_campaign, status_of, use_key
from tests.support.waiting import wait_until


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


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def test_database_locked_by_another_process_pauses(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 300)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    env = service_env(sandbox.url, tmp_path)
    env["ENGAGE_SQLITE_BUSY_TIMEOUT_MS"] = "300"  # the service gives up waiting after 0.3 s
    path = str(ws.location.sqlite_path)
    service = start_service(path, env, tmp_path, "--rate", "60", "--batch", "10")
    try:
        wait_until(lambda: len(sent_ids(ws, campaign_id)) >= 20, timeout=30)
        locker = subprocess.Popen(
            [sys.executable, "-c", LOCKER, path, "3"], stdout=subprocess.PIPE, text=True
        )
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        assert locker.wait(20) == 0
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.PAUSED, timeout=20)
    finally:
        assert stop_service(service) == 0
    assert "locked by another program" in reason_of(ws, campaign_id)
    got = received(sandbox)
    assert sent_ids(ws, campaign_id) == set(got) and max(got.values()) == 1
    assert len(got) < 300
    log = (tmp_path / "service.log").read_text()
    assert "Traceback" not in log


def test_unreachable_endpoint_pauses_after_the_configured_time(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 30, project="real-project", sandbox=False)
    # Tokens come from the live sandbox; the FCM address is a port nobody listens on.
    use_key(ws, app_id, sandbox_credentials("real-project", sandbox.url, credentials_dir(tmp_path)))
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    env = service_env(sandbox.url, tmp_path)
    env["ENGAGE_FCM_URL"] = f"http://127.0.0.1:{free_port()}"
    service = start_service(
        str(ws.location.sqlite_path), env, tmp_path, "--unreachable-pause-after", "1.5"
    )
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.PAUSED, timeout=30)
    finally:
        assert stop_service(service) == 0
    reason = reason_of(ws, campaign_id)
    assert reason.startswith("Cannot connect to 127.0.0.1:") and "(for 2 s)" in reason
    assert "Check the FCM address" in reason
    with ws.session() as s:
        states = set(
            s.scalars(select(OutboxMessage.state).where(OutboxMessage.campaign_id == campaign_id))
        )
    assert OutboxState.SENT not in states and OutboxState.FAILED not in states
    assert sandbox.get("/sandbox/stats")["received"] == 0
