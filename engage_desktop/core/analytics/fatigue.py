"""Fatigue: how the opt-out rate grows with the number of messages a person receives in a week.

The unit is a person-week: a profile that was sent at least one message in an ISO week (UTC,
Monday first). Each person-week falls in a bucket by how many messages it received (1, 2, 3,
4, 5-6, 7 or more) and counts as opted out when that person opted out of one of the app's
campaigns in the same week. Figures are kept per week so any date range can be summed; a week
belongs to a range when its Monday does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, distinct, func, select
from sqlalchemy.orm import Session

from engage_desktop.core.analytics.trends import utc_week
from engage_desktop.store.models import (
    Campaign,
    EngagementEvent,
    EngagementKind,
    OutboxMessage,
    OutboxState,
)

# Lower bounds of the buckets of messages received per week: 1, 2, 3, 4, 5-6, 7+.
BUCKETS = (1, 2, 3, 4, 5, 7)
TOP = 7  # received counts from here on are summed in the last bucket


@dataclass(frozen=True)
class FatigueBucket:
    """Person-weeks that received ``low`` to ``high`` messages (``high`` None: or more)."""

    low: int
    high: int | None
    people_weeks: int
    opted_out: int

    @property
    def rate(self) -> float | None:
        return self.opted_out / self.people_weeks if self.people_weeks else None


def bucket_of(received: int) -> int:
    """The bucket (its lower bound) a person-week with ``received`` messages falls in."""
    return max(b for b in BUCKETS if b <= received)


def compute_payload(session: Session, app_id: int) -> dict[str, Any]:
    """``{"weekly": {"YYYY-MM-DD" (Monday): {"n": [person-weeks, opted out]}}}``, n capped at 7."""
    o, g = OutboxMessage, EngagementEvent
    week = utc_week(o.sent_at, session)
    received = (
        select(o.profile_id.label("profile_id"), week.label("week"), func.count().label("n"))
        .where(
            o.app_id == app_id,
            o.state == OutboxState.SENT,
            o.sent_at.is_not(None),
            o.profile_id.is_not(None),
        )
        .group_by(o.profile_id, week)
        .subquery()
    )
    opt_week = utc_week(g.at, session)
    opted = (
        select(g.profile_id.label("profile_id"), opt_week.label("week"))
        .join(Campaign, Campaign.id == g.campaign_id)
        .where(
            Campaign.app_id == app_id,
            g.kind == EngagementKind.OPTED_OUT,
            g.is_control.is_(False),
            g.profile_id.is_not(None),
        )
        .distinct()
        .subquery()
    )
    capped = func.min(received.c.n, TOP) if _sqlite(session) else func.least(received.c.n, TOP)
    rows = session.execute(
        select(received.c.week, capped, func.count(), func.count(distinct(opted.c.profile_id)))
        .select_from(received)
        .outerjoin(
            opted,
            and_(opted.c.profile_id == received.c.profile_id, opted.c.week == received.c.week),
        )
        .group_by(received.c.week, capped)
    )
    weekly: dict[str, dict[str, list[int]]] = {}
    for monday, n, people, out in rows:
        weekly.setdefault(str(monday)[:10], {})[str(int(n))] = [int(people), int(out)]
    return {"weekly": dict(sorted(weekly.items()))}


def _sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def buckets(
    weekly: dict[date, dict[int, list[int]]], first: date, last: date
) -> list[FatigueBucket]:
    """The buckets summed over the weeks whose Monday is in ``[first, last]`` (all six, zeros
    included, so the chart's axis never changes shape)."""
    sums = {b: [0, 0] for b in BUCKETS}
    for monday, per_count in weekly.items():
        if not first <= monday <= last:
            continue
        for n, (people, out) in per_count.items():
            row = sums[bucket_of(n)]
            row[0] += people
            row[1] += out
    highs = [*(b - 1 for b in BUCKETS[1:]), None]
    return [FatigueBucket(b, h, *sums[b]) for b, h in zip(BUCKETS, highs, strict=True)]
