"""``campaign schedule ID --at TIME`` and ``campaign unschedule ID`` through the real entry point.

The fault seen: ``15/12/2026 10h00`` was accepted, the campaign became Scheduled and no date was
stored. Now only ISO 8601 with an offset is taken; anything else exits 1 and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from engage_desktop.cli.main import main
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus
from tests.support.cli import run_cli
from tests.support.sending import seed_app, seed_campaign


def _stored(ws: Workspace, campaign_id: int) -> Campaign:
    with ws.session() as session:
        row = session.get(Campaign, campaign_id)
        assert row is not None
        session.expunge(row)
        return row


@pytest.fixture
def scheduled_setup(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, int, str]:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 2))
    return ws, campaign_id, str(ws.location.sqlite_path)


def test_iso_with_offset_is_stored_and_said_back(
    scheduled_setup: tuple[Workspace, int, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ws, cid, path = scheduled_setup
    args = ["campaign", "schedule", str(cid), "--at", "2099-12-15T10:00+01:00"]
    assert main([*args, "--workspace", path]) == 0
    out = capsys.readouterr().out
    # The app's zone is Europe/Paris (the default): 10:00 there is 09:00 UTC.
    assert "2099-12-15 10:00 +0100 (Europe/Paris)" in out and "2099-12-15 09:00 UTC" in out
    row = _stored(ws, cid)
    assert row.status is CampaignStatus.SCHEDULED
    assert row.scheduled_at == datetime(2099, 12, 15, 9, 0, tzinfo=UTC)
    assert row.schedule is not None
    assert row.schedule["time_zone"] == "Europe/Paris" and row.schedule["mode"] == "at"


def test_local_time_and_another_zone_are_stored(
    scheduled_setup: tuple[Workspace, int, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ws, cid, path = scheduled_setup
    args = ["campaign", "schedule", str(cid), "--at", "2099-07-01T08:30Z"]
    assert main([*args, "--zone", "America/Montreal", "--local-time", "--workspace", path]) == 0
    out = capsys.readouterr().out
    assert "2099-07-01 04:30 -0400 (America/Montreal)" in out and "at 04:30 in their own" in out
    row = _stored(ws, cid)
    assert row.schedule is not None and row.schedule["mode"] == "local_time"


@pytest.mark.parametrize(
    ("at", "said"),
    [
        ("15/12/2026 10h00", "is not an ISO 8601 date and time"),
        ("2099-12-15T10:00", "has no UTC offset"),
        ("2099-12-15", "has no UTC offset"),
        ("2020-01-01T10:00+01:00", "is in the past"),
    ],
)
def test_anything_else_exits_non_zero_and_stores_nothing(
    scheduled_setup: tuple[Workspace, int, str],
    capsys: pytest.CaptureFixture[str],
    at: str,
    said: str,
) -> None:
    ws, cid, path = scheduled_setup
    assert main(["campaign", "schedule", str(cid), "--at", at, "--workspace", path]) == 1
    assert said in capsys.readouterr().err
    row = _stored(ws, cid)
    assert row.status is CampaignStatus.DRAFT and row.scheduled_at is None


def test_unknown_zone_is_refused(
    scheduled_setup: tuple[Workspace, int, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ws, cid, path = scheduled_setup
    args = ["campaign", "schedule", str(cid), "--at", "2099-01-01T10:00Z", "--zone", "Paris"]
    assert main([*args, "--workspace", path]) == 1
    assert "Unknown time zone 'Paris'" in capsys.readouterr().err
    assert _stored(ws, cid).status is CampaignStatus.DRAFT


def test_unschedule_goes_back_to_draft(
    scheduled_setup: tuple[Workspace, int, str], capsys: pytest.CaptureFixture[str]
) -> None:
    ws, cid, path = scheduled_setup
    assert main(["campaign", "unschedule", str(cid), "--workspace", path]) == 1
    assert "is not scheduled" in capsys.readouterr().err
    args = ["campaign", "schedule", str(cid), "--at", "2099-01-01T10:00Z", "--workspace", path]
    assert main(args) == 0
    assert main(["campaign", "unschedule", str(cid), "--workspace", path]) == 0
    assert "draft again" in capsys.readouterr().out
    row = _stored(ws, cid)
    assert row.status is CampaignStatus.DRAFT and row.scheduled_at is None
    assert row.schedule is not None and row.schedule["mode"] == "now" and "at" not in row.schedule


def test_best_hour_on_a_day_is_stored_and_said_back_by_the_real_command(
    scheduled_setup: tuple[Workspace, int, str],
) -> None:
    """Fault: the best-hour timing the delivery rules implement could not be chosen."""
    ws, cid, path = scheduled_setup
    args = ["campaign", "schedule", str(cid), "--at", "2099-12-15", "--best-hour"]
    done = run_cli(*args, "--zone", "Asia/Tokyo", "--workspace", path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "scheduled for 2099-12-15 (Asia/Tokyo)" in done.stdout
    assert "at their own best hour" in done.stdout
    row = _stored(ws, cid)
    assert row.status is CampaignStatus.SCHEDULED
    assert row.scheduled_at == datetime(2099, 12, 14, 15, 0, tzinfo=UTC)  # midnight in Tokyo
    assert row.schedule is not None
    assert (row.schedule["mode"], row.schedule["at"]) == ("best_hour", "2099-12-15T00:00:00+09:00")


def test_best_hour_takes_the_day_of_a_full_time_in_the_apps_zone(
    scheduled_setup: tuple[Workspace, int, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _ws, cid, path = scheduled_setup
    args = ["campaign", "schedule", str(cid), "--at", "2099-12-15T23:30Z", "--best-hour"]
    assert main([*args, "--workspace", path]) == 0  # already the 16th in Paris
    assert "scheduled for 2099-12-16 (Europe/Paris)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--at", "2099-12-15", "--best-hour", "--local-time"], "not allowed with argument"),
        (["--at", "2020-01-01", "--best-hour"], "2020-01-01 is over in Europe/Paris"),
        (["--at", "15/12/2099", "--best-hour"], "is not an ISO 8601 date and time"),
    ],
)
def test_best_hour_refusals_exit_non_zero_and_store_nothing(
    scheduled_setup: tuple[Workspace, int, str], extra: list[str], said: str
) -> None:
    ws, cid, path = scheduled_setup
    done = run_cli("campaign", "schedule", str(cid), *extra, "--workspace", path, timeout=120)
    assert done.returncode != 0 and said in done.stderr
    row = _stored(ws, cid)
    assert row.status is CampaignStatus.DRAFT and row.scheduled_at is None
