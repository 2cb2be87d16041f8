"""``campaign send|status|pause|cancel`` through the real CLI entry point."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest

from engage_desktop.cli.main import main
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignStatus
from tests.support.sending import seed_app, seed_campaign, status_of


def test_send_status_cancel(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 4, push_off=1)
    campaign_id = seed_campaign(ws, app_id)
    path = str(ws.location.sqlite_path)
    assert main(["campaign", "send", str(campaign_id), "--yes", "--workspace", path]) == 0
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
    assert main(["campaign", "send", "999", "--yes", "--workspace", path]) == 1
    assert "No campaign with id 999." in capsys.readouterr().err
    assert main(["campaign", "status", "999", "--workspace", path]) == 1
    assert "No campaign with id 999." in capsys.readouterr().err


class _Terminal(io.StringIO):
    """Typed answers on a stdin that says it is a terminal (what a person at a shell has)."""

    def isatty(self) -> bool:
        return True


def test_send_without_yes_shows_the_summary_and_asks(
    make_workspace: Callable[..., Workspace],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 3, push_off=1))
    path = str(ws.location.sqlite_path)
    args = ["campaign", "send", str(campaign_id), "--workspace", path]
    # No terminal to ask on: refused, nothing queued.
    assert main(args) == 1
    out = capsys.readouterr()
    assert "recipients: 3 device(s)" in out.out and "push_disabled 1" in out.out
    assert "Add --yes" in out.err
    assert status_of(ws, campaign_id) is CampaignStatus.DRAFT
    monkeypatch.setattr("sys.stdin", _Terminal("n\n"))
    assert main(args) == 1
    assert status_of(ws, campaign_id) is CampaignStatus.DRAFT
    monkeypatch.setattr("sys.stdin", _Terminal("y\n"))
    assert main(args) == 0
    assert "3 messages queued" in capsys.readouterr().out
    assert status_of(ws, campaign_id) is CampaignStatus.SENDING
