"""Which scheduled campaigns the service starts now.

A campaign scheduled ``at`` an instant starts at ``campaign.scheduled_at``. One scheduled in
each recipient's local time starts earlier: when its wall time comes in the earliest zone
(UTC+14, ``schedule.start_time``), so the rows of every zone exist before their own hour and
the send runs from the earliest zone on; ``scheduled_at`` (the wall time in the zone it was
chosen in, which the campaign lists show) can be up to 26 hours after that. One scheduled at
each recipient's best hour starts the same way, when its day begins in the earliest zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.delivery.daily_window import RuleInputError
from engage_desktop.core.delivery.schedule import parse_schedule, start_time
from engage_desktop.core.delivery.zones import app_zone
from engage_desktop.store.models import App, Campaign, CampaignStatus

LOCAL_MODES = ("local_time", "best_hour")  # modes whose rows wait for each recipient's clock
AHEAD = timedelta(hours=26)  # UTC+14 is 26 hours ahead of UTC-12


def due_campaigns(session: Session, now: datetime) -> list[int]:
    """Scheduled campaigns whose start has come at ``now``, oldest first."""
    rows = session.execute(
        select(Campaign.id, Campaign.scheduled_at, Campaign.schedule, App.time_zone)
        .join(App, App.id == Campaign.app_id)
        .where(
            Campaign.status == CampaignStatus.SCHEDULED,
            Campaign.scheduled_at <= now + AHEAD,
        )
        .order_by(Campaign.scheduled_at, Campaign.id)
    ).all()
    return [cid for cid, at, doc, zone in rows if _starts_by(at, doc, zone, now)]


def _starts_by(scheduled_at: datetime, doc: object, zone: str | None, now: datetime) -> bool:
    aware = scheduled_at if scheduled_at.tzinfo else scheduled_at.replace(tzinfo=now.tzinfo)
    if not isinstance(doc, dict) or doc.get("mode") not in LOCAL_MODES:
        return aware <= now
    try:
        schedule = parse_schedule(doc, app_zone(zone))
    except RuleInputError:
        return aware <= now  # started at its time, the send then says what is wrong
    return start_time(schedule, now) <= now
