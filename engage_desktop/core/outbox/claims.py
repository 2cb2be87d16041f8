"""How a dispatch service takes outbox rows and writes back what happened, safely.

A row is claimed with a lease (``claimed_by``, ``lease_until``, and ``claim_count`` bumped by
every claim); when the lease expires without a result (the service died) the row returns to
the queue and is sent again with the same message id, which collapses on the phone. Lease
times are the database's clock (``database_now``), never a host's: two hosts whose clocks
disagree still agree on when a lease has run out. On PostgreSQL several services claim concurrently with
``FOR UPDATE SKIP LOCKED``; on SQLite one service runs per workspace (a file lock, see the
service) and the claim is a single ``UPDATE … RETURNING``.

Results are written in batches (``results.record_outcomes``, re-exported here): a row is only
ever marked ``sent`` after the provider acknowledged it, and only by the claim that sent it (same
holder, same ``claim_count``): a service whose lease ran out cannot overwrite what the next one
recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    select,
    text,
    update,
)

from engage_desktop.core.approvals.gate import cleared_to_claim
from engage_desktop.core.delivery.screen import screen, with_inputs
from engage_desktop.core.outbox.control import TEST_PREFIX, TEST_PREFIX_END
from engage_desktop.core.outbox.expand import CANCELLED
from engage_desktop.core.outbox.results import Outcome as Outcome
from engage_desktop.core.outbox.results import record_outcomes as record_outcomes
from engage_desktop.core.outbox.results import stamper
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    OutboxMessage,
    OutboxState,
    aware_utc,
    sql_constant,
)

OUTBOX = OutboxMessage.metadata.tables["outbox_message"]
SCREEN_ROUNDS = 8  # picks per claim when the delivery rules set a whole pick aside


class Claimed(NamedTuple):
    """One row handed to a sender: what it needs to build and send the message.

    A named tuple, not a frozen dataclass: one is built per message, and a frozen dataclass's
    ``__init__`` (``object.__setattr__`` per field) cost ~1 µs where a tuple costs ~0.2."""

    outbox_id: int
    campaign_id: int
    app_id: int
    device_id: int | None
    token: str
    message_id: str
    variant_key: str | None
    attempts: int  # attempts that reached FCM (refused connections are not counted)
    profile_id: int | None = None
    claim_count: int = 0  # which claim of the row this is: results are written under it
    created_at: datetime | None = None  # when the row was queued: its time to live starts


def database_now(conn: Connection) -> datetime:
    """The database server's time (aware UTC): what leases are measured against."""
    if conn.dialect.name == "postgresql":
        found = conn.execute(select(func.clock_timestamp())).scalar_one()
        return found.astimezone(UTC)  # type: ignore[no-any-return]
    raw = conn.execute(text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")).scalar_one()
    return datetime.fromisoformat(str(raw)).replace(tzinfo=UTC)


def active_campaigns(conn: Connection) -> list[tuple[int, int, bool]]:
    """(campaign id, app id, test rows only) for everything the service should work on."""
    sending = conn.execute(
        select(Campaign.id, Campaign.app_id).where(Campaign.status == CampaignStatus.SENDING)
    ).all()
    found = {(cid, app): False for cid, app in sending}
    # Test rows are found through the message id's unique index (a narrow range). With the
    # state in the WHERE as a plain comparison SQLite walked every queued row of every campaign
    # instead (by the state index): 100,000 rows read several times a second during a send.
    state_unindexed = func.coalesce(OUTBOX.c.state, OUTBOX.c.state)
    tests = conn.execute(
        select(OUTBOX.c.campaign_id, OUTBOX.c.app_id)
        .where(
            OUTBOX.c.message_id >= TEST_PREFIX,
            OUTBOX.c.message_id < TEST_PREFIX_END,
            state_unindexed == OutboxState.QUEUED.value,
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
    lease: timedelta,
    limit: int,
    *,
    tests_only: bool = False,
    now: datetime | None = None,
) -> list[Claimed]:
    """Take up to ``limit`` due queued rows of one campaign, leased until the database's clock
    plus ``lease``; the caller commits.

    Due: ``not_before`` is past at ``now`` (the service's clock; the database's without one).
    The picked rows go through the delivery rules first (``core.delivery.screen``): rows that
    lost consent, expired, reached a cap or fell into quiet hours are suppressed or deferred,
    not claimed. Nothing of a campaign that needs an approval it does not have
    (``core.approvals.gate``).
    """
    if not tests_only and not cleared_to_claim(conn, campaign_id):
        return []
    at = now or database_now(conn)
    pick = _pick_statement(tests_only, conn.dialect.name == "postgresql")
    wanted = {"b_campaign": campaign_id, "b_at": at, "b_limit": limit}
    ids: list[int] = []
    for _ in range(SCREEN_ROUNDS):  # rows the rules set aside make room for the next ones
        picked = conn.execute(pick, wanted).all()
        ids = [r[0] for r in picked] if tests_only else screen(conn, campaign_id, picked, at)
        if ids or len(picked) < limit:
            break
    if not ids:
        return []
    return _take(conn, ids, worker, database_now(conn) + lease)


def _take(conn: Connection, ids: list[int], worker: str, until: datetime) -> list[Claimed]:
    """The screened rows still queued, claimed by ``worker`` until ``until``.

    A driver statement with one mark per id, like the result writes (``results``): through a
    compiled ``IN`` with an expanding parameter, SQLAlchemy rebuilt the 1,000 parameter names
    and their values at every claim. The rows of a claim share a few ``created_at`` values
    (expansion writes a chunk at one time): each is parsed once.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = _TAKE_SQL.format(worker=mark, until=mark, ids=", ".join([mark] * len(ids)))
    taken = conn.exec_driver_sql(sql, (worker, stamper(conn)(until), *ids)).all()
    queued: dict[object, datetime] = {}
    return [
        Claimed(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4] or "",
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            queued.get(r[10]) or queued.setdefault(r[10], aware_utc(r[10])),
        )
        for r in taken
    ]


@lru_cache(maxsize=4)
def _pick_statement(tests_only: bool, postgresql: bool) -> Select[Any]:
    """The due rows of a campaign with the screen's inputs, built once: constructing it for
    every claim cost more CPU than running it (bound: campaign, time, limit)."""
    pick = (
        with_inputs(select(OUTBOX.c.id))
        .where(
            OUTBOX.c.campaign_id == bindparam("b_campaign"),
            OUTBOX.c.state == OutboxState.QUEUED,
            OUTBOX.c.not_before <= bindparam("b_at"),
        )
        .order_by(OUTBOX.c.not_before)
        .limit(bindparam("b_limit", type_=Integer))
    )
    if tests_only:
        pick = pick.where(OUTBOX.c.message_id >= TEST_PREFIX, OUTBOX.c.message_id < TEST_PREFIX_END)
    if postgresql:  # the outbox row only, not the joined ones
        pick = pick.with_for_update(skip_locked=True, of=OUTBOX)
    return pick


_TAKE_SQL = (
    f"UPDATE outbox_message SET state = '{OutboxState.CLAIMED.value}', claimed_by = {{worker}}, "
    "lease_until = {until}, claim_count = claim_count + 1 "
    f"WHERE id IN ({{ids}}) AND state = '{OutboxState.QUEUED.value}' "
    "RETURNING id, campaign_id, app_id, device_id, address, message_id, variant_key, attempts, "
    "profile_id, claim_count, created_at"
)


def release_due(conn: Connection, now: datetime, *, all_claims: bool = False) -> int:
    """Return expired leases (by the database's clock) and retries due by ``now`` (the
    service's clock) to the queue. ``all_claims``: every claimed row, for a SQLite service
    starting up while it holds the workspace's only service lock.

    Two statements, each on its partial index (``ix_outbox_claimed_lease``,
    ``ix_outbox_retry_due``): the states are written into the SQL so SQLite, which plans
    before binding, can match the indexes' WHERE.
    """
    back = {"state": OutboxState.QUEUED, "claimed_by": None, "lease_until": None}
    expired = OUTBOX.c.state == sql_constant(OutboxState.CLAIMED.value)
    if not all_claims:
        expired = and_(expired, OUTBOX.c.lease_until < database_now(conn))
    due = and_(
        OUTBOX.c.state == sql_constant(OutboxState.RETRY.value), OUTBOX.c.next_attempt_at <= now
    )
    count = 0
    for which in (expired, due):
        count += int(conn.execute(update(OUTBOX).where(which).values(**back)).rowcount)
    return count


def renew(conn: Connection, worker: str, ids: Sequence[int], lease: timedelta) -> set[int]:
    """Extend this service's lease on rows it still holds; returns the ids still its own.

    A row missing from the answer was taken back (its lease expired and another service, or
    the housekeeping, returned it): the caller must not send it.
    """
    kept: set[int] = set()
    until = database_now(conn) + lease
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        result = conn.execute(
            update(OUTBOX)
            .where(
                OUTBOX.c.id.in_(chunk),
                OUTBOX.c.state == OutboxState.CLAIMED,
                OUTBOX.c.claimed_by == worker,
            )
            .values(lease_until=until)
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


def campaigns_of(conn: Connection, ids: Sequence[int]) -> list[int]:
    """The campaigns these outbox rows belong to."""
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        found.update(conn.scalars(select(OUTBOX.c.campaign_id).where(OUTBOX.c.id.in_(chunk))))
    return sorted(found)


def settle_cancelled(conn: Connection, campaign_ids: Sequence[int]) -> int:
    """Rows given back after their campaign was cancelled are suppressed as cancelled, like
    the rows ``control.cancel`` found waiting (it leaves claimed rows to their service)."""
    if not campaign_ids:
        return 0
    cancelled = select(Campaign.id).where(
        Campaign.id.in_(list(campaign_ids)), Campaign.status == CampaignStatus.CANCELLED
    )
    result = conn.execute(
        update(OUTBOX)
        .where(
            OUTBOX.c.campaign_id.in_(cancelled.scalar_subquery()),
            OUTBOX.c.state.in_([OutboxState.QUEUED, OutboxState.RETRY]),
        )
        .values(state=OutboxState.SUPPRESSED, suppression_reason=CANCELLED, address=None)
    )
    return int(result.rowcount)


def release_mine(conn: Connection, worker: str) -> int:
    """Give back rows this service claimed but never sent (clean stop)."""
    result = conn.execute(
        update(OUTBOX)
        .where(
            OUTBOX.c.state == sql_constant(OutboxState.CLAIMED.value),
            OUTBOX.c.claimed_by == worker,
        )
        .values(state=OutboxState.QUEUED, claimed_by=None, lease_until=None)
    )
    return int(result.rowcount)


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
