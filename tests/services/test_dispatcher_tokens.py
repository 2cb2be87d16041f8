"""The OAuth token endpoint down (refused connections, 5xx) pauses the app's campaigns with the
reason, and the service resumes them by itself once tokens come back, with nothing failed.

Google's side is a local HTTPS server (``tests/support/fake_google.py``, the test CA): its token
endpoint and FCM v1. The dispatcher runs in process on a compressed clock (``ScaledClock``),
with the app's key in the test session's keyring. Before, a token failure paused the campaigns
with a credentials message that nothing ever lifted.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.outbox.pause_reasons import PAUSE_REASONS
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.services.clock import ScaledClock
from engage_desktop.services.dispatcher import DispatchConfig, Dispatcher
from engage_desktop.store.models import Campaign, CampaignStatus, OutboxMessage, OutboxState
from tests.support.fake_google import FakeGoogle, make_service_account
from tests.support.net import free_port
from tests.support.sending import seed_app, seed_campaign, use_key
from tests.support.tls import TestCA, make_test_ca

PROJECT = "maison-lumiere"
DEVICES = 30


@pytest.fixture
def ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestCA:
    """This process (the in-process dispatcher, google-auth) trusts the test CA."""
    authority = make_test_ca(tmp_path / "ca")
    for name, value in authority.env().items():
        monkeypatch.setenv(name, value)
    return authority


@pytest.fixture
def google(ca: TestCA) -> Iterator[FakeGoogle]:
    server = FakeGoogle(ca).start()
    yield server
    server.stop()


def _fcm_campaign(ws: Workspace, google: FakeGoogle, tmp_path: Path) -> int:
    info = make_service_account(PROJECT)
    google.trust(info)
    key = tmp_path / "key.json"
    key.write_text(json.dumps(info))
    app_id = seed_app(ws, DEVICES, project=PROJECT, sandbox=False)
    use_key(ws, app_id, key)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    return campaign_id


def _campaign(ws: Workspace, campaign_id: int) -> tuple[CampaignStatus, str | None, int]:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        failed = s.scalar(
            select(func.count()).where(
                OutboxMessage.campaign_id == campaign_id, OutboxMessage.state == OutboxState.FAILED
            )
        )
        return campaign.status, campaign.status_reason, int(failed or 0)


async def _run_until(ws: Workspace, done: Callable[[], bool]) -> None:
    """An in-process dispatcher, its clock 60 times faster (probes every 15 s of it)."""
    dispatcher = Dispatcher(
        ws.engine,
        "token-test",
        DispatchConfig(concurrency=2, probe_every=15.0),
        clock=ScaledClock(60.0),
        vault=Vault.system(),
    )
    stop = asyncio.Event()
    task = asyncio.create_task(dispatcher.run(stop))
    try:
        for _ in range(1200):  # 60 s at most
            if task.done():
                task.result()
                raise AssertionError("the dispatcher stopped by itself")
            if await asyncio.to_thread(done):
                return
            await asyncio.sleep(0.05)
        raise AssertionError("condition not met in time")
    finally:
        stop.set()
        await task


@pytest.mark.parametrize("outage", ["503", "refused"])
def test_a_token_endpoint_outage_pauses_then_resumes_by_itself(
    outage: str,
    make_workspace: Callable[..., Workspace],
    google: FakeGoogle,
    ca: TestCA,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws = make_workspace()
    monkeypatch.setenv("ENGAGE_FCM_URL", google.url)
    token_port = google.port if outage == "503" else free_port()  # refused: nobody listens
    monkeypatch.setenv("ENGAGE_FCM_TOKEN_URL", f"https://127.0.0.1:{token_port}/token")
    if outage == "503":
        google.token_failure = 503
    campaign_id = _fcm_campaign(ws, google, tmp_path)
    seen: dict[str, str | None] = {}
    later: list[FakeGoogle] = []

    def paused_then_back() -> bool:
        status, reason, _failed = _campaign(ws, campaign_id)
        if status == CampaignStatus.PAUSED and "reason" not in seen:
            seen["reason"] = reason
            if outage == "503":
                google.token_failure = None
            else:  # the token endpoint listens again, its tokens good for FCM
                shared = FakeGoogle(ca, keys=google.keys, access_tokens=google.access_tokens)
                shared.port = token_port
                later.append(shared.start())
        return status == CampaignStatus.COMPLETED

    try:
        asyncio.run(_run_until(ws, paused_then_back))
    finally:
        for server in later:
            server.stop()
    coded = PAUSE_REASONS.recognise(seen.get("reason") or "")
    assert coded is not None and coded.code == "token_unavailable", seen
    assert coded.args_text[:3] == (
        f"App {PROJECT}",
        PROJECT,
        f"https://127.0.0.1:{token_port}/token",
    )
    assert _campaign(ws, campaign_id)[2] == 0  # nothing failed
    assert len({m["token"] for m in google.delivered}) == DEVICES
