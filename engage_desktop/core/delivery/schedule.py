"""A campaign's timing as the marketer chose it, read from ``campaign.schedule`` and checked.

The JSON document (composer, CLI) holds::

    {"mode": "now" | "at" | "local_time" | "best_hour",
     "at": "2026-12-05T10:00[+01:00]",      # "at": an instant (naive: the app's zone);
                                             # "local_time": a wall time in each recipient's zone;
                                             # "best_hour": the day to start from (optional)
     "until": "2026-12-06T23:59",            # do not send after (limited offers; naive: app zone)
     "throttle_per_minute": 500,             # at most this many messages a minute
     "transactional": false}                 # exempt from frequency caps

Bad input is refused with what and where: an unknown mode, a date that does not parse, a
schedule in the past, an offer that ends before it starts, a throttle that is not a positive
whole number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from engage_desktop.core.delivery.daily_window import RuleInputError

MODES = ("now", "at", "local_time", "best_hour")
PAST_GRACE = timedelta(minutes=1)  # "at 10:00" confirmed at 10:00:30 is not in the past


@dataclass(frozen=True)
class DeliverySchedule:
    mode: str = "now"
    at: datetime | None = None  # aware for "at"; naive wall time for "local_time"/"best_hour"
    until: datetime | None = None  # aware UTC
    throttle_per_minute: int | None = None
    transactional: bool = False

    @property
    def starts_local(self) -> bool:
        return self.mode in ("local_time", "best_hour")


def _moment(raw: Any, field: str) -> datetime:
    try:
        return datetime.fromisoformat(str(raw))
    except ValueError:
        raise RuleInputError(
            f"schedule.{field}: {raw!r} is not a date and time (YYYY-MM-DDTHH:MM).",
            "schedule_bad_date",
            f"schedule.{field}",
            str(raw),
        ) from None


def _aware(value: datetime, zone: ZoneInfo) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=zone)).astimezone(UTC)


def _throttle(raw: Any) -> int | None:
    if raw in (None, "", 0):
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | str) or not str(raw).isdigit():
        raise RuleInputError(
            f"schedule.throttle_per_minute: {raw!r} is not a whole number of messages.",
            "schedule_bad_throttle",
            str(raw),
        )
    return int(raw) or None


def parse_schedule(doc: dict[str, Any] | None, app_zone: ZoneInfo) -> DeliverySchedule:
    """The schedule of a campaign (``None``: send now, no limits)."""
    doc = doc or {}
    mode = str(doc.get("mode") or "now")
    if mode not in MODES:
        raise RuleInputError(
            f"schedule.mode: {mode!r} is not one of {', '.join(MODES)}.", "schedule_bad_mode", mode
        )
    at: datetime | None = None
    if doc.get("at") and mode != "now":  # a date left over from another mode means nothing
        at = _moment(doc["at"], "at")
        at = _aware(at, app_zone) if mode == "at" else at.replace(tzinfo=None)
    if mode in ("at", "local_time") and at is None:
        raise RuleInputError(
            f"schedule.at: the {mode} mode needs a date and time.", "schedule_needs_at", mode
        )
    until = _aware(_moment(doc["until"], "until"), app_zone) if doc.get("until") else None
    return DeliverySchedule(
        mode=mode,
        at=at,
        until=until,
        throttle_per_minute=_throttle(doc.get("throttle_per_minute")),
        transactional=bool(doc.get("transactional", False)),
    )


def for_send_now(schedule: DeliverySchedule) -> DeliverySchedule:
    """A person pressing "Send now" replaces the campaign's start time (the confirmation says
    so); local time, best hour, the offer's end and the throttle still apply."""
    if schedule.mode == "at":
        return DeliverySchedule(
            "now", None, schedule.until, schedule.throttle_per_minute, schedule.transactional
        )
    return schedule


def check_against_now(schedule: DeliverySchedule, now: datetime) -> None:
    """Refuse a schedule already over: a start or an offer end in the past."""
    if schedule.mode == "at" and schedule.at is not None and schedule.at < now - PAST_GRACE:
        raise RuleInputError(
            f"schedule.at: {schedule.at:%Y-%m-%d %H:%M} UTC is in the past.",
            "schedule_in_past",
            f"{schedule.at:%Y-%m-%d %H:%M} UTC",
        )
    if schedule.until is not None and schedule.until <= now:
        raise RuleInputError(
            f"schedule.until: the offer ended at {schedule.until:%Y-%m-%d %H:%M} UTC.",
            "schedule_offer_over",
            f"{schedule.until:%Y-%m-%d %H:%M} UTC",
        )
    start = schedule.at if schedule.mode == "at" else None
    if start is not None and schedule.until is not None and schedule.until <= start:
        raise RuleInputError(
            "schedule.until: the offer ends before the send starts.", "schedule_until_first"
        )


EARLIEST_ZONE = ZoneInfo("Pacific/Kiritimati")  # UTC+14: the first place a wall time comes
LATE_GRACE = timedelta(minutes=15)  # "10:00 local" reached at 10:10 (a late start) goes at once


def start_time(schedule: DeliverySchedule, now: datetime) -> datetime:
    """When the service should expand a scheduled campaign: its instant for ``at``; for
    ``local_time`` the wall time where it comes first (UTC+14), and for ``best_hour`` the start
    of its day there, so the send runs from the earliest time zone on (each row then waits for
    its own zone's hour); otherwise now."""
    if schedule.mode == "at" and schedule.at is not None:
        return schedule.at
    if schedule.starts_local and schedule.at is not None:
        return max(schedule.at.replace(tzinfo=EARLIEST_ZONE).astimezone(UTC), now)
    return now


def local_time_at(wall: datetime, zone: ZoneInfo, now: datetime) -> datetime:
    """When a ``local_time`` send reaches a recipient of ``zone``: the wall time ``wall`` on its
    date on their clocks; if that moment passed (more than ``LATE_GRACE`` before ``now``: the
    campaign started late, or after that date), the same wall time on the next day it is still
    ahead, as Braze's and Airship's local-time delivery do. Never before ``now``.

    A wall time the clocks skip (spring) is read as the same time after the change (02:30 →
    03:30); one they show twice (autumn) is the first of the two.
    """
    day = max(wall.date(), (now - LATE_GRACE).astimezone(zone).date() - timedelta(days=1))
    for _ in range(3):  # the local date of ``now`` or the day after: at most three tries
        at = datetime.combine(day, wall.time()).replace(tzinfo=zone).astimezone(UTC)
        if at >= now - LATE_GRACE:
            return max(at, now)
        day += timedelta(days=1)
    return max(at, now)  # pragma: no cover - a day later is always ahead of ``now``
