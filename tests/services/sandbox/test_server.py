"""The sandbox server as google-auth and the service meet it: forged assertions are refused,
the virtual phones' inboxes survive a restart, and it answers loopback only: Host header checked,
control endpoints behind the run's token, no listening beyond loopback (real processes)."""

from __future__ import annotations

import http.client
import json
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.services.sandbox.server import _host_allowed
from engage_desktop.store.models import CampaignStatus
from tests.support.paths import ROOT
from tests.support.processes import (
    Sandbox,
    credentials_dir,
    service_env,
    start_sandbox,
    start_service,
    stop_service,
)
from tests.support.sending import seed_app, seed_campaign, status_of, token_for
from tests.support.waiting import wait_until


def test_forged_assertion_is_refused_by_the_sandbox(sandbox: Sandbox, tmp_path: Path) -> None:
    """The sandbox checks the JWT signature against the key it knows for that key id."""
    from google.auth.exceptions import RefreshError

    from engage_desktop.services.fcm.auth import FCM_SCOPE

    good = sandbox_credentials("demo-project", sandbox.url, credentials_dir(tmp_path))
    forged = tmp_path / "forged.json"
    other = json.loads(
        sandbox_credentials("demo-project", sandbox.url, tmp_path / "elsewhere").read_text()
    )
    info = json.loads(good.read_text())
    info["private_key"] = other["private_key"]  # same key id and email, another private key
    forged.write_text(json.dumps(info))
    from google.auth.transport.requests import Request
    from google.oauth2 import service_account

    ok = service_account.Credentials.from_service_account_file(str(good), scopes=[FCM_SCOPE])
    ok.refresh(Request())
    assert ok.token
    bad = service_account.Credentials.from_service_account_file(str(forged), scopes=[FCM_SCOPE])
    with pytest.raises(RefreshError, match="Invalid JWT Signature"):
        bad.refresh(Request())


def test_inboxes_survive_a_sandbox_restart(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:

    box = start_sandbox(credentials_dir(tmp_path))
    try:
        ws = make_workspace()
        app_id = seed_app(ws, 3)
        campaign_id = seed_campaign(ws, app_id)
        start_send(ws, campaign_id)
        service = start_service(
            str(ws.location.sqlite_path), service_env(box.url, tmp_path), tmp_path
        )
        try:
            wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=30)
        finally:
            stop_service(service)
        token = token_for(app_id * 10_000_000 + 1)
        before = box.get(f"/sandbox/inbox?token={token}")
        assert len(before) == 1
    finally:
        box.stop()
    port = int(box.url.rsplit(":", 1)[1])
    again = start_sandbox(credentials_dir(tmp_path), port=port)
    try:
        assert again.get(f"/sandbox/inbox?token={token}") == before
        assert len(again.get("/sandbox/devices")) == 3
    finally:
        again.stop()


def _request(
    sandbox: Sandbox, method: str, path: str, headers: dict[str, str]
) -> tuple[int, object]:
    port = int(sandbox.url.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_host=True)
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders(b"{}" if method == "POST" else None)
    response = connection.getresponse()
    body = json.loads(response.read() or b"null")
    connection.close()
    return response.status, body


def test_control_token_and_host_header(tmp_path: Path) -> None:
    sandbox = start_sandbox(tmp_path / "data")
    try:
        host = sandbox.url.removeprefix("http://")
        token_file = tmp_path / "data" / "control-token"
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
        assert len(sandbox.control_token) >= 40
        ok = {"Host": host, "X-Sandbox-Token": sandbox.control_token}
        assert _request(sandbox, "GET", "/sandbox/stats", ok)[0] == 200
        for path in (
            "/sandbox/stats",
            "/sandbox/inbox?token=x",
            "/sandbox/devices",
            "/sandbox/requests",
        ):
            assert _request(sandbox, "GET", path, {"Host": host})[0] == 403
            assert (
                _request(sandbox, "GET", path, {"Host": host, "X-Sandbox-Token": "guess"})[0] == 403
            )
        for path in ("/sandbox/faults", "/sandbox/reset"):
            assert _request(sandbox, "POST", path, {"Host": host, "Content-Length": "2"})[0] == 403
        assert _request(sandbox, "GET", "/sandbox/health", {"Host": host})[0] == 200
        # DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends its own Host.
        port = host.rsplit(":", 1)[1]
        for bad in (f"evil.example:{port}", "127.0.0.1:1", f"192.168.0.2:{port}"):
            status, _ = _request(sandbox, "GET", "/sandbox/stats", {**ok, "Host": bad})
            assert status == 421, bad
            assert (
                _request(sandbox, "POST", "/token", {"Host": bad, "Content-Length": "2"})[0] == 421
            )
    finally:
        sandbox.stop()
    again = start_sandbox(tmp_path / "data")
    try:
        assert again.control_token != sandbox.control_token  # a new token for each run
    finally:
        again.stop()


def test_host_names_accepted() -> None:
    assert _host_allowed("127.0.0.1:8765", 8765)
    assert _host_allowed("localhost:8765", 8765)
    assert _host_allowed("[::1]:8765", 8765)
    assert not _host_allowed("[::1]:8766", 8765)
    assert not _host_allowed("127.0.0.1.evil.example:8765", 8765)
    assert not _host_allowed("", 8765)


def test_the_sandbox_refuses_to_listen_beyond_loopback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "engage_desktop", "sandbox", "--host", "0.0.0.0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "loopback only" in done.stderr and "0.0.0.0" in done.stderr
