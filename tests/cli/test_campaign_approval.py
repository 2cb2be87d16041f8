"""``campaign approvals|submit|approve|reject`` and ``campaign send`` refusing an unapproved
send, through the real CLI entry point."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engage_desktop.cli.main import main
from engage_desktop.core.approvals import workflow
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from tests.support.apps import colleague
from tests.support.sending import seed_app, seed_campaign


def test_threshold_submit_approve_send(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    campaign_id = seed_campaign(ws, app_id)
    marion = colleague(ws, "marion", Role.MARKETER, app_id)
    path = str(ws.location.sqlite_path)
    cid = str(campaign_id)

    assert main(["campaign", "approvals", "--app", str(app_id), "--workspace", path]) == 0
    assert "sends need no approval" in capsys.readouterr().out
    args = ["campaign", "approvals", "--app", str(app_id), "--above", "2", "--workspace", path]
    assert main(args) == 0
    assert "more than 2 recipients need approval" in capsys.readouterr().out

    assert main(["campaign", "send", cid, "--yes", "--workspace", path]) == 1
    err = capsys.readouterr().err
    assert f"Campaign {cid} would reach 3 recipients" in err and "threshold of 2" in err

    assert main(["campaign", "submit", cid, "--workspace", path]) == 0
    assert "submitted for approval (3 recipients)" in capsys.readouterr().out
    assert main(["campaign", "approve", cid, "--workspace", path]) == 1
    assert "another approver of the app must decide" in capsys.readouterr().err

    workflow.reject(colleague(ws, "adele", Role.ADMIN, app_id), campaign_id, "Pas maintenant")
    assert main(["campaign", "send", cid, "--yes", "--workspace", path]) == 1
    assert "rejected by Adele: Pas maintenant" in capsys.readouterr().err

    workflow.submit(marion, campaign_id)
    assert main(["campaign", "approve", cid, "--comment", "Go", "--workspace", path]) == 0
    assert f"Campaign {cid} approved." in capsys.readouterr().out
    assert main(["campaign", "send", cid, "--yes", "--workspace", path]) == 0
    assert "3 messages queued" in capsys.readouterr().out


def test_refusals_name_what_is_wrong(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 1)
    path = str(ws.location.sqlite_path)
    assert main(["campaign", "reject", "999", "--workspace", path]) == 1
    assert "No campaign with id 999." in capsys.readouterr().err
    args = ["campaign", "approvals", "--app", str(app_id), "--above", "-3", "--workspace", path]
    assert main(args) == 1
    assert "whole number of 0 or more, not -3" in capsys.readouterr().err
    assert main(["campaign", "approvals", "--app", "42", "--off", "--workspace", path]) == 1
    assert "No app with id 42." in capsys.readouterr().err
