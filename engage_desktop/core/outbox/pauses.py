"""The dispatch service pausing sends on a fault, and resuming the ones that pass by themselves.

A pause is a status change with a reason (``pause_reasons``): rows in flight finish, nothing new
is claimed. Pauses whose reason is one of ``AUTO_RESUMED`` are listed by ``resumable`` so the
service can probe FCM for their app and ``resume`` them; a pause by a user, or for a fault a
person must fix, is never lifted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from engage_desktop.core.outbox.pause_reasons import resumes_by_itself
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    CampaignVariant,
    OutboxMessage,
    OutboxState,
)

OUTBOX = OutboxMessage.metadata.tables["outbox_message"]
FCM_DEFAULT_TTL = 2_419_200.0  # seconds: FCM keeps a message four weeks unless told otherwise


def pause_app_campaigns(conn: Connection, app_id: int | None, reason: str) -> list[int]:
    """A fault that stops all sending for an app (credentials, FCM down), or for every app
    (``app_id`` None: the database itself cannot be written)."""
    query = select(Campaign.id).where(Campaign.status == CampaignStatus.SENDING)
    if app_id is not None:
        query = query.where(Campaign.app_id == app_id)
    return pause_campaigns(conn, [cid for (cid,) in conn.execute(query)], reason)


def pause_campaigns(conn: Connection, campaign_ids: Sequence[int], reason: str) -> list[int]:
    """Pause those of ``campaign_ids`` still sending; returns the ones paused."""
    if not campaign_ids:
        return []
    sending = Campaign.id.in_(list(campaign_ids)), Campaign.status == CampaignStatus.SENDING
    ids = [cid for (cid,) in conn.execute(select(Campaign.id).where(*sending))]
    if ids:
        conn.execute(
            update(Campaign)
            .where(Campaign.id.in_(ids), Campaign.status == CampaignStatus.SENDING)
            .values(status=CampaignStatus.PAUSED, status_reason=reason[:2000])
        )
    return ids


def resumable(conn: Connection) -> dict[int, list[tuple[int, str]]]:
    """App id → its campaigns (id, reason) paused by a fault that passes by itself."""
    found: dict[int, list[tuple[int, str]]] = {}
    paused = select(Campaign.id, Campaign.app_id, Campaign.status_reason).where(
        Campaign.status == CampaignStatus.PAUSED
    )
    for cid, app_id, reason in conn.execute(paused):
        if reason and resumes_by_itself(reason):
            found.setdefault(app_id, []).append((cid, reason))
    return found


def resume(conn: Connection, paused: Sequence[tuple[int, str]]) -> list[int]:
    """Resume campaigns still paused with the same reason (a person may have acted since)."""
    resumed = []
    for cid, reason in paused:
        result = conn.execute(
            update(Campaign)
            .where(
                Campaign.id == cid,
                Campaign.status == CampaignStatus.PAUSED,
                Campaign.status_reason == reason,
            )
            .values(status=CampaignStatus.SENDING, status_reason=None)
        )
        if result.rowcount:
            resumed.append(cid)
    return resumed


def probe_token(conn: Connection, campaign_ids: Sequence[int]) -> str | None:
    """A device token still waiting in one of these campaigns: what a probe is addressed to."""
    return conn.scalar(
        select(OUTBOX.c.address)
        .where(
            OUTBOX.c.campaign_id.in_(list(campaign_ids)),
            OUTBOX.c.state.in_([OutboxState.QUEUED, OutboxState.RETRY]),
            OUTBOX.c.address.is_not(None),
        )
        .limit(1)
    )


def time_to_live(conn: Connection, campaign_id: int) -> float:
    """The longest time to live of the campaign's variants, in seconds (FCM's default else):
    how long a message is worth retrying."""
    contents: list[dict[str, Any] | None] = list(
        conn.scalars(
            select(CampaignVariant.content).where(CampaignVariant.campaign_id == campaign_id)
        )
    )
    ttls = [c.get("ttl_seconds") for c in contents if isinstance(c, dict)]
    numbers = [float(t) for t in ttls if isinstance(t, int | float) and t >= 0]
    return max(numbers) if numbers and len(numbers) == len(contents) else FCM_DEFAULT_TTL
