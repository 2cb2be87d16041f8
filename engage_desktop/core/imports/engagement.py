"""Notification events of a GA4 export become engagement events of the campaign they came from.

The SDK logs ``notification_receive`` / ``notification_open`` / ``notification_dismiss`` with the
message id the service sent (``data.message_id``, the outbox row's id) and the campaign's analytics
label. A message id names the campaign and variant exactly; a label alone names the newest campaign
of the app carrying it. An event already recorded (the same export imported twice) is skipped.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy import Table as SqlTable

from engage_desktop.core.imports.ga4 import GaEvent
from engage_desktop.store.models import Campaign, EngagementEvent, OutboxMessage

ENGAGEMENT_KINDS = {
    "notification_receive": "delivered",
    "notification_open": "opened",
    "notification_dismiss": "dismissed",
}


class EngagementAttribution:
    """Attributes one import's notification events; counts what it recorded and could not."""

    def __init__(self, conn: Connection, app_id: int) -> None:
        self.conn = conn
        self.app_id = app_id
        self.campaign_by_label: dict[str, int | None] = {}
        self.engaged: set[tuple[str, str]] = set()
        self.recorded = 0
        self.unattributed = 0

    def record(self, chunk: list[GaEvent], owners: list[tuple[int | None, int]]) -> None:
        """Engagement events for the chunk's notification events (owners: device, profile)."""
        notes = [(e, o) for e, o in zip(chunk, owners, strict=True) if e.name in ENGAGEMENT_KINDS]
        if not notes:
            return
        ids = list({str(e.params["message_id"]) for e, _ in notes if e.params.get("message_id")})
        outbox: dict[str, tuple[int, str | None]] = {}
        seen_before: set[tuple[str, str]] = set()
        if ids:
            o: SqlTable = OutboxMessage.__table__  # type: ignore[assignment]
            g: SqlTable = EngagementEvent.__table__  # type: ignore[assignment]
            for start in range(0, len(ids), 900):
                part = ids[start : start + 900]
                for mid, cid, key in self.conn.execute(
                    select(o.c.message_id, o.c.campaign_id, o.c.variant_key).where(
                        o.c.app_id == self.app_id, o.c.message_id.in_(part)
                    )
                ):
                    outbox[mid] = (cid, key)
                for mid, kind in self.conn.execute(
                    select(g.c.message_id, g.c.kind).where(g.c.message_id.in_(part))
                ):
                    seen_before.add((mid, str(kind.value if hasattr(kind, "value") else kind)))
        rows = []
        for e, (device_id, profile_id) in notes:
            kind = ENGAGEMENT_KINDS[e.name]
            mid = str(e.params["message_id"]) if e.params.get("message_id") else None
            campaign_id, variant = outbox.get(mid, (None, None)) if mid else (None, None)
            if campaign_id is None:
                campaign_id = self._campaign_for_label(e.params.get("label"))
            if campaign_id is None:
                self.unattributed += 1
                continue
            if mid is not None:
                if (mid, kind) in seen_before or (mid, kind) in self.engaged:
                    continue  # already recorded (the same export imported twice)
                self.engaged.add((mid, kind))
            rows.append(
                {
                    "campaign_id": campaign_id,
                    "profile_id": profile_id,
                    "device_id": device_id,
                    "message_id": mid[:64] if mid else None,
                    "variant_key": variant,
                    "is_control": False,
                    "kind": kind,
                    "at": datetime.fromtimestamp(e.ts, UTC),
                    "value": None,
                }
            )
        if rows:
            engagement: SqlTable = EngagementEvent.__table__  # type: ignore[assignment]
            self.conn.execute(engagement.insert(), rows)
            self.recorded += len(rows)

    def _campaign_for_label(self, label: Any) -> int | None:
        if not isinstance(label, str) or not label:
            return None
        if label not in self.campaign_by_label:
            self.campaign_by_label[label] = self.conn.execute(
                select(Campaign.id)
                .where(Campaign.app_id == self.app_id, Campaign.analytics_label == label)
                .order_by(Campaign.created_at.desc(), Campaign.id.desc())
                .limit(1)
            ).scalar()
        return self.campaign_by_label[label]
