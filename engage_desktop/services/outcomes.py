"""What the dispatcher writes back for a row, from FCM's answer and the row's retry budget.

The budget is time, not a count: a message is retried until its time to live has passed
since it was queued (FCM's default four weeks, or the campaign's ``ttl_seconds``), so a long
FCM outage delays messages instead of failing them. Only attempts that reached FCM count
toward the backoff: refused connections neither burn the budget nor lengthen the waits. A
project-level refusal keeps the row (and its token) a few times over, since a person fixing
the set-up lets it go; past that the row fails, its token still kept.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.services.faults import Scope, scope_of
from engage_desktop.services.fcm.client import SendResult
from engage_desktop.services.fcm.ratelimit import backoff, clamp_retry_after
from engage_desktop.store.models import OutboxState

PROJECT_TRIES = 3  # answers of a project-level refusal a row gets before it fails
MIN_RETRY_AFTER = 0.5  # a Retry-After of 0 must not turn into a tight loop of requests


def final_outcome(row: Claimed, result: SendResult, now: datetime, state: OutboxState) -> Outcome:
    return Outcome(
        row.outbox_id,
        row.campaign_id,
        state,
        now,
        result.http_status,
        error_code=result.error_code,
        error_message=result.error_message,
        duration_ms=result.duration_ms,
        reached=not result.unreachable,
    )


def retry_outcome(
    row: Claimed,
    result: SendResult,
    now: datetime,
    delay: float,
    state: OutboxState = OutboxState.RETRY,
) -> Outcome:
    """Back to the queue after ``delay`` (``state`` CLAIMED: the service keeps the row and
    sends it again itself, see ``core.outbox.results``)."""
    return Outcome(
        row.outbox_id,
        row.campaign_id,
        state,
        now,
        result.http_status,
        error_code=result.error_code,
        error_message=result.error_message,
        duration_ms=result.duration_ms,
        next_attempt_at=now + timedelta(seconds=delay),
        reached=not result.unreachable,
    )


def failed_answer(row: Claimed, result: SendResult, now: datetime, ttl: float) -> Outcome:
    """The outcome of any answer but a success: retry within the budget, or fail for good."""
    scope = scope_of(result)
    if scope is Scope.DEVICE:
        outcome = final_outcome(row, result, now, OutboxState.FAILED)
        if row.device_id is None:
            return outcome
        return outcome._replace(invalidate_device=row.device_id)
    if scope is Scope.MESSAGE or (scope is Scope.PROJECT and row.attempts + 1 >= PROJECT_TRIES):
        return final_outcome(row, result, now, OutboxState.FAILED)
    attempt = row.attempts + (0 if result.unreachable else 1)
    delay = retry_delay(result, attempt)
    deadline = (row.created_at or now) + timedelta(seconds=ttl)
    if now + timedelta(seconds=delay) > deadline:
        return expired(row, result, now, ttl)
    return retry_outcome(row, result, now, delay)


def retry_delay(result: SendResult, attempt: int) -> float:
    """The server's Retry-After when it gave one (clamped, at least ``MIN_RETRY_AFTER``), else
    exponential backoff. Backoff is not added on top: a row that got "retry after 1 s" three
    times waited 1 s each time, where the larger of the two had it wait up to 4 s."""
    given = clamp_retry_after(result.retry_after)
    if given is not None:
        return max(given, MIN_RETRY_AFTER)
    return backoff(max(attempt, 1))


def expired(row: Claimed, result: SendResult, now: datetime, ttl: float) -> Outcome:
    last = f"{result.error_code or 'error'}: {result.error_message or ''}".strip(": ")
    return Outcome(
        row.outbox_id,
        row.campaign_id,
        OutboxState.FAILED,
        now,
        result.http_status,
        error_code="TTL_EXPIRED",
        error_message=f"Not delivered within its time to live ({ttl:.0f} s); last answer {last}",
        duration_ms=result.duration_ms,
        reached=not result.unreachable,
    )
