"""What every path that sends shows before it sends: one summary, computed here, Qt-free.

The composer's "Send…", the Deliveries page's "Send now" and ``engage-desktop campaign send``
(without ``--yes``) all ask with this object: who (the segment, the devices a send would queue),
who not (suppressed, by reason), on which channel, and when (now; for a scheduled campaign, the
time it would otherwise have gone out, which sending now replaces). Delivery rules add their
figures to this one object, so the three paths never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from engage_desktop.core.delivery.summary import rules_lines
from engage_desktop.core.delivery.zones import app_zone
from engage_desktop.core.outbox.content_gate import require_valid_content
from engage_desktop.core.outbox.expand import ExpandResult, audience_summary
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, Campaign, CampaignStatus, Segment


@dataclass(frozen=True)
class SendSummary:
    """The confirmation's content.

    Attributes:
        recipients: devices a send now would queue; ``suppressed``: the others, by reason.
        channel: the campaign's format value (``push``, ``rich_push`` …).
        segment: the segment's name; None for the app's whole audience.
        scheduled_at: a scheduled campaign's time (UTC), which "send now" replaces.
        schedule_zone, local_time, best_hour: how that time was chosen (``best_hour``: on the
            day of ``scheduled_at`` in ``schedule_zone``, at each recipient's best hour).
    """

    campaign_id: int
    name: str
    app_name: str
    app_time_zone: str
    channel: str
    segment: str | None
    recipients: int
    suppressed: Mapping[str, int] = field(default_factory=dict)
    scheduled_at: datetime | None = None
    schedule_zone: str | None = None
    local_time: bool = False
    best_hour: bool = False
    # What the delivery rules do: per variant, waiting for quiet hours, estimated end (issue 18)
    delivery: ExpandResult | None = None

    @property
    def suppressed_total(self) -> int:
        return sum(self.suppressed.values())

    @property
    def unit(self) -> str:
        """What a recipient is: a device for push and in-app, a person for SMS and email."""
        return "person(s)" if self.channel in ("sms", "email") else "device(s)"


def send_summary(ws: Workspace, campaign_id: int) -> SendSummary:
    """Count (send right checked by ``audience_summary``) and describe a send, writing nothing.

    Content the sender would refuse is refused here (``ContentInvalid``), so nobody is asked
    to confirm a send that cannot start.
    """
    counted = audience_summary(ws, campaign_id)
    with ws.session() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None  # audience_summary raised otherwise
        require_valid_content(campaign, first_send=ws.clock.now())
        app = session.get(App, campaign.app_id)
        segment = session.get(Segment, campaign.segment_id) if campaign.segment_id else None
        schedule = dict(campaign.schedule or {})
        scheduled = campaign.status == CampaignStatus.SCHEDULED
        return SendSummary(
            campaign_id=campaign.id,
            name=campaign.name,
            app_name=app.name if app else "",
            app_time_zone=app.time_zone if app else "UTC",
            channel=campaign.format.value,
            segment=segment.name if segment else None,
            recipients=counted.queued,
            suppressed=dict(counted.suppressed),
            scheduled_at=campaign.scheduled_at if scheduled else None,
            schedule_zone=schedule.get("time_zone") if scheduled else None,
            local_time=scheduled and schedule.get("mode") == "local_time",
            best_hour=scheduled and schedule.get("mode") == "best_hour",
            delivery=counted,
        )


def summary_lines(summary: SendSummary) -> list[str]:
    """The summary in English, one fact a line (the CLI's confirmation)."""
    lines = [
        f"Campaign {summary.campaign_id} “{summary.name}” ({summary.app_name})",
        f"  channel:    {summary.channel}",
        f"  audience:   {summary.segment or 'the whole audience'}",
        f"  recipients: {summary.recipients:,} {summary.unit}",
    ]
    reasons = ", ".join(f"{k} {v:,}" for k, v in sorted(summary.suppressed.items()))
    lines.append(
        f"  not sent:   {summary.suppressed_total:,}" + (f" ({reasons})" if reasons else "")
    )
    when = "now"
    if summary.scheduled_at is not None and summary.best_hour:
        when = (
            f"on {_day(summary)} at each recipient's best hour on their own clock (their opens, "
            "else the app's best hour; where it has passed: the next day)"
        )
    elif summary.scheduled_at is not None and summary.local_time:
        when = "at its time on each recipient's clock (where it has passed: the next day)"
    elif summary.scheduled_at is not None:
        when = f"now, instead of its scheduled time {summary.scheduled_at.isoformat()}"
    lines.append(f"  when:       {when}")
    if summary.delivery is not None:  # the same rules lines as the GUI's confirmation
        lines += rules_lines(summary.delivery, app_zone(summary.app_time_zone))
    return lines


def best_hour_day(summary: SendSummary) -> date | None:
    """The day a best-hour campaign goes out, on the clocks of the zone it was chosen in."""
    if summary.scheduled_at is None or not summary.best_hour:
        return None
    at = summary.scheduled_at
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone(app_zone(summary.schedule_zone or summary.app_time_zone)).date()


def _day(summary: SendSummary) -> str:
    day = best_hour_day(summary)
    return day.isoformat() if day is not None else "its day"
