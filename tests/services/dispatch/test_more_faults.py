"""Faults around the send: FCM unreachable, wrong credentials, and campaigns started at their
scheduled time by the service (real service and sandbox processes)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.fcm.auth import CredentialsError, load_service_account
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignFormat,
    CampaignStatus,
    OutboxMessage,
    OutboxState,
)

from .helpers import (
    Sandbox,
    credentials_dir,
    free_port,
    seed_app,
    seed_campaign,
    service_env,
    start_service,
    stop_service,
)
from .test_end_to_end import status_of, wait_for
from .test_storage_faults import reason_of


def use_key(ws: Workspace, app_id: int, path: Path) -> None:
    with ws.session() as s:
        app = s.get(App, app_id)
        assert app is not None
        app.fcm_credentials_path = str(path)


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
        wait_for(lambda: status_of(ws, campaign_id) == CampaignStatus.PAUSED, timeout=30)
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


def test_key_of_another_project_pauses_with_the_reason(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3, project="maison-lumiere", sandbox=False)
    key = sandbox_credentials("pixel-quest", sandbox.url, credentials_dir(tmp_path))
    use_key(ws, app_id, key)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    env = service_env(sandbox.url, tmp_path)
    env["ENGAGE_FCM_URL"] = sandbox.url
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        wait_for(lambda: status_of(ws, campaign_id) == CampaignStatus.PAUSED, timeout=30)
    finally:
        assert stop_service(service) == 0
    assert reason_of(ws, campaign_id) == (
        f"The service-account file {key} belongs to project 'pixel-quest', but this app sends "
        "through project 'maison-lumiere'. Pick the key of the right project."
    )
    assert sandbox.get("/sandbox/stats")["received"] == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "is not valid JSON (line 1)"),
        ('{"type": "authorized_user"}', 'is not a Google service-account key ("type"'),
        ('{"type": "service_account", "project_id": "p"}', "lacks: private_key, client_email"),
        (
            '{"type": "service_account", "project_id": "p", "private_key": "-----BEGIN PRIVATE '
            'KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\\n", "client_email": "a@b", '
            '"token_uri": "http://x/token"}',
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
        load_service_account(path, "p")
    assert expected in str(caught.value) and str(path) in str(caught.value)
    assert "PRIVATE KEY" not in str(caught.value)


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
        unsendable.format = CampaignFormat.SMS  # the service cannot send it: said, not retried
    service = start_service(
        str(ws.location.sqlite_path), service_env(sandbox.url, tmp_path), tmp_path
    )
    try:
        wait_for(lambda: status_of(ws, past) == CampaignStatus.COMPLETED, timeout=30)
        wait_for(lambda: status_of(ws, soon) == CampaignStatus.COMPLETED, timeout=30)
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
    assert "push campaigns only" in reason_of(ws, sms)
    log = (tmp_path / "service.log").read_text()
    assert log.count(f"scheduled campaign {sms} not started") == 1  # once, not every second


def test_inboxes_survive_a_sandbox_restart(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    from .helpers import start_sandbox, token_for

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
            wait_for(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=30)
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
