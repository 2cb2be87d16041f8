"""Service-account credentials: a sending machine whose keyring lacks the key pauses the send with
the reason, and damaged key files are refused clearly (real service and sandbox processes).

The access token's lifetime is counted on the injected clock, whatever the time zone: google-auth
keeps a naive UTC expiry, and read as local time it made the sender fetch a token for every message
ahead of UTC (Europe/Paris) and keep an expired one behind UTC (America/New_York). A local HTTPS
server (the test CA) plays Google's token endpoint and FCM, the process time zone is switched with
``time.tzset``, and hours of sending pass on a clock the test moves.
"""

from __future__ import annotations

import asyncio
import json
import platform
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.services.fcm.auth import CredentialsError, TokenSource, load_key_file
from engage_desktop.services.fcm.client import FcmClient, Verdict
from engage_desktop.services.fcm.http1 import Http1Pool
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.store.models import AppCredential, CampaignStatus
from tests.support.processes import (
    Sandbox,
    credentials_dir,
    service_env,
    start_service,
    stop_service,
)
from tests.support.sending import reason_of, seed_app, seed_campaign, status_of, use_key
from tests.support.tls import make_test_ca
from tests.support.waiting import wait_until


def test_a_key_missing_from_this_machines_keyring_pauses_with_the_reason(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    """On a shared workspace, a sending machine that was never given the key says so."""
    ws = make_workspace()
    app_id = seed_app(ws, 3, project="maison-lumiere", sandbox=False)
    use_key(
        ws, app_id, sandbox_credentials("maison-lumiere", sandbox.url, credentials_dir(tmp_path))
    )
    with ws.session() as s:  # the fingerprint stays, this machine's keyring entry goes
        row = s.get(AppCredential, app_id)
        assert row is not None
        Vault.system().delete(row.reference)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    env = service_env(sandbox.url, tmp_path)
    env["ENGAGE_FCM_URL"] = sandbox.url
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.PAUSED, timeout=30)
    finally:
        assert stop_service(service) == 0
    assert reason_of(ws, campaign_id) == (
        "The service-account key of app 'App maison-lumiere' (project maison-lumiere) is not in "
        f"the keyring of this machine ({platform.node()}): run 'engage-desktop credentials set' "
        "on it once."
    )
    assert sandbox.get("/sandbox/stats")["received"] == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "is not valid JSON (line 1, column 2)"),
        ('{"type": "authorized_user"}', 'is not a Google service-account key ("type"'),
        (
            '{"type": "service_account", "project_id": "p"}',
            "lacks: private_key_id, private_key, client_email",
        ),
        (
            '{"type": "service_account", "project_id": "p", "private_key": "-----BEGIN PRIVATE '
            'KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\\n", "client_email": "a@b", '
            '"private_key_id": "k1"}',
            "cannot be loaded (damaged or not an RSA key)",
        ),
    ],
)
def test_bad_service_account_files_are_refused_clearly(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "key.json"
    path.write_text(content)
    with pytest.raises(CredentialsError) as caught:
        load_key_file(path, "p", "http://127.0.0.1:9/token")
    assert expected in str(caught.value) and str(path) in str(caught.value)
    assert "PRIVATE KEY" not in str(caught.value)


# --- token lifetime across time zones -----------------------------------------------
PROJECT = "tz-project"
LIFETIME = 3600  # seconds, as Google states them in ``expires_in``
START = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


class _Google(BaseHTTPRequestHandler):
    """Token endpoint and FCM send, keep-alive; counts token requests, records bearers used."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes
    issued: list[str]
    bearers: list[str]

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/token":
            access = f"tok-{len(self.issued) + 1}"
            self.issued.append(access)
            body = {"access_token": access, "expires_in": LIFETIME, "token_type": "Bearer"}
        else:
            self.bearers.append(self.headers.get("Authorization", "")[7:])
            body = {"name": f"projects/{PROJECT}/messages/{len(self.bearers)}"}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def google(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, type[_Google]]]:
    ca = make_test_ca(tmp_path / "ca")
    for name, value in ca.env().items():
        monkeypatch.setenv(name, value)
    handler = type("Handler", (_Google,), {"issued": [], "bearers": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.socket = ca.server_context().wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://localhost:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


@pytest.fixture(params=["Europe/Paris", "America/New_York"])
def time_zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


def _tokens(url: str, tmp_path: Path, clock: FixedClock) -> TokenSource:
    path = sandbox_credentials(PROJECT, url, tmp_path / "keys")
    credentials = load_key_file(path, PROJECT, url.rstrip("/") + "/token")
    return TokenSource(credentials, "test app", clock=clock)


async def _send_for(client: FcmClient, clock: FixedClock, hours: int, every: timedelta) -> None:
    moment = START
    try:
        while moment <= START + timedelta(hours=hours):
            clock.set(moment)
            result = await client.send(b'{"message":{"token":"t"}}')
            assert result.verdict is Verdict.SENT
            moment += every
    finally:
        client.pool.close()


def test_one_token_request_per_hour_of_sending(
    google: tuple[str, type[_Google]], time_zone: str, tmp_path: Path
) -> None:
    url, server = google
    clock = FixedClock(START)
    port = int(url.rsplit(":", 1)[1])
    pool = Http1Pool("localhost", port, tls=True, limit=4)
    client = FcmClient(pool, "", PROJECT, _tokens(url, tmp_path, clock))
    every = timedelta(seconds=20)  # 3 hours of sending: 541 messages, a token each hour
    asyncio.run(_send_for(client, clock, 3, every))
    assert len(server.bearers) == 541
    assert len(server.issued) == 4, f"{time_zone}: {len(server.issued)} token requests"


def test_a_token_is_replaced_before_it_expires(
    google: tuple[str, type[_Google]], time_zone: str, tmp_path: Path
) -> None:
    url, server = google
    clock = FixedClock(START)
    tokens = _tokens(url, tmp_path, clock)

    async def scenario() -> list[str]:
        seen = [await tokens.token()]
        clock.set(START + timedelta(seconds=LIFETIME - 400))  # still well inside its life
        seen.append(await tokens.token())
        clock.set(START + timedelta(seconds=LIFETIME - 60))  # about to expire: a new one
        seen.append(await tokens.token())
        return seen

    assert asyncio.run(scenario()) == ["tok-1", "tok-1", "tok-2"], time_zone
    assert server.issued == ["tok-1", "tok-2"]
