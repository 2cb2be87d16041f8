"""Scheduling and unscheduling a campaign: what is stored, and who may."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from engage_desktop.core.campaigns.model import CampaignInputError
from engage_desktop.core.delivery.schedule import parse_schedule
from engage_desktop.core.scheduling.schedule import current_schedule, schedule, unschedule
from engage_desktop.core.scheduling.when import ScheduleChoice, ScheduleError, Timing, choice
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.models import AuditEntry, Campaign, CampaignStatus, MemberRole, Role
from tests.support.sending import seed_app, seed_campaign

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
AT = datetime(2026, 12, 15, 9, 0, tzinfo=UTC)


def _row(ws: Workspace, campaign_id: int) -> Campaign:
    with ws.session() as session:
        row = session.get(Campaign, campaign_id)
        assert row is not None
        session.expunge(row)
        return row


@pytest.fixture
def campaign(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, int]:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 2))
    with ws.session() as session:  # the composer keeps its SMS setting in the same document
        session.execute(update(Campaign).values(schedule={"mode": "now", "sms_max_segments": 2}))
    return ws, campaign_id


def test_schedule_stores_the_instant_the_zone_and_the_mode(campaign: tuple[Workspace, int]) -> None:
    ws, campaign_id = campaign
    with ws.session() as session:
        schedule(
            session,
            ws.member_id,
            campaign_id,
            ScheduleChoice(AT, "Europe/Paris", Timing.LOCAL_TIME),
            NOW,
        )
        found = current_schedule(session, ws.member_id, campaign_id)
    row = _row(ws, campaign_id)
    assert (row.status, row.scheduled_at, row.scheduled_by) == (
        CampaignStatus.SCHEDULED,
        AT,
        ws.member_id,
    )
    assert row.schedule == {
        "mode": "local_time",
        "at": "2026-12-15T10:00:00+01:00",
        "time_zone": "Europe/Paris",
        "sms_max_segments": 2,
    }
    assert found.chosen == ScheduleChoice(AT, "Europe/Paris", Timing.LOCAL_TIME)
    assert found.app_time_zone == "Europe/Paris"


def test_best_hour_is_stored_as_the_delivery_rules_read_it_and_read_back(
    campaign: tuple[Workspace, int],
) -> None:
    ws, campaign_id = campaign
    chosen = choice(AT, "Europe/Paris", NOW, Timing.BEST_HOUR)
    with ws.session() as session:
        schedule(session, ws.member_id, campaign_id, chosen, NOW)
        found = current_schedule(session, ws.member_id, campaign_id)
    row = _row(ws, campaign_id)
    assert (row.status, row.scheduled_at) == (
        CampaignStatus.SCHEDULED,
        datetime(2026, 12, 14, 23, 0, tzinfo=UTC),  # 15 December starts at 23:00 UTC in Paris
    )
    assert row.schedule is not None
    parsed = parse_schedule(row.schedule, ZoneInfo("Europe/Paris"))
    assert (parsed.mode, parsed.at) == ("best_hour", datetime(2026, 12, 15, 0, 0))
    assert found.chosen == chosen and found.chosen.timing is Timing.BEST_HOUR


def test_a_best_hour_day_over_while_the_dialog_was_open_is_refused(
    campaign: tuple[Workspace, int],
) -> None:
    ws, campaign_id = campaign
    chosen = choice(NOW, "Europe/Paris", NOW, Timing.BEST_HOUR)  # today
    with pytest.raises(ScheduleError) as caught, ws.session() as session:
        schedule(session, ws.member_id, campaign_id, chosen, NOW + timedelta(days=1))
    assert caught.value.code == "schedule_day_over"
    assert _row(ws, campaign_id).status is CampaignStatus.DRAFT


def test_a_time_gone_past_while_the_dialog_was_open_is_refused(
    campaign: tuple[Workspace, int],
) -> None:
    ws, campaign_id = campaign
    chosen = ScheduleChoice(NOW + timedelta(minutes=1), "Europe/Paris")
    with pytest.raises(ScheduleError) as caught, ws.session() as session:
        schedule(session, ws.member_id, campaign_id, chosen, NOW + timedelta(minutes=2))
    assert caught.value.code == "schedule_past"
    assert _row(ws, campaign_id).status is CampaignStatus.DRAFT


def test_unschedule_goes_back_to_draft_and_is_audited(campaign: tuple[Workspace, int]) -> None:
    ws, campaign_id = campaign
    with pytest.raises(CampaignInputError) as caught, ws.session() as session:
        unschedule(session, ws.member_id, campaign_id)
    assert caught.value.code == "not_scheduled"
    with ws.session() as session:
        schedule(session, ws.member_id, campaign_id, ScheduleChoice(AT, "UTC"), NOW)
    with ws.session() as session:
        unschedule(session, ws.member_id, campaign_id)
        actions = [e.action for e in session.query(AuditEntry).order_by(AuditEntry.seq)]
    row = _row(ws, campaign_id)
    assert (row.status, row.scheduled_at, row.scheduled_by) == (CampaignStatus.DRAFT, None, None)
    assert row.schedule == {"mode": "now", "time_zone": "UTC", "sms_max_segments": 2}
    assert actions[-2:] == ["campaign.schedule", "campaign.unschedule"]


def test_an_analyst_may_neither_schedule_nor_unschedule(campaign: tuple[Workspace, int]) -> None:
    ws, campaign_id = campaign
    with ws.session() as session:
        schedule(session, ws.member_id, campaign_id, ScheduleChoice(AT, "UTC"), NOW)
        session.execute(update(MemberRole).values(role=Role.ANALYST))
    with pytest.raises(PermissionDenied), ws.session() as session:
        unschedule(session, ws.member_id, campaign_id)
    with pytest.raises(PermissionDenied), ws.session() as session:
        schedule(session, ws.member_id, campaign_id, ScheduleChoice(AT, "UTC"), NOW)
    assert _row(ws, campaign_id).status is CampaignStatus.SCHEDULED
