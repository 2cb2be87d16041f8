"""``engage-desktop campaign retry ID``: the real CLI process, a real service, the sandbox.

Nine messages of twenty fail for good (FCM refuses them), the fault goes away, the CLI retries:
the nine are delivered and none of the eleven already delivered is sent again.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, OutboxMessage, OutboxState
from tests.support.paths import ROOT
from tests.support.processes import (
    Sandbox,
    service_env,
    start_service,
    stop_service,
)
from tests.support.sending import seed_app, seed_campaign
from tests.support.waiting import wait_until

pytestmark = pytest.mark.slow


def _counts(ws: Workspace, campaign_id: int) -> tuple[CampaignStatus, dict[OutboxState, int]]:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        rows = s.execute(
            select(OutboxMessage.state, func.count())
            .where(OutboxMessage.campaign_id == campaign_id)
            .group_by(OutboxMessage.state)
        )
        return campaign.status, {state: count for state, count in rows}


def test_retry_sends_the_failed_messages_and_nothing_twice(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 20)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    refused = {"match": "dev1000000", "error": "INVALID_ARGUMENT", "message": "Bad image host"}
    sandbox.post("/sandbox/faults", {"faults": [refused]})  # devices …001 to …009
    env = service_env(sandbox.url, tmp_path)
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        wait_until(lambda: _counts(ws, campaign_id)[0] == CampaignStatus.COMPLETED, 60)
        assert _counts(ws, campaign_id)[1] == {OutboxState.SENT: 11, OutboxState.FAILED: 9}
        sandbox.post("/sandbox/faults", {"faults": []})
        cli = subprocess.run(
            [
                sys.executable,
                "-m",
                "engage_desktop",
                "campaign",
                "retry",
                str(campaign_id),
                "--wait",
                "--workspace",
                str(ws.location.sqlite_path),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        assert stop_service(service) == 0
    assert cli.returncode == 0, cli.stderr
    assert (
        f"Campaign {campaign_id}: 9 failed messages queued again; left failed: none." in cli.stdout
    )
    assert _counts(ws, campaign_id) == (CampaignStatus.COMPLETED, {OutboxState.SENT: 20})
    stats = sandbox.get("/sandbox/stats?ids=1")
    assert stats["received"] == 20
    assert set(stats["by_message_id"].values()) == {1}  # nobody got the message twice


def test_retry_of_a_campaign_never_sent_says_why(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    from engage_desktop.cli.main import main

    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 2))
    path = str(ws.location.sqlite_path)
    assert main(["campaign", "retry", str(campaign_id), "--workspace", path]) == 1
    assert "only the failed messages of a campaign that was sent" in capsys.readouterr().err


def test_send_of_invalid_content_names_the_field(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    from engage_desktop.cli.main import main

    ws = make_workspace()
    content = {"title": "Soldes", "body": "x", "image_url": "http://cdn.example.com/a.jpg"}
    campaign_id = seed_campaign(ws, seed_app(ws, 2), content)
    path = str(ws.location.sqlite_path)
    assert main(["campaign", "send", str(campaign_id), "--yes", "--workspace", path]) == 1
    err = capsys.readouterr().err
    assert "The content cannot be sent (1 problem(s) in all): A.image_url: The image must be" in err
