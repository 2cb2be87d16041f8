"""How a dispatch service takes outbox rows and writes back what happened, safely.

A row is claimed with a lease (``claimed_by``, ``lease_until``); when the lease expires without
a result (the service died) the row returns to the queue and is sent again with the same
message id, which collapses on the phone. On PostgreSQL several services claim concurrently with
``FOR UPDATE SKIP LOCKED``; on SQLite one service runs per workspace (a file lock, see the
service) and the claim is a single ``UPDATE … RETURNING``.

Results are written in batches (one executemany per batch): a row is only ever marked ``sent``
after the provider acknowledged it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update

from engage_desktop.core.approvals.gate import cleared_to_claim
from engage_desktop.core.outbox.control import TEST_PREFIX, TEST_PREFIX_END
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    Device,
    OutboxMessage,
    OutboxState,
)

OUTBOX = OutboxMessage.metadata.tables["outbox_message"]
ATTEMPT = OutboxMessage.metadata.tables["delivery_attempt"]
DEVICE = Device.metadata.tables["device"]


@dataclass(frozen=True)
class Claimed:
    """One row handed to a sender: what it needs to build and send the message."""

    outbox_id: int
    campaign_id: int
    app_id: int
    device_id: int | None
    token: str
    message_id: str
    variant_key: str | None
    attempts: int
    profile_id: int | None = None


@dataclass(frozen=True)
class Outcome:
    """What the provider said about one row. ``state`` is sent, failed or retry."""

    outbox_id: int
    campaign_id: int
    state: OutboxState
    at: datetime
    http_status: int | None = None
    provider_message_id: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    duration_ms: float | None = None
    next_attempt_at: datetime | None = None
    invalidate_device: int | None = None  # device id whose token FCM rejected for good


def active_campaigns(conn: Connection) -> list[tuple[int, int, bool]]:
    """(campaign id, app id, test rows only) for everything the service should work on."""
    sending = conn.execute(
        select(Campaign.id, Campaign.app_id).where(Campaign.status == CampaignStatus.SENDING)
    ).all()
    found = {(cid, app): False for cid, app in sending}
    tests = conn.execute(
        select(OUTBOX.c.campaign_id, OUTBOX.c.app_id)
        .where(
            OUTBOX.c.message_id >= TEST_PREFIX,
            OUTBOX.c.message_id < TEST_PREFIX_END,
            OUTBOX.c.state == OutboxState.QUEUED,
        )
        .distinct()
    ).all()
    for cid, app in tests:
        found.setdefault((cid, app), True)
    return [(cid, app, only_tests) for (cid, app), only_tests in found.items()]


def claim(
    conn: Connection,
    campaign_id: int,
    worker: str,
    now: datetime,
    lease: timedelta,
    limit: int,
    *,
    tests_only: bool = False,
) -> list[Claimed]:
    """Take up to ``limit`` queued rows of one campaign; the caller commits.

    Nothing of a campaign that needs an approval it does not have (``core.approvals.gate``).
    """
    if not tests_only and not cleared_to_claim(conn, campaign_id):
        return []
    pick = (
        select(OUTBOX.c.id)
        .where(OUTBOX.c.campaign_id == campaign_id, OUTBOX.c.state == OutboxState.QUEUED)
        .limit(limit)
    )
    if tests_only:
        pick = pick.where(OUTBOX.c.message_id >= TEST_PREFIX, OUTBOX.c.message_id < TEST_PREFIX_END)
    if conn.dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    stmt = (
        update(OUTBOX)
        .where(OUTBOX.c.id.in_(pick.scalar_subquery()))
        .values(state=OutboxState.CLAIMED, claimed_by=worker, lease_until=now + lease)
        .returning(
            OUTBOX.c.id,
            OUTBOX.c.campaign_id,
            OUTBOX.c.app_id,
            OUTBOX.c.device_id,
            OUTBOX.c.address,
            OUTBOX.c.message_id,
            OUTBOX.c.variant_key,
            OUTBOX.c.attempts,
            OUTBOX.c.profile_id,
        )
    )
    return [
        Claimed(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7], r[8])
        for r in conn.execute(stmt)
    ]


def release_due(conn: Connection, now: datetime, *, all_claims: bool = False) -> int:
    """Return expired leases and due retries to the queue (``all_claims``: every claimed row,
    for a SQLite service starting up while it holds the workspace's only service lock)."""
    expired = OUTBOX.c.state == OutboxState.CLAIMED
    if not all_claims:
        expired = and_(expired, OUTBOX.c.lease_until < now)
    due = and_(OUTBOX.c.state == OutboxState.RETRY, OUTBOX.c.next_attempt_at <= now)
    result = conn.execute(
        update(OUTBOX)
        .where(or_(expired, due))
        .values(state=OutboxState.QUEUED, claimed_by=None, lease_until=None)
    )
    return int(result.rowcount)


def renew(
    conn: Connection, worker: str, ids: Sequence[int], now: datetime, lease: timedelta
) -> set[int]:
    """Extend this service's lease on rows it still holds; returns the ids still its own.

    A row missing from the answer was taken back (its lease expired and another service, or
    the housekeeping, returned it): the caller must not send it.
    """
    kept: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        result = conn.execute(
            update(OUTBOX)
            .where(
                OUTBOX.c.id.in_(chunk),
                OUTBOX.c.state == OutboxState.CLAIMED,
                OUTBOX.c.claimed_by == worker,
            )
            .values(lease_until=now + lease)
            .returning(OUTBOX.c.id)
        )
        kept.update(row[0] for row in result)
    return kept


def release_ids(conn: Connection, worker: str, ids: Sequence[int]) -> int:
    """Give back rows this service holds but will not send now (app paused, fault)."""
    count = 0
    for start in range(0, len(ids), 500):
        result = conn.execute(
            update(OUTBOX)
            .where(
                OUTBOX.c.id.in_(list(ids[start : start + 500])),
                OUTBOX.c.state == OutboxState.CLAIMED,
                OUTBOX.c.claimed_by == worker,
            )
            .values(state=OutboxState.QUEUED, claimed_by=None, lease_until=None)
        )
        count += int(result.rowcount)
    return count


def release_mine(conn: Connection, worker: str) -> int:
    """Give back rows this service claimed but never sent (clean stop)."""
    result = conn.execute(
        update(OUTBOX)
        .where(OUTBOX.c.state == OutboxState.CLAIMED, OUTBOX.c.claimed_by == worker)
        .values(state=OutboxState.QUEUED, claimed_by=None, lease_until=None)
    )
    return int(result.rowcount)


def record_outcomes(conn: Connection, outcomes: Sequence[Outcome]) -> None:
    """Write a batch of results and their delivery attempts; the caller commits.

    ``sent`` never downgrades: a row already sent (by a service whose lease had expired) stays
    sent, so a late result cannot undo it.
    """
    if not outcomes:
        return
    conn.execute(
        update(OUTBOX)
        .where(OUTBOX.c.id == bindparam("b_id"), OUTBOX.c.state != OutboxState.SENT)
        .values(
            state=bindparam("b_state"),
            attempts=OUTBOX.c.attempts + 1,
            provider_message_id=bindparam("b_name"),
            error_code=bindparam("b_code"),
            error_message=bindparam("b_msg"),
            sent_at=bindparam("b_sent_at"),
            next_attempt_at=bindparam("b_next"),
            lease_until=None,
        ),
        [
            {
                "b_id": o.outbox_id,
                "b_state": o.state,
                "b_name": o.provider_message_id,
                "b_code": o.error_code,
                "b_msg": o.error_message,
                "b_sent_at": o.at if o.state == OutboxState.SENT else None,
                "b_next": o.next_attempt_at,
            }
            for o in outcomes
        ],
    )
    conn.execute(
        insert(ATTEMPT),
        [
            {
                "outbox_id": o.outbox_id,
                "campaign_id": o.campaign_id,
                "at": o.at,
                "outcome": o.state.value,
                "http_status": o.http_status,
                "provider_message_id": o.provider_message_id,
                "error_code": o.error_code,
                "error_message": o.error_message,
                "duration_ms": o.duration_ms,
            }
            for o in outcomes
        ],
    )
    dead = [
        {"b_dev": o.invalidate_device, "b_at": o.at}
        for o in outcomes
        if o.invalidate_device is not None
    ]
    if dead:
        conn.execute(
            update(DEVICE)
            .where(DEVICE.c.id == bindparam("b_dev"))
            .values(token_invalidated_at=bindparam("b_at")),
            dead,
        )


def finish_completed(conn: Connection, now: datetime) -> list[int]:
    """Mark sending campaigns with nothing left pending as completed; returns their ids."""
    pending = (
        select(OUTBOX.c.id)
        .where(
            OUTBOX.c.campaign_id == Campaign.id,
            OUTBOX.c.state.in_([OutboxState.QUEUED, OutboxState.CLAIMED, OutboxState.RETRY]),
        )
        .exists()
    )
    done = [
        cid
        for (cid,) in conn.execute(
            select(Campaign.id).where(Campaign.status == CampaignStatus.SENDING, ~pending)
        )
    ]
    if done:
        conn.execute(
            update(Campaign)
            .where(Campaign.id.in_(done))
            .values(status=CampaignStatus.COMPLETED, finished_at=now)
        )
    return done


def pause_app_campaigns(conn: Connection, app_id: int | None, reason: str) -> list[int]:
    """A fault that stops all sending for an app (bad credentials, endpoint unreachable), or
    for every app (``app_id`` None: the database itself cannot be written)."""
    query = select(Campaign.id).where(Campaign.status == CampaignStatus.SENDING)
    if app_id is not None:
        query = query.where(Campaign.app_id == app_id)
    ids = [cid for (cid,) in conn.execute(query)]
    if ids:
        conn.execute(
            update(Campaign)
            .where(Campaign.id.in_(ids))
            .values(status=CampaignStatus.PAUSED, status_reason=reason[:2000])
        )
    return ids


PROFILE_FIELDS = (
    "external_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "city",
    "postal_code",
    "locale",
    "time_zone",
    "birth_date",
)


def profile_contexts(conn: Connection, profile_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """Template variables per profile (custom attributes, then columns), in one query."""
    table = OutboxMessage.metadata.tables["profile"]
    cols = [table.c.id, table.c.attributes, *(table.c[name] for name in PROFILE_FIELDS)]
    out: dict[int, dict[str, Any]] = {}
    for row in conn.execute(select(*cols).where(table.c.id.in_(list(profile_ids)))):
        context: dict[str, Any] = dict(row[1] or {})
        for name, value in zip(PROFILE_FIELDS, row[2:], strict=True):
            if value is not None:
                context[name] = value
        context["profile_id"] = row[0]
        out[row[0]] = context
    return out
