"""A send time as people give it, checked once for every path (dialog, CLI).

A time is refused rather than guessed: text that is not ISO 8601, a time without its offset
(10:00 where?), a wall-clock time the chosen zone skips (the spring DST gap), an unknown zone,
or a time that is not in the future. ``ScheduleChoice`` is what gets stored: the instant, the
zone it was chosen in, and how recipients get it (``Timing``): at that instant, at that
wall-clock time in their own zone, or on that day at their own best hour (stored here; the
delivery rules, ``core.delivery.schedule``, honour it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from engage_desktop.core.messages import CodedError


class ScheduleError(CodedError, ValueError):
    """A send time that cannot be used; the code names the case, the arguments its parts.

    Codes: ``schedule_unparseable`` (text), ``schedule_no_offset`` (text),
    ``schedule_unknown_zone`` (zone), ``schedule_skipped_time`` (wall time, zone),
    ``schedule_past`` (time asked, now; both ISO in UTC), ``schedule_day_over`` (a best-hour
    day that has ended: day, zone), ``schedule_missing``.
    """


class Timing(StrEnum):
    """How recipients get a scheduled campaign; the value is the stored ``mode``."""

    AT = "at"  # everyone at the instant ``at``
    LOCAL_TIME = "local_time"  # at ``at``'s wall-clock time in each recipient's own zone
    BEST_HOUR = "best_hour"  # on ``at``'s day, at each recipient's best hour (their opens)


@dataclass(frozen=True)
class ScheduleChoice:
    """A checked send time.

    Attributes:
        at: the instant (aware); for ``LOCAL_TIME``, the instant in ``time_zone``; for
            ``BEST_HOUR``, the start of the chosen day in ``time_zone``.
        time_zone: the IANA zone the time was chosen in (shown back to people).
        timing: how recipients get it.
    """

    at: datetime
    time_zone: str
    timing: Timing = Timing.AT

    @property
    def at_utc(self) -> datetime:
        return self.at.astimezone(UTC)

    @property
    def wall(self) -> datetime:
        """The time as shown in its own zone."""
        return self.at.astimezone(zone(self.time_zone))

    def to_json(self) -> dict[str, Any]:
        """The keys stored in ``campaign.schedule`` (other keys there are kept)."""
        return {
            "mode": self.timing.value,
            "at": self.wall.isoformat(),
            "time_zone": self.time_zone,
        }


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(
            f"Unknown time zone {name!r}: give an IANA name such as Europe/Paris.",
            "schedule_unknown_zone",
            name,
        ) from None


def parse_iso(text: str) -> datetime:
    """ISO 8601 with an offset (``2026-12-15T10:00+01:00``, ``…Z``) → an aware datetime."""
    cleaned = text.strip()
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        raise ScheduleError(
            f"{cleaned!r} is not an ISO 8601 date and time (expected e.g. 2026-12-15T10:00+01:00).",
            "schedule_unparseable",
            cleaned,
        ) from None
    if parsed.tzinfo is None:
        raise ScheduleError(
            f"{cleaned!r} has no UTC offset: add one (e.g. +01:00 or Z) so the time is not "
            "guessed.",
            "schedule_no_offset",
            cleaned,
        )
    return parsed


def from_wall(day: date, clock_time: time, zone_name: str) -> datetime:
    """A date and time on the clocks of ``zone_name`` → the instant; refuses a skipped time.

    A time the clocks show twice (autumn) is the first of the two, as calendars do.
    """
    tz = zone(zone_name)
    naive = datetime.combine(day, clock_time.replace(tzinfo=None, fold=0))
    aware = naive.replace(tzinfo=tz)
    back = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if back != naive:
        shown = naive.isoformat(timespec="minutes")
        raise ScheduleError(
            f"{shown} does not exist in {zone_name} (the clocks skip it when they change).",
            "schedule_skipped_time",
            shown,
            zone_name,
        )
    return aware


def check_future(at: datetime, now: datetime) -> None:
    """Refuse a time that is not after ``now`` (both aware)."""
    if at <= now:
        asked = at.astimezone(UTC).isoformat(timespec="minutes")
        current = now.astimezone(UTC).isoformat(timespec="minutes")
        raise ScheduleError(
            f"{asked} is in the past (it is now {current}): choose a later time.",
            "schedule_past",
            asked,
            current,
        )


def day_start(day: date, zone_name: str) -> datetime:
    """The first moment of ``day`` on the clocks of ``zone_name`` (a best-hour day's ``at``)."""
    return datetime.combine(day, time(0), tzinfo=zone(zone_name))


def check_choice(chosen: ScheduleChoice, now: datetime) -> None:
    """Refuse a choice already over: a time not after ``now``; a best-hour day that has ended
    (today is fine: each recipient's hour still to come today, else tomorrow's)."""
    if chosen.timing != Timing.BEST_HOUR:
        check_future(chosen.at, now)
        return
    day = chosen.wall.date()
    if day_start(day + timedelta(days=1), chosen.time_zone) <= now:
        raise ScheduleError(
            f"{day.isoformat()} is over in {chosen.time_zone}: choose today or a later day.",
            "schedule_day_over",
            day.isoformat(),
            chosen.time_zone,
        )


def choice(
    at: datetime, zone_name: str, now: datetime, timing: Timing = Timing.AT
) -> ScheduleChoice:
    """The one check every path makes before a time is stored; for ``BEST_HOUR`` only the day
    of ``at`` (on the clocks of ``zone_name``) counts."""
    zone(zone_name)
    if timing == Timing.BEST_HOUR:
        at = day_start(at.astimezone(zone(zone_name)).date(), zone_name)
    chosen = ScheduleChoice(at, zone_name, timing)
    check_choice(chosen, now)
    return chosen


def suggested_time(now: datetime, zone_name: str) -> datetime:
    """A first proposal: the next whole hour at least an hour from ``now``, on the zone's clocks."""
    local = now.astimezone(zone(zone_name))
    start = local.replace(minute=0, second=0, microsecond=0)
    proposal = start.astimezone(UTC) + _HOUR * 2
    return proposal.astimezone(zone(zone_name))


_HOUR = timedelta(hours=1)
