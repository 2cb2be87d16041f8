"""The sandbox server as google-auth and the service meet it: forged assertions are refused,
and the virtual phones' inboxes survive a restart (real processes)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.store.models import CampaignStatus
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
