"""Outcome records the dispatcher writes back for a row (kept apart to keep the loop short)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.services.fcm.client import SendResult
from engage_desktop.store.models import OutboxState


def now() -> datetime:
    return datetime.now(UTC)


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
    )


def retry_outcome(row: Claimed, result: SendResult, now: datetime, delay: float) -> Outcome:
    return Outcome(
        row.outbox_id,
        row.campaign_id,
        OutboxState.RETRY,
        now,
        result.http_status,
        error_code=result.error_code,
        error_message=result.error_message,
        duration_ms=result.duration_ms,
        next_attempt_at=now + timedelta(seconds=delay),
    )
