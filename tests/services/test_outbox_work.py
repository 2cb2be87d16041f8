"""The dispatcher's database work (``services/outbox_work.py``) when the database is slow or full.

A database busy with another process's write is waited out, never a pause; a database that
refuses writes (full) pauses with the reason and loses nothing.

Against a real sandbox process and a real SQLite workspace, the clock injected
(``ScaledClock``: a 10-minute outage runs in 10 s; nothing here waits out real minutes).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.clock import ScaledClock
from engage_desktop.services.dispatcher import Dispatcher
from engage_desktop.store.models import (
    CampaignStatus,
)
from tests.support.dispatching import (
    campaign_state,
    dispatch,
    queued_campaign,
    received,
    sent_ids,
)
from tests.support.processes import (
    Sandbox,
    credentials_dir,
    service_env,
    start_service,
    stop_service,
)
from tests.support.sending import reason_of, seed_app, seed_campaign, status_of
from tests.support.waiting import wait_until

pytestmark = pytest.mark.usefixtures("sandbox_env")  # tests/services/conftest.py


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

    asyncio.run(dispatch(ws, full_then_freed, ScaledClock(), **config))
    assert "The database is full" in faults[0]
    assert "The database is full" in reason_of(ws, campaign_id)
    got = received(sandbox)
    assert sent_ids(ws, campaign_id) == set(got)  # every receipt recorded, nothing invented
    assert 0 < len(got) < 400

    control.resume(ws, campaign_id)
    asyncio.run(
        dispatch(
            ws,
            lambda _d: status_of(ws, campaign_id) == CampaignStatus.COMPLETED,
            ScaledClock(),
            **config,
        )
    )
    counts = received(sandbox)
    assert len(counts) == 400 and max(counts.values()) == 1


# --- fault 1: a database busy with another process's write is waited out, never a pause ---------


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def test_a_long_write_by_another_process_neither_pauses_nor_fails_the_send(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    """The service may wait 0.3 s for the lock; another process holds it 10 times as long
    (an import or a big expansion holding it for tens of seconds, compressed)."""
    ws = make_workspace()
    campaign_id = queued_campaign(ws, 300)
    env = service_env(sandbox.url, tmp_path)
    env["ENGAGE_SQLITE_BUSY_TIMEOUT_MS"] = "300"
    path = str(ws.location.sqlite_path)
    service = start_service(path, env, tmp_path, "--rate", "60", "--batch", "10")
    seen: set[CampaignStatus] = set()
    try:
        wait_until(lambda: len(sent_ids(ws, campaign_id)) >= 20, timeout=30)
        locker = subprocess.Popen(
            [sys.executable, "-c", LOCKER, path, "3"], stdout=subprocess.PIPE, text=True
        )
        assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
        while locker.poll() is None:  # reads go on under WAL while the other process writes
            seen.add(campaign_state(ws, campaign_id)[0])
        assert locker.wait() == 0
        wait_until(lambda: campaign_state(ws, campaign_id)[0] != CampaignStatus.SENDING, timeout=60)
    finally:
        assert stop_service(service) == 0
    assert seen == {CampaignStatus.SENDING}
    assert campaign_state(ws, campaign_id) == (CampaignStatus.COMPLETED, None)
    got = received(sandbox)
    assert sent_ids(ws, campaign_id) == set(got) and len(got) == 300 and max(got.values()) == 1
    log = (tmp_path / "service.log").read_text()
    assert "busy with another program's write" in log and "Traceback" not in log
