"""``campaign send|status|pause|cancel`` through the real CLI entry point."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from engage_desktop.cli.main import main
from engage_desktop.core.workspace import Workspace
from tests.support.sending import seed_app, seed_campaign


def test_send_status_cancel(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 4, push_off=1)
    campaign_id = seed_campaign(ws, app_id)
    path = str(ws.location.sqlite_path)
    assert main(["campaign", "send", str(campaign_id), "--workspace", path]) == 0
    out = capsys.readouterr()
    assert "4 messages queued; suppressed: push_disabled 1." in out.out
    assert "No dispatch service is running" in out.err
    assert main(["campaign", "status", str(campaign_id), "--json", "--workspace", path]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["status"] == "sending" and status["queued"] == 4 and status["total"] == 5
    assert main(["campaign", "cancel", str(campaign_id), "--workspace", path]) == 0
    assert "4 messages will not be sent" in capsys.readouterr().out


def test_bad_ids_give_clear_errors(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    path = str(ws.location.sqlite_path)
    assert main(["campaign", "send", "999", "--workspace", path]) == 1
    assert "No campaign with id 999." in capsys.readouterr().err
    assert main(["campaign", "status", "999", "--workspace", path]) == 1
    assert "No campaign with id 999." in capsys.readouterr().err
