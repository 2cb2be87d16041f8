"""Result writes through the driver (``core/outbox/results.py``), on SQLite and PostgreSQL:
every value reads back through the ORM as written, the attempt is logged, a rejected token is
marked, and a result of a claim no longer held changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.outbox.results import Outcome, record_outcomes
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import DeliveryAttempt, Device, OutboxMessage, OutboxState
from tests.support.sending import seed_app, seed_campaign


def test_each_field_of_a_result_reads_back_as_written(backend_workspace: Workspace) -> None:
    ws = backend_workspace
    campaign_id = seed_campaign(ws, seed_app(ws, 3))
    start_send(ws, campaign_id)
    at = datetime(2026, 12, 3, 10, 11, 12, 345678, tzinfo=UTC)
    with ws.engine.begin() as conn:
        sent, retried, dead = claims.claim(conn, campaign_id, "svc", timedelta(seconds=60), 3)
        counts = {r.outbox_id: r.claim_count for r in (sent, retried, dead)}
        record_outcomes(
            conn,
            "svc",
            [
                Outcome(
                    sent.outbox_id,
                    campaign_id,
                    OutboxState.SENT,
                    at,
                    200,
                    "projects/p/m/1",
                    duration_ms=1.5,
                ),
                Outcome(
                    retried.outbox_id,
                    campaign_id,
                    OutboxState.RETRY,
                    at,
                    503,
                    error_code="UNAVAILABLE",
                    error_message="é" * 3,
                    next_attempt_at=at + timedelta(seconds=30),
                ),
                Outcome(
                    dead.outbox_id,
                    campaign_id,
                    OutboxState.FAILED,
                    at,
                    404,
                    error_code="UNREGISTERED" * 10,
                    invalidate_device=dead.device_id,
                ),
            ],
            counts,
        )
        stale = Outcome(sent.outbox_id, campaign_id, OutboxState.FAILED, at, 500)
        record_outcomes(conn, "svc", [stale], {})  # no longer held: logged, not written
    with ws.session() as s:
        rows = {r.id: r for r in s.scalars(select(OutboxMessage))}
        one, two, three = rows[sent.outbox_id], rows[retried.outbox_id], rows[dead.outbox_id]
        assert (one.state, one.sent_at, one.provider_message_id, one.attempts) == (
            OutboxState.SENT,
            at,
            "projects/p/m/1",
            1,
        )
        assert (two.state, two.next_attempt_at, two.error_message, two.sent_at) == (
            OutboxState.RETRY,
            at + timedelta(seconds=30),
            "ééé",
            None,
        )
        assert (three.state, three.error_code) == (OutboxState.FAILED, ("UNREGISTERED" * 10)[:64])
        assert all(r.lease_until is None for r in (one, two, three))
        device = s.get(Device, dead.device_id)
        assert device is not None and device.token_invalidated_at == at
        attempts = s.execute(
            select(
                DeliveryAttempt.outbox_id,
                DeliveryAttempt.outcome,
                DeliveryAttempt.at,
                DeliveryAttempt.http_status,
                DeliveryAttempt.duration_ms,
            ).order_by(DeliveryAttempt.id)
        ).all()
    assert [tuple(a) for a in attempts] == [
        (sent.outbox_id, "sent", at, 200, 1.5),
        (retried.outbox_id, "retry", at, 503, None),
        (dead.outbox_id, "failed", at, 404, None),
        (sent.outbox_id, "failed", at, 500, None),
    ]


def test_an_answer_for_a_row_that_stays_held_keeps_its_claim_and_lease(
    backend_workspace: Workspace,
) -> None:
    """A 429 the service waits out holding the row: the attempt is counted and logged as a
    retry, the row stays claimed by the same claim with its lease (so a crash still gives it
    back), and the final result is then written under that claim."""
    ws = backend_workspace
    campaign_id = seed_campaign(ws, seed_app(ws, 1))
    start_send(ws, campaign_id)
    at = datetime(2026, 12, 3, 10, 11, 12, tzinfo=UTC)
    with ws.engine.begin() as conn:
        (held,) = claims.claim(conn, campaign_id, "svc", timedelta(seconds=60), 1)
        counts = {held.outbox_id: held.claim_count}
        quota = Outcome(
            held.outbox_id,
            campaign_id,
            OutboxState.CLAIMED,
            at,
            429,
            error_code="QUOTA_EXCEEDED",
            next_attempt_at=at + timedelta(seconds=1),
        )
        record_outcomes(conn, "svc", [quota], counts)
    with ws.session() as s:
        row = s.get(OutboxMessage, held.outbox_id)
        assert row is not None
        assert (row.state, row.claimed_by, row.claim_count, row.attempts) == (
            OutboxState.CLAIMED,
            "svc",
            held.claim_count,
            1,
        )
        assert row.lease_until is not None
    later = at + timedelta(seconds=1)
    with ws.engine.begin() as conn:
        sent = Outcome(held.outbox_id, campaign_id, OutboxState.SENT, later, 200, "projects/p/m/2")
        record_outcomes(conn, "svc", [sent], counts)
    with ws.session() as s:
        row = s.get(OutboxMessage, held.outbox_id)
        assert row is not None
        assert (row.state, row.attempts, row.sent_at, row.lease_until) == (
            OutboxState.SENT,
            2,
            later,
            None,
        )
        outcomes = s.scalars(select(DeliveryAttempt.outcome).order_by(DeliveryAttempt.id)).all()
    assert outcomes == ["retry", "sent"]
