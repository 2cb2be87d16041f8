"""The sandbox answers loopback only: Host header checked, control endpoints need the run's token."""

from __future__ import annotations

import http.client
import json
import stat
import subprocess
import sys
from pathlib import Path

from engage_desktop.services.sandbox.server import _host_allowed

from ..dispatch.helpers import ROOT, Sandbox, start_sandbox


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
    for extra in ([], ["--lean"]):
        done = subprocess.run(
            [sys.executable, "-m", "engage_desktop", "sandbox", "--host", "0.0.0.0", *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1
        assert "loopback only" in done.stderr and "0.0.0.0" in done.stderr
