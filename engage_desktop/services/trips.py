"""The reason a breaker gives when it pauses a send (``core.outbox.pause_reasons`` codes)."""

from __future__ import annotations

from engage_desktop.core.outbox.pause_reasons import PAUSE_REASONS
from engage_desktop.services.apps import AppSender
from engage_desktop.services.faults import AppHealth, Scope, Trip, scope_of


def pause_reason(trip: Trip, sender: AppSender, health: AppHealth, now: float) -> str:
    """English, made from the coded template, so the GUI can word it in French."""
    if trip is Trip.PAUSE_CAMPAIGN:
        return PAUSE_REASONS.english("message_refused", *_refusal(health))
    if trip is Trip.PAUSE_APP:
        return PAUSE_REASONS.english("project_refused", *sender.who, *_refusal(health))
    last = health.last_trouble
    seconds = f"{health.outage_seconds(now):.0f}"
    if last is None:
        return PAUSE_REASONS.english("fcm_unavailable", "?", seconds)
    what = last.error_code or f"HTTP {last.http_status}"
    if last.unreachable:
        where = sender.client.where
        return PAUSE_REASONS.english("fcm_unreachable", where, seconds, last.error_message or "?")
    if scope_of(last) is Scope.QUOTA:
        return PAUSE_REASONS.english("fcm_quota", what, seconds)
    return PAUSE_REASONS.english("fcm_unavailable", what, seconds)


def _refusal(health: AppHealth) -> tuple[str, str]:
    """The code and message of the refusal that opened the breaker."""
    last = health.last_refusal
    if last is None:
        return health.project_code or "?", "?"
    return last.error_code or f"HTTP {last.http_status}", (last.error_message or "?")[:300]
