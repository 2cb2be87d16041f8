"""The earliest moment a row may leave, given the recipient's zone, quiet hours and SMS hours.

Everything is decided on the recipient's local wall clock and converted back to UTC through
the zone, so daylight-saving changes are followed. A local time that does not exist (the spring
gap) is read as the same wall time after the change (zoneinfo's ``fold=0``), which is later.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from engage_desktop.core.delivery.daily_window import DailyWindow
from engage_desktop.core.delivery.sms_hours import next_sms_opening, sms_allowed


def quiet_end_after(local: datetime, quiet: DailyWindow) -> datetime:
    """The naive local time the quiet hours holding ``local`` end (``local`` must be inside)."""
    day = local.date()
    if quiet.start > quiet.end and local.time() >= quiet.start:
        day += timedelta(days=1)  # 22:00 in 21:00-08:00: the window ends tomorrow
    return datetime.combine(day, quiet.end)


def to_utc(naive_local: datetime, zone: ZoneInfo) -> datetime:
    return naive_local.replace(tzinfo=zone).astimezone(UTC)


def _later(moment: datetime, naive_local: datetime, zone: ZoneInfo) -> datetime:
    """``naive_local`` as a UTC moment after ``moment``: in the autumn's repeated hour the
    first reading may lie behind us, then the second one (``fold=1``) is meant."""
    for fold in (0, 1):
        candidate = naive_local.replace(tzinfo=zone, fold=fold).astimezone(UTC)
        if candidate > moment:
            return candidate
    return moment + timedelta(minutes=1)


def first_allowed(
    at: datetime, zone: ZoneInfo, quiet: DailyWindow | None, marketing_sms: bool
) -> datetime | None:
    """``at`` (aware UTC) pushed past quiet hours and, for marketing SMS, the French SMS bans;
    None when no moment of the next eight days is allowed (quiet hours covering the whole of
    08:00-20:00 leave marketing SMS no window at all).

    The two rules may chase each other (quiet hours end at 08:00 on a Sunday): a few rounds
    settle it.
    """
    moment = at
    horizon = at + timedelta(days=8)
    while moment < horizon:
        local = moment.astimezone(zone)
        if quiet is not None and quiet.contains(local.time()):
            moment = _later(moment, quiet_end_after(local.replace(tzinfo=None), quiet), zone)
            continue
        if marketing_sms and not sms_allowed(local.replace(tzinfo=None)):
            moment = _later(moment, next_sms_opening(local), zone)
            continue
        return moment
    return None


def allowed_now(
    at: datetime, zone: ZoneInfo, quiet: DailyWindow | None, marketing_sms: bool
) -> bool:
    found = first_allowed(at, zone, quiet, marketing_sms)
    return found is not None and found <= at
