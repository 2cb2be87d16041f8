"""The service process: a campaign sent through a real service to a real sandbox, and scheduled
campaigns started at their time."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage_desktop.core.outbox.control import campaign_progress
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    DeliveryAttempt,
    ServiceHeartbeat,
)
from tests.support.frozen import pretend_frozen
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import reason_of, seed_app, seed_campaign, status_of, token_for
from tests.support.waiting import wait_until


def test_send_reaches_every_device_once(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 300, no_consent=5, push_off=4, no_token=3, invalidated=2)
    campaign_id = seed_campaign(ws, app_id)
    result = start_send(ws, campaign_id)
    assert result.queued == 300
    assert result.suppressed == {
        "no_push_consent": 5,
        "push_disabled": 4,
        "no_token": 3,
        "token_invalidated": 2,
    }
    service = start_service(
        str(ws.location.sqlite_path), service_env(sandbox.url, tmp_path), tmp_path
    )
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED)
        with ws.session() as s:
            beats = list(s.scalars(select(ServiceHeartbeat)))
            assert beats and beats[0].state == "running"
    finally:
        assert stop_service(service) == 0
    with ws.session() as s:
        progress = campaign_progress(s, ws.member_id, campaign_id, ws.clock.now())
        attempts = s.scalar(select(func.count()).select_from(DeliveryAttempt))
        assert s.scalars(select(ServiceHeartbeat.state)).all() == ["stopped"]
    assert (progress.sent, progress.failed, progress.queued) == (300, 0, 0)
    assert attempts == 300
    stats = sandbox.get("/sandbox/stats?ids=1")
    assert stats["received"] == 300
    assert set(stats["by_message_id"].values()) == {1}
    # what one virtual device received: the campaign, with its stable message id as collapse key
    first_device = app_id * 10_000_000 + 1
    inbox = sandbox.get(f"/sandbox/inbox?token={token_for(first_device)}")
    message = inbox[0]["message"]
    expected_id = f"ed-{campaign_id}-{first_device}"
    assert message["data"]["message_id"] == expected_id
    assert message["android"]["collapse_key"] == expected_id
    assert message["apns"]["headers"]["apns-collapse-id"] == expected_id
    assert message["notification"]["title"] == "Soldes d'hiver"
    assert message["fcm_options"]["analytics_label"] == "soldes_hiver"


def test_scheduled_campaigns_start_at_their_time(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 5)
    past, soon, sms = (seed_campaign(ws, app_id) for _ in range(3))
    now = datetime.now(UTC)
    at = {past: now - timedelta(hours=1), soon: now + timedelta(seconds=3)}
    with ws.session() as s:
        for cid, when in [*at.items(), (sms, now - timedelta(minutes=5))]:
            campaign = s.get(Campaign, cid)
            assert campaign is not None
            campaign.status = CampaignStatus.SCHEDULED
            campaign.scheduled_at = when
            campaign.scheduled_by = ws.member_id
        unsendable = s.get(Campaign, sms)
        assert unsendable is not None
        unsendable.scheduled_by = None  # the service may not send it: said, not retried
    service = start_service(
        str(ws.location.sqlite_path), service_env(sandbox.url, tmp_path), tmp_path
    )
    try:
        wait_until(lambda: status_of(ws, past) == CampaignStatus.COMPLETED, timeout=30)
        wait_until(lambda: status_of(ws, soon) == CampaignStatus.COMPLETED, timeout=30)
    finally:
        assert stop_service(service) == 0
    with ws.session() as s:
        started = {cid: s.get(Campaign, cid).started_at for cid in at}  # type: ignore[union-attr]
    assert started[soon] is not None and started[soon] >= at[soon]  # never before its time
    # The service checks every second; a loaded CI machine may add a few more.
    assert started[soon] - at[soon] < timedelta(seconds=10)
    assert len(sandbox.get("/sandbox/stats?ids=1")["by_message_id"]) == 10
    assert status_of(ws, sms) == CampaignStatus.SCHEDULED
    assert reason_of(ws, sms).startswith("Not started at its time: Campaign ")
    assert "former member" in reason_of(ws, sms)
    log = (tmp_path / "service.log").read_text()
    assert log.count(f"scheduled campaign {sms} not started") == 1  # once, not every second


def test_log_files_are_private_rotated_ones_too(tmp_path: Path) -> None:
    import logging

    from engage_desktop.services.service import PrivateRotatingFileHandler

    log = tmp_path / "service.log"
    handler = PrivateRotatingFileHandler(log, maxBytes=200, backupCount=2, encoding="utf-8")
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "x" * 150, None, None)
    for _ in range(3):  # past maxBytes: rolled over at least once
        handler.emit(record)
    handler.close()
    rotated = tmp_path / "service.log.1"
    assert rotated.exists()
    for path in (log, rotated):
        assert path.stat().st_mode & 0o777 == 0o600, path


def test_a_bundle_starts_its_own_program_as_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Frozen, the service starts the sandbox as ``PROGRAM sandbox``, not ``-m engage_desktop``."""
    from engage_desktop.services.service import SandboxStarter
    from tests.support.net import free_port

    recorded = pretend_frozen(monkeypatch, tmp_path)
    port = free_port()
    starter = SandboxStarter()
    with pytest.raises(ValueError, match="did not start"):  # the stand-in exits, listening nowhere
        starter(f"http://127.0.0.1:{port}")
    assert recorded.read_text(encoding="utf-8").splitlines() == [
        "sandbox",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]


_WINDOW = r"""
import os, subprocess, sys, time
env = dict(os.environ, ENGAGE_SERVICE_STARTED_BY=str(os.getpid()))
child = subprocess.Popen(
    [sys.executable, "-m", "engage_desktop", "service", "--workspace", sys.argv[1]],
    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
)
print(child.pid, flush=True)
time.sleep(600)
"""


def _ended(pid: int) -> bool:
    """Gone, or a zombie nobody reaped yet (the container's first process may not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (FileNotFoundError, IndexError):
        return True


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_a_service_stops_when_the_window_that_started_it_is_killed(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    # Found by the installer's walk-through: SIGTERM to the GUI left its service sending on.
    import subprocess
    import sys

    ws = make_workspace()
    window = subprocess.Popen(
        [sys.executable, "-c", _WINDOW, str(ws.location.sqlite_path)],
        env=service_env(sandbox.url, tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    )
    assert window.stdout is not None
    service_pid = int(window.stdout.readline())
    try:
        wait_until(lambda: _states(ws) == ["running"], timeout=60)
        window.kill()  # as a logout or `kill -9` would
        window.wait(10)
        wait_until(lambda: _ended(service_pid), timeout=30)
        assert _states(ws) == ["stopped"]  # it stopped cleanly, claims given back
    finally:
        if not _ended(service_pid):
            os.kill(service_pid, signal.SIGKILL)


def _states(ws: Workspace) -> list[str]:
    with ws.session() as s:
        return list(s.scalars(select(ServiceHeartbeat.state)))
