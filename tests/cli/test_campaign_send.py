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


def test_dry_run_json_shows_what_the_rules_would_do_and_queues_nothing(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import func, select

    from engage_desktop.store.models import Campaign, CampaignVariant, OutboxMessage

    ws = make_workspace()
    app_id = seed_app(ws, 100, no_consent=3, push_off=2)
    campaign_id = seed_campaign(ws, app_id)
    start = datetime.now(UTC)
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.control_share = 0.2
        campaign.variants.append(CampaignVariant(key="B", weight=1.0, content={"title": "B"}))
        campaign.schedule = {  # a five-minute offer at 10 a minute: not everyone can get it
            "until": (start + timedelta(minutes=5, seconds=-1)).isoformat(),
            "throttle_per_minute": 10,
        }
    path = str(ws.location.sqlite_path)
    args = ["campaign", "send", str(campaign_id), "--dry-run", "--json", "--workspace", path]
    assert main(args) == 0
    finished = datetime.now(UTC)  # the CLI read its own "now" in between
    shown = json.loads(capsys.readouterr().out)
    assert shown["queued"] == 50  # five minutes at ten a minute
    assert sum(shown["recipients"]["push"].values()) == 50
    assert set(shown["recipients"]["push"]) == {"A", "B"}
    suppressed = shown["suppressed"]
    assert suppressed["no_push_consent"] == 3 and suppressed["push_disabled"] == 2
    assert suppressed["expired"] + suppressed["control_group"] + 50 == 100
    assert shown["total"] == 105 and shown["ends_after_offer"] is True
    assert start - timedelta(seconds=1) <= datetime.fromisoformat(shown["first_send_at"])
    end = datetime.fromisoformat(shown["estimated_end"])
    assert start + timedelta(minutes=4) < end <= finished + timedelta(minutes=5)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_an_offer_already_over_is_refused_with_the_field(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    from engage_desktop.store.models import Campaign

    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 3))
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.schedule = {"until": "2020-01-01T10:00+00:00"}
    path = str(ws.location.sqlite_path)
    assert main(["campaign", "send", str(campaign_id), "--yes", "--workspace", path]) == 1
    assert "schedule.until: the offer ended at 2020-01-01 10:00 UTC." in capsys.readouterr().err


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
