"""The service starts a "10:00 local" campaign when 10:00 comes in the earliest zone (UTC+14),
not at 10:00 in the zone it was chosen in: its own check, on an injected clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, timedelta

from sqlalchemy import select

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.clock import ManualClock
from engage_desktop.services.service import Service
from engage_desktop.store.models import Campaign, CampaignStatus, OutboxMessage
from tests.support.zoned_people import STARTS, TEN_LOCAL, scheduled_local_time


def _status(ws: Workspace, campaign_id: int) -> CampaignStatus:
    with ws.session() as s:
        return s.scalars(select(Campaign.status).where(Campaign.id == campaign_id)).one()


def test_a_local_time_send_starts_in_the_earliest_zone(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id, _ids = scheduled_local_time(ws)
    before = STARTS - timedelta(minutes=1)
    ws.clock = FixedClock(before)
    Service(ws, clock=ManualClock(before), analytics_idle_after=None)._start_due_campaigns()
    assert _status(ws, campaign_id) == CampaignStatus.SCHEDULED
    ws.clock = FixedClock(STARTS)
    Service(ws, clock=ManualClock(STARTS), analytics_idle_after=None)._start_due_campaigns()
    assert _status(ws, campaign_id) == CampaignStatus.SENDING
    with ws.session() as s:
        planned = s.execute(
            select(OutboxMessage.not_before).where(OutboxMessage.campaign_id == campaign_id)
        ).scalars()
        assert sorted(at.replace(tzinfo=UTC) for at in planned) == sorted(TEN_LOCAL.values())
