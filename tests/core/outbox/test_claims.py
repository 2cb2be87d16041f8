"""How services claim outbox rows. Through real service processes: after a kill -9 in the
middle of a 100,000-message send the restarted service delivers everything once (or collapsed),
and on PostgreSQL two services sharing one outbox (FOR UPDATE SKIP LOCKED) never send a row
twice. On a real database (SQLite and PostgreSQL): leases on the database's clock, and a result
written only under the claim that sent it (holder + claim counter)."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, update

from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.claims import Outcome
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    CampaignStatus,
    Consent,
    ConsentState,
    DeliveryAttempt,
    OutboxMessage,
    OutboxState,
)
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign, status_of
from tests.support.waiting import wait_until

MESSAGES = 100_000
BATCH, CONCURRENCY = 500, 64


@pytest.mark.slow
def test_kill_9_mid_send_then_restart_delivers_everything_once_or_collapsed(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, MESSAGES)
    campaign_id = seed_campaign(ws, app_id)
    assert start_send(ws, campaign_id).queued == MESSAGES
    env = service_env(sandbox.url, tmp_path)
    args = ("--batch", str(BATCH), "--concurrency", str(CONCURRENCY))
    first = start_service(str(ws.location.sqlite_path), env, tmp_path, *args, name="first")

    def sent() -> int:
        with ws.session() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(OutboxMessage)
                    .where(OutboxMessage.state == OutboxState.SENT)
                )
                or 0
            )

    wait_until(lambda: sent() >= MESSAGES // 3, timeout=300)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    received_at_kill = sandbox.get("/sandbox/stats")["received"]
    assert received_at_kill < MESSAGES, "the kill came too late to test anything"
    time.sleep(0.5)
    second = start_service(str(ws.location.sqlite_path), env, tmp_path, *args, name="second")
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=400)
    finally:
        assert stop_service(second) == 0
    assert sent() == MESSAGES
    counts = sandbox.get("/sandbox/stats?ids=1")["by_message_id"]
    with ws.session() as s:
        expected = set(
            s.scalars(
                select(OutboxMessage.message_id).where(OutboxMessage.campaign_id == campaign_id)
            )
        )
    assert set(counts) == expected  # every recipient received its message
    duplicates = sum(c - 1 for c in counts.values())
    # at most what was in flight: the claimed queue, the requests out, the unwritten results
    assert duplicates <= 2 * BATCH + CONCURRENCY + BATCH
    assert max(counts.values()) <= 2  # a duplicate is the same message id, sent twice


MESSAGES = 6_000


@pytest.mark.postgres
def test_two_services_never_send_a_row_twice(
    make_workspace: Callable[..., Workspace], pg_url: str, sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace(pg_url)
    app_id = seed_app(ws, MESSAGES)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    env = service_env(sandbox.url, tmp_path)
    small = ("--batch", "50", "--concurrency", "16")
    services = [start_service(pg_url, env, tmp_path, *small, name=f"svc{i}") for i in range(2)]
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=180)
    finally:
        codes = [stop_service(p) for p in services]
    assert codes == [0, 0]
    counts = sandbox.get("/sandbox/stats?ids=1")["by_message_id"]
    assert len(counts) == MESSAGES
    assert max(counts.values()) == 1  # never twice
    with ws.session() as s:
        workers = s.execute(
            select(OutboxMessage.claimed_by, func.count()).group_by(OutboxMessage.claimed_by)
        ).all()
        attempts = s.scalar(select(func.count()).select_from(DeliveryAttempt))
    assert attempts == MESSAGES
    assert len([w for w, n in workers if w and n > 0]) == 2, workers  # both did part of the work


def _queued_campaign(ws: Workspace, rows: int) -> int:
    campaign_id = seed_campaign(ws, seed_app(ws, rows))
    start_send(ws, campaign_id)
    return campaign_id


def _row(ws: Workspace, outbox_id: int) -> OutboxMessage:
    with ws.session() as s:
        row = s.get(OutboxMessage, outbox_id)
        assert row is not None
        return row


def test_a_late_writer_cannot_overwrite_a_row_another_service_took_over(
    backend_workspace: Workspace,
) -> None:
    ws = backend_workspace
    campaign_id = _queued_campaign(ws, 1)
    with ws.engine.begin() as conn:
        (first,) = claims.claim(conn, campaign_id, "svc-a", timedelta(seconds=60), 10)
    assert first.claim_count == 1
    # svc-a freezes; its lease runs out and svc-b takes the row over
    with ws.engine.begin() as conn:
        conn.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == first.outbox_id)
            .values(lease_until=claims.database_now(conn) - timedelta(seconds=1))
        )
        assert claims.release_due(conn, claims.database_now(conn)) == 1
        (second,) = claims.claim(conn, campaign_id, "svc-b", timedelta(seconds=60), 10)
    assert second.outbox_id == first.outbox_id and second.claim_count == 2

    def outcome(state: OutboxState, code: str | None = None) -> Outcome:
        return Outcome(first.outbox_id, campaign_id, state, first.created_at, error_code=code)  # type: ignore[arg-type]

    late = outcome(OutboxState.FAILED, "INTERNAL")
    with ws.engine.begin() as conn:  # svc-a wakes up and writes its stale result
        claims.record_outcomes(conn, "svc-a", [late], {first.outbox_id: first.claim_count})
    row = _row(ws, first.outbox_id)
    assert (row.state, row.claimed_by, row.error_code) == (OutboxState.CLAIMED, "svc-b", None)

    with ws.engine.begin() as conn:
        claims.record_outcomes(
            conn, "svc-b", [outcome(OutboxState.SENT)], {first.outbox_id: second.claim_count}
        )
        claims.record_outcomes(conn, "svc-a", [late], {first.outbox_id: first.claim_count})
    row = _row(ws, first.outbox_id)
    assert row.state == OutboxState.SENT and row.error_code is None and row.attempts == 1
    with ws.session() as s:  # both requests happened: both are in the attempt log
        logged = s.scalars(select(DeliveryAttempt.outcome).order_by(DeliveryAttempt.id)).all()
    assert logged == ["failed", "sent", "failed"]


def test_the_same_service_cannot_write_a_result_of_an_earlier_claim(
    backend_workspace: Workspace,
) -> None:
    ws = backend_workspace
    campaign_id = _queued_campaign(ws, 1)
    lease = timedelta(seconds=60)
    with ws.engine.begin() as conn:
        (old,) = claims.claim(conn, campaign_id, "svc-a", lease, 10)
        claims.release_ids(conn, "svc-a", [old.outbox_id])
        (new,) = claims.claim(conn, campaign_id, "svc-a", lease, 10)
        stale = Outcome(old.outbox_id, campaign_id, OutboxState.SENT, claims.database_now(conn))
        claims.record_outcomes(conn, "svc-a", [stale], {old.outbox_id: old.claim_count})
    assert _row(ws, new.outbox_id).state == OutboxState.CLAIMED


def test_leases_are_measured_on_the_database_clock(backend_workspace: Workspace) -> None:
    """No host time goes in: a host whose clock is wrong still leases for the right span."""
    ws = backend_workspace
    campaign_id = _queued_campaign(ws, 2)
    lease = timedelta(seconds=90)
    with ws.engine.begin() as conn:
        before = claims.database_now(conn)
        claimed = claims.claim(conn, campaign_id, "svc-a", lease, 10)
        after = claims.database_now(conn)
    leases = [_row(ws, row.outbox_id).lease_until for row in claimed]
    assert all(lu is not None and before + lease <= lu <= after + lease for lu in leases)
    with ws.engine.begin() as conn:
        kept = claims.renew(conn, "svc-a", [r.outbox_id for r in claimed], lease)
        renewed_from = claims.database_now(conn)
    assert kept == {r.outbox_id for r in claimed}
    assert all(
        (_row(ws, r.outbox_id).lease_until or before) >= renewed_from + lease - timedelta(seconds=1)
        for r in claimed
    )


def test_refused_connections_do_not_count_as_attempts(backend_workspace: Workspace) -> None:
    ws = backend_workspace
    campaign_id = _queued_campaign(ws, 1)
    with ws.engine.begin() as conn:
        (row,) = claims.claim(conn, campaign_id, "svc-a", timedelta(seconds=60), 10)
        refused = Outcome(
            row.outbox_id,
            campaign_id,
            OutboxState.RETRY,
            claims.database_now(conn),
            error_code="UNREACHABLE",
            reached=False,
        )
        claims.record_outcomes(conn, "svc-a", [refused], {row.outbox_id: row.claim_count})
    assert _row(ws, row.outbox_id).attempts == 0


def _plan(ws: Workspace, statement: str, *params: object) -> str:
    with ws.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
    return " | ".join(str(r[-1]) for r in rows)


def test_finding_test_rows_reads_the_message_id_index_not_every_queued_row(
    make_workspace: Callable[..., Workspace],
) -> None:
    """``active_campaigns`` runs at every claim and four times a second: through the state
    index it walked all the queued rows of a send (100,000 rows, ~30 ms, each time)."""
    ws = make_workspace()
    _queued_campaign(ws, 3)
    with ws.engine.connect() as conn:
        assert [tests for _c, _a, tests in claims.active_campaigns(conn)] == [False]
        seen: list[str] = []

        def spy(_c: object, _cur: object, statement: str, *_rest: object) -> None:
            seen.append(statement)

        event.listen(ws.engine, "before_cursor_execute", spy)
        try:
            claims.active_campaigns(conn)
        finally:
            event.remove(ws.engine, "before_cursor_execute", spy)
    (test_rows,) = [s for s in seen if "message_id >=" in s]
    plan = _plan(ws, test_rows, "edt-", "edt.", "queued")
    assert "sqlite_autoindex_outbox_message_1 (message_id>? AND message_id<?)" in plan, plan


def test_returning_leases_and_retries_reads_only_claimed_and_retry_rows(
    make_workspace: Callable[..., Workspace],
) -> None:
    """The lease and retry indexes are partial (migration 0015): a result leaves them at
    once, and the housekeeping still finds what it returns through them."""
    ws = make_workspace()
    _queued_campaign(ws, 3)
    expired = _plan(
        ws,
        "UPDATE outbox_message SET state = 'queued' WHERE state = 'claimed' AND lease_until < ?",
        "2026-01-01",
    )
    due = _plan(
        ws,
        "UPDATE outbox_message SET state = 'queued' WHERE state = 'retry' AND next_attempt_at <= ?",
        "2026-01-01",
    )
    assert "ix_outbox_claimed_lease" in expired and "ix_outbox_retry_due" in due


def test_a_claim_reads_the_picked_rows_once_with_the_rules_inputs(
    backend_workspace: Workspace,
) -> None:
    """The delivery rules' inputs (consent, zones, notifications on) come with the pick. The
    screen read the 1,000 picked rows again by their ids, then their consents by profile: ~12 µs
    of the service's CPU per message (issue 14's CPU goal). Only the claiming UPDATE names the
    rows one by one now, and an opt-out after queueing is still suppressed at the claim."""
    ws = backend_workspace
    campaign_id = _queued_campaign(ws, 600)
    with ws.engine.begin() as conn:
        withdrawn = list(conn.scalars(select(OutboxMessage.profile_id).limit(10)))
        conn.execute(
            update(Consent)
            .where(Consent.profile_id.in_(withdrawn))
            .values(state=ConsentState.DENIED)
        )
    listed: list[str] = []  # statements carrying 500 values or more: the picked rows' ids

    def spy(_c: object, _cur: object, statement: str, parameters: object, *_rest: object) -> None:
        if isinstance(parameters, tuple | dict) and len(parameters) >= 500:
            listed.append(statement.lstrip().split()[0].upper())

    event.listen(ws.engine, "before_cursor_execute", spy)
    try:
        with ws.engine.begin() as conn:
            taken = claims.claim(conn, campaign_id, "w", timedelta(minutes=1), 600)
    finally:
        event.remove(ws.engine, "before_cursor_execute", spy)
    assert listed == ["UPDATE"]
    assert len(taken) == 590
    with ws.session() as s:
        reasons = s.scalars(
            select(OutboxMessage.suppression_reason).where(OutboxMessage.profile_id.in_(withdrawn))
        ).all()
    assert reasons == ["no_push_consent"] * 10
