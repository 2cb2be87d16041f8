"""Schedule and unschedule a campaign: the checked time goes to ``scheduled_at`` (what the
service reads) and to ``campaign.schedule`` (zone and local-time choice, shown back).

Both the dialog and the CLI come here, so neither can store a campaign as scheduled without a
time in the future (the composer once did, with a free text field).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from engage_desktop.core.campaigns.edit import CampaignNotFound, schedule_campaign
from engage_desktop.core.campaigns.model import CampaignInputError
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import App, Campaign, CampaignStatus

from .when import ScheduleChoice, Timing, check_choice


def schedule(
    session: Session, member_id: int, campaign_id: int, chosen: ScheduleChoice, now: datetime
) -> None:
    """Schedule at ``chosen`` (checked again against ``now``: a dialog may have stayed open)."""
    check_choice(chosen, now)
    schedule_campaign(session, member_id, campaign_id, chosen.at_utc)
    row = _campaign(session, campaign_id)
    row.schedule = {**(row.schedule or {}), **chosen.to_json()}


def unschedule(session: Session, member_id: int, campaign_id: int) -> None:
    """A scheduled campaign back to draft: nothing will go out at its time."""
    row = _campaign(session, campaign_id)
    require(session, member_id, row.app_id, Permission.SEND_CAMPAIGNS)
    if row.status != CampaignStatus.SCHEDULED:
        raise CampaignInputError(
            "status",
            f"a {row.status.value} campaign is not scheduled",
            "not_scheduled",
            row.status.value,
        )
    row.status = CampaignStatus.DRAFT
    row.scheduled_at = None
    row.scheduled_by = None
    kept = {k: v for k, v in (row.schedule or {}).items() if k != "at"}
    row.schedule = {**kept, "mode": "now"}
    record(
        session,
        member_id=member_id,
        app_id=row.app_id,
        action="campaign.unschedule",
        target=f"campaign:{row.id}",
        details={},
    )


def app_time_zone(session: Session, campaign_id: int) -> str:
    """The zone of the campaign's app: the default a time is chosen and shown in."""
    row = _campaign(session, campaign_id)
    app = session.get(App, row.app_id)
    return app.time_zone if app is not None else "UTC"


def _campaign(session: Session, campaign_id: int) -> Campaign:
    row = session.get(Campaign, campaign_id)
    if row is None:
        raise CampaignNotFound(
            f"No campaign with id {campaign_id}.", "campaign_not_found", str(campaign_id)
        )
    return row


@dataclass(frozen=True)
class CurrentSchedule:
    """What the scheduling dialog opens on: the app's zone and the campaign's stored choice."""

    campaign_name: str
    app_id: int
    app_time_zone: str
    status: CampaignStatus
    chosen: ScheduleChoice | None


def current_schedule(session: Session, member_id: int, campaign_id: int) -> CurrentSchedule:
    """The campaign's stored time (None when not scheduled), read with the view right."""
    row = _campaign(session, campaign_id)
    require(session, member_id, row.app_id, Permission.VIEW_CAMPAIGNS)
    app_zone = app_time_zone(session, campaign_id)
    chosen = None
    if row.status == CampaignStatus.SCHEDULED and row.scheduled_at is not None:
        stored = dict(row.schedule or {})
        zone_name = str(stored.get("time_zone") or app_zone)
        chosen = ScheduleChoice(row.scheduled_at, zone_name, _timing(stored.get("mode")))
    return CurrentSchedule(row.name, row.app_id, app_zone, row.status, chosen)


def _timing(mode: object) -> Timing:
    """The stored mode as a timing (anything else was stored as "at" by an older version)."""
    try:
        return Timing(str(mode))
    except ValueError:
        return Timing.AT
