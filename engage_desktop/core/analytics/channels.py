"""Channel comparison: messages sent, opens, conversions and opt-outs per channel and UTC day.

A campaign's channel is its format (push, in-app, rich push, SMS, email): that is what a
marketer chose, and the outbox rows, opens and conversions of a campaign all belong to it.
Figures are kept per day so the page and the CLI can sum any date range without recomputing;
control-group engagements are left out, as in the daily trends. With the opt-outs, a channel's
days are also the daily results of that channel alone (``series``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage_desktop.core.analytics.trends import days_between, utc_prefix
from engage_desktop.store.models import (
    Campaign,
    CampaignFormat,
    EngagementEvent,
    EngagementKind,
    OutboxMessage,
    OutboxState,
)

CHANNELS = tuple(f.value for f in CampaignFormat)
MEASURES = ("sent", "opened", "converted")  # what the comparison chart sets side by side
STORED = (*MEASURES, "opted_out")  # what each day keeps per channel
_ENGAGEMENT = {
    EngagementKind.OPENED: "opened",
    EngagementKind.CONVERTED: "converted",
    EngagementKind.OPTED_OUT: "opted_out",
}


@dataclass(frozen=True)
class ChannelTotals:
    """One channel's sums over a date range."""

    channel: str
    sent: int
    opened: int
    converted: int
    opted_out: int = 0

    @property
    def open_rate(self) -> float | None:
        return self.opened / self.sent if self.sent else None

    @property
    def conversion_rate(self) -> float | None:
        return self.converted / self.sent if self.sent else None


def compute_payload(session: Session, app_id: int) -> dict[str, Any]:
    """``{"daily": {"YYYY-MM-DD": {channel: [sent, opened, converted, opted out]}}}``."""
    days: dict[str, dict[str, list[int]]] = {}

    def add(day: object, channel: object, measure: str, count: object) -> None:
        row = days.setdefault(str(day)[:10], {}).setdefault(str(channel), [0] * len(STORED))
        row[STORED.index(measure)] += int(str(count))

    o = OutboxMessage
    day = utc_prefix(o.sent_at, session, 10)
    for text, fmt, count in session.execute(
        select(day, Campaign.format, func.count())
        .join(Campaign, Campaign.id == o.campaign_id)
        .where(o.app_id == app_id, o.state == OutboxState.SENT, o.sent_at.is_not(None))
        .group_by(day, Campaign.format)
    ):
        add(text, fmt, "sent", count)
    g = EngagementEvent
    day = utc_prefix(g.at, session, 10)
    for text, fmt, kind, count in session.execute(
        select(day, Campaign.format, g.kind, func.count())
        .join(Campaign, Campaign.id == g.campaign_id)
        .where(Campaign.app_id == app_id, g.is_control.is_(False), g.kind.in_(list(_ENGAGEMENT)))
        .group_by(day, Campaign.format, g.kind)
    ):
        add(text, fmt, _ENGAGEMENT[EngagementKind(kind)], count)
    return {"daily": dict(sorted(days.items()))}


def totals(
    daily: dict[date, dict[str, list[int]]],
    first: date,
    last: date,
    channels: tuple[str, ...] | None = None,
) -> list[ChannelTotals]:
    """Each channel's sums over ``[first, last]`` (only channels with something in the range,
    in ``CHANNELS`` order; ``channels`` keeps only those)."""
    sums: dict[str, list[int]] = {}
    for day, per_channel in daily.items():
        if not first <= day <= last:
            continue
        for channel, values in per_channel.items():
            row = sums.setdefault(channel, [0] * len(STORED))
            for i, value in enumerate(values):
                row[i] += value
    wanted = [c for c in CHANNELS if c in sums and (channels is None or c in channels)]
    return [ChannelTotals(c, *sums[c]) for c in wanted]


def series(
    daily: dict[date, dict[str, list[int]]], first: date, last: date, channel: str
) -> dict[str, list[int]]:
    """One channel's daily results over every day of ``[first, last]`` (zeros where nothing
    happened), in the shape of ``AppTrends.series``."""
    days = days_between(first, last)
    empty = [0] * len(STORED)
    rows = [daily.get(d, {}).get(channel, empty) for d in days]
    return {name: [row[i] for row in rows] for i, name in enumerate(STORED)}
