"""Writing what the provider said about claimed rows: the hottest write of a send.

Every acknowledged message is one guarded ``UPDATE`` of its outbox row and one ``INSERT`` of a
delivery attempt. Through SQLAlchemy's compiled statements with a dict per row, the type
processing and parameter building cost ~40 µs a message, more than sending it. Here each batch is
two driver ``executemany`` calls on tuples whose values are already in the database's own forms
(timestamps as SQLite's text, or aware datetimes for psycopg), through ``exec_driver_sql`` so
errors still arrive as SQLAlchemy's (``IntegrityError``, ``OperationalError``) for the callers
that tell a poison result from a busy database.

The guard is unchanged: a row's state is written only while the same service holds it under the
same claim (``claimed_by`` and ``claim_count``); a late result from a lease that ran out changes
nothing, and its attempt is still logged, since the request did happen.

An outcome whose state is ``claimed`` is an answer for a row its service keeps holding (a 429
whose Retry-After it waits out in memory): the attempt is counted and logged as a retry, and the
row keeps its claim and its lease.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import Connection

from engage_desktop.store.models import OutboxState

CLAIMED = OutboxState.CLAIMED.value
SENT = OutboxState.SENT
HELD = OutboxState.CLAIMED  # an answer for a row that stays held (see the module's docstring)
RETRY = OutboxState.RETRY.value


class Outcome(NamedTuple):
    """What the provider said about one row. ``state`` is sent, failed or retry.

    A named tuple (one per message; a frozen dataclass cost five times its build time)."""

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
    reached: bool = True  # the attempt reached FCM (False: connection refused, not counted)


def record_outcomes(
    conn: Connection, worker: str, outcomes: Sequence[Outcome], claim_counts: Mapping[int, int]
) -> None:
    """Write a batch of results and their delivery attempts; the caller commits.

    ``claim_counts``: outbox id → the claim a result belongs to (a row missing there is no
    longer held, so its state is not written).
    """
    if not outcomes:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    stamp = stamper(conn)
    rows: list[tuple[object, ...]] = []
    attempts: list[tuple[object, ...]] = []
    for o in outcomes:  # the answer's time formatted once for both statements
        at = stamp(o.at)
        rows.append(_row_values(o, at, worker, claim_counts, stamp))
        attempts.append(_attempt_values(o, at))
    conn.exec_driver_sql(_update_sql(mark), rows)
    conn.exec_driver_sql(_insert_sql(mark), attempts)
    dead = [(stamp(o.at), o.invalidate_device) for o in outcomes if o.invalidate_device]
    if dead:
        sql = f"UPDATE device SET token_invalidated_at = {mark} WHERE id = {mark}"
        conn.exec_driver_sql(sql, dead)


Stamp = Callable[[datetime | None], object]


def stamper(conn: Connection) -> Stamp:
    """Aware datetimes in the form the driver stores: SQLite's naive UTC text (what
    ``UTCDateTime`` writes), psycopg's own aware datetimes."""
    if conn.dialect.name != "sqlite":
        return lambda value: value

    def sqlite_text(value: datetime | None) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

    return sqlite_text


def _update_sql(mark: str) -> str:
    return (
        f"UPDATE outbox_message SET state = {mark}, attempts = attempts + {mark}, "
        f"provider_message_id = {mark}, error_code = {mark}, error_message = {mark}, "
        f"sent_at = {mark}, next_attempt_at = {mark}, "
        f"lease_until = CASE WHEN {mark} THEN lease_until END "
        f"WHERE id = {mark} AND state = '{CLAIMED}' AND claimed_by = {mark} "
        f"AND claim_count = {mark}"
    )


def _insert_sql(mark: str) -> str:
    columns = (
        "outbox_id, campaign_id, at, outcome, http_status, provider_message_id, error_code, "
        "error_message, duration_ms"
    )
    return f"INSERT INTO delivery_attempt ({columns}) VALUES ({', '.join([mark] * 9)})"


def _row_values(
    o: Outcome, at: object, worker: str, claim_counts: Mapping[int, int], stamp: Stamp
) -> tuple[object, ...]:
    return (
        o.state.value,
        1 if o.reached else 0,
        _cut(o.provider_message_id, 300),
        _cut(o.error_code, 64),
        o.error_message,
        at if o.state is SENT else None,
        stamp(o.next_attempt_at),
        o.state is HELD,  # the lease is kept only for a row that stays held
        o.outbox_id,
        worker,
        claim_counts.get(o.outbox_id, -1),
    )


def _attempt_values(o: Outcome, at: object) -> tuple[object, ...]:
    return (
        o.outbox_id,
        o.campaign_id,
        at,
        RETRY if o.state is HELD else o.state.value,
        o.http_status,
        _cut(o.provider_message_id, 300),
        _cut(o.error_code, 64),
        o.error_message,
        o.duration_ms,
    )


def _cut(value: str | None, size: int) -> str | None:
    """A provider's string cut to its column (PostgreSQL refuses longer ones)."""
    return value if value is None or len(value) <= size else value[:size]
