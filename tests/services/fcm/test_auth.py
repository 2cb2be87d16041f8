"""Service-account credentials: a sending machine whose keyring lacks the key pauses the send with
the reason, and damaged key files are refused clearly (real service and sandbox processes)."""

from __future__ import annotations

import platform
from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.services.fcm.auth import CredentialsError, load_key_file
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
