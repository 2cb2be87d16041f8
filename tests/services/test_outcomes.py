"""The retry budget is time (the message's time to live), counts only attempts that reached
FCM, and survives any Retry-After; tokens go only on per-device answers."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from engage_desktop.core.outbox.claims import Claimed
from engage_desktop.services.fcm.client import SendResult, Verdict
from engage_desktop.services.outcomes import MIN_RETRY_AFTER, PROJECT_TRIES, failed_answer
from engage_desktop.store.models import OutboxState

QUEUED_AT = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
TTL = 3600.0
DOWN = SendResult(Verdict.RETRY, 503, error_code="UNAVAILABLE", error_message="down")
REFUSED = SendResult(Verdict.RETRY, None, error_code="UNREACHABLE", unreachable=True)


def row(attempts: int = 0) -> Claimed:
    return Claimed(1, 2, 3, 4, "tok", "m-1", "A", attempts, 5, 1, QUEUED_AT)


def test_an_outage_within_the_time_to_live_is_retried_however_many_attempts() -> None:
    ten_minutes_in = QUEUED_AT + timedelta(minutes=10)
    outcome = failed_answer(row(attempts=40), DOWN, ten_minutes_in, TTL)
    assert outcome.state == OutboxState.RETRY and outcome.next_attempt_at is not None
    assert outcome.next_attempt_at - ten_minutes_in <= timedelta(seconds=60)


def test_past_the_time_to_live_a_message_fails_with_the_reason() -> None:
    outcome = failed_answer(row(attempts=3), DOWN, QUEUED_AT + timedelta(seconds=TTL), TTL)
    assert outcome.state == OutboxState.FAILED and outcome.error_code == "TTL_EXPIRED"
    assert "time to live (3600 s)" in (outcome.error_message or "")
    assert "UNAVAILABLE" in (outcome.error_message or "")


def test_refused_connections_are_not_counted() -> None:
    outcome = failed_answer(row(attempts=0), REFUSED, QUEUED_AT, TTL)
    assert outcome.state == OutboxState.RETRY and not outcome.reached
    assert outcome.next_attempt_at is not None
    assert outcome.next_attempt_at - QUEUED_AT <= timedelta(seconds=1)  # no longer backoff


def test_any_retry_after_is_survived_and_clamped() -> None:
    for value in (1e12, math.inf, math.nan):
        huge = SendResult(Verdict.RETRY, 429, error_code="QUOTA_EXCEEDED", retry_after=value)
        outcome = failed_answer(row(), huge, QUEUED_AT, TTL)
        assert outcome.state == OutboxState.RETRY and outcome.next_attempt_at is not None
        assert outcome.next_attempt_at - QUEUED_AT <= timedelta(seconds=60)


def test_a_retry_after_is_waited_as_given_however_many_attempts() -> None:
    """The fault: the wait was the larger of the Retry-After and exponential backoff, so a row
    told "retry after 1 s" a third time waited up to 4 s, a tenth time up to a minute: the tail
    of a send with a few 429s dragged on well past the server's word."""
    quota = SendResult(Verdict.RETRY, 429, error_code="QUOTA_EXCEEDED", retry_after=1.0)
    for attempts in range(1, 21):
        outcome = failed_answer(row(attempts=attempts), quota, QUEUED_AT, TTL)
        assert outcome.next_attempt_at == QUEUED_AT + timedelta(seconds=1)
    eager = SendResult(Verdict.RETRY, 429, error_code="QUOTA_EXCEEDED", retry_after=0.0)
    outcome = failed_answer(row(), eager, QUEUED_AT, TTL)
    assert outcome.next_attempt_at == QUEUED_AT + timedelta(seconds=MIN_RETRY_AFTER)
    without = failed_answer(row(attempts=3), DOWN, QUEUED_AT, TTL)  # no Retry-After: backoff
    assert without.next_attempt_at is not None
    assert without.next_attempt_at - QUEUED_AT >= timedelta(seconds=0.5)


def test_tokens_are_pruned_only_on_per_device_answers() -> None:
    dead = SendResult(Verdict.INVALID_TOKEN, 404, error_code="UNREGISTERED")
    bad_token = SendResult(
        Verdict.FAILED,
        400,
        error_code="INVALID_ARGUMENT",
        error_message="The registration token is not a valid FCM registration token",
    )
    mismatch = SendResult(Verdict.INVALID_TOKEN, 403, error_code="SENDER_ID_MISMATCH")
    assert failed_answer(row(), dead, QUEUED_AT, TTL).invalidate_device == 4
    assert failed_answer(row(), bad_token, QUEUED_AT, TTL).invalidate_device == 4
    kept = failed_answer(row(), mismatch, QUEUED_AT, TTL)
    assert kept.invalidate_device is None and kept.state == OutboxState.RETRY
    last = failed_answer(row(attempts=PROJECT_TRIES - 1), mismatch, QUEUED_AT, TTL)
    assert last.state == OutboxState.FAILED and last.invalidate_device is None
