"""Service-account credentials: a key of another project pauses the send with the reason, and
damaged key files are refused clearly (real service and sandbox processes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.fcm.auth import CredentialsError, load_service_account
from engage_desktop.services.sandbox.credentials import sandbox_credentials
from engage_desktop.store.models import CampaignStatus
from tests.support.processes import (
    Sandbox,
    credentials_dir,
    service_env,
    start_service,
    stop_service,
)
from tests.support.sending import reason_of, seed_app, seed_campaign, status_of, use_key
from tests.support.waiting import wait_until


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
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.PAUSED, timeout=30)
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
