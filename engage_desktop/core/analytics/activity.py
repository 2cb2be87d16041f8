"""What changed since the analytics were last computed, and whether sending work is waiting.

The service refreshes an app's figures when it is idle and something the figures read has
changed. "Changed" is read from the highest row ids of the tables the figures come from
(outbox rows, delivery attempts, engagement events): every send, retry, expansion and
engagement import adds rows there, and a highest id is one index hop. Each refresh stores the
marks it started from (``SEEN_KEY`` in ``cached_result``), so a restart of the service, or a
refresh from the GUI, counts as well.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from engage_desktop.core.outbox.message_ids import TEST_PREFIX, TEST_PREFIX_END
from engage_desktop.store.models import (
    App,
    CachedResult,
    Campaign,
    CampaignStatus,
    DeliveryAttempt,
    EngagementEvent,
    OutboxMessage,
    OutboxState,
)

SEEN_KEY = "analytics:seen:v1"


@dataclass(frozen=True)
class Marks:
    """The highest ids of the rows analytics read, when a refresh started."""

    outbox: int = 0
    attempts: int = 0
    engagement: int = 0

    def as_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def of(cls, payload: Any) -> Marks | None:
        try:
            return cls(**{k: int(payload[k]) for k in ("outbox", "attempts", "engagement")})
        except (TypeError, KeyError, ValueError):
            return None  # an older or damaged mark: refresh rather than trust it


def latest(session: Session) -> Marks:
    def top(column: Any) -> int:
        return int(session.scalar(select(func.max(column))) or 0)

    return Marks(top(OutboxMessage.id), top(DeliveryAttempt.id), top(EngagementEvent.id))


def seen_marks(session: Session) -> dict[int, Marks | None]:
    """Every app with the marks its last refresh started from (None: never refreshed)."""
    stored: dict[int, Any] = dict(
        session.execute(
            select(CachedResult.app_id, CachedResult.payload).where(CachedResult.key == SEEN_KEY)
        ).all()
    )
    return {
        int(a): Marks.of(stored[a]) if a in stored else None
        for a in session.scalars(select(App.id))
    }


def changed_apps(session: Session, seen: dict[int, Marks | None]) -> set[int]:
    """The apps with rows newer than their marks, and those never refreshed."""
    changed = {app for app, marks in seen.items() if marks is None}
    known = {app: marks for app, marks in seen.items() if marks is not None}
    if not known:
        return changed
    low = Marks(
        *(min(getattr(m, f) for m in known.values()) for f in ("outbox", "attempts", "engagement"))
    )
    o, d, g = OutboxMessage, DeliveryAttempt, EngagementEvent
    newest = [
        ("outbox", select(o.app_id, func.max(o.id)).where(o.id > low.outbox).group_by(o.app_id)),
        (
            "attempts",
            select(Campaign.app_id, func.max(d.id))
            .join(Campaign, Campaign.id == d.campaign_id)
            .where(d.id > low.attempts)
            .group_by(Campaign.app_id),
        ),
        (
            "engagement",
            select(Campaign.app_id, func.max(g.id))
            .join(Campaign, Campaign.id == g.campaign_id)
            .where(g.id > low.engagement)
            .group_by(Campaign.app_id),
        ),
    ]
    for field, query in newest:
        for app, top in session.execute(query):
            marks = known.get(int(app))
            if marks is not None and int(top) > getattr(marks, field):
                changed.add(int(app))
    return changed


def sending_work(session: Session, now: datetime) -> bool:
    """True while any outbox row is claimable or held: queued or due for retry in a sending
    campaign, claimed by a service, or a queued test send."""
    o = OutboxMessage
    sending = select(Campaign.id).where(Campaign.status == CampaignStatus.SENDING)
    campaign_rows = select(o.id).where(
        o.campaign_id.in_(sending),
        or_(
            o.state.in_([OutboxState.QUEUED, OutboxState.CLAIMED]),
            and_(o.state == OutboxState.RETRY, o.next_attempt_at <= now),
        ),
    )
    tests = select(o.id).where(
        o.message_id >= TEST_PREFIX, o.message_id < TEST_PREFIX_END, o.state == OutboxState.QUEUED
    )
    return any(session.scalar(q.limit(1)) is not None for q in (campaign_rows, tests))
