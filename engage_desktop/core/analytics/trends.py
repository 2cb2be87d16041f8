"""An app's results over time: daily sends, opens, conversions and opt-outs, and open hours.

- Daily trends are per UTC day, over the app's whole history (days without activity are simply
  absent; readers fill the range they show with zeros). Conversions are the campaigns'
  ``converted`` engagements of people who received a message (control-group ones excluded).
- Opens by hour of day × weekday are counted in each recipient's own time zone
  (``profile.time_zone``; UTC when unknown): the database groups opens by time zone and UTC
  hour, and each group is moved to local time here, daylight saving included.
  They are kept per local day and channel, so any date range and channel can be shown.
- The best hour is the local hour with the most opens (ties: the earliest).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from engage_desktop.store.models import (
    Campaign,
    EngagementEvent,
    EngagementKind,
    OutboxMessage,
    OutboxState,
    Profile,
)

TREND_SERIES = ("sent", "opened", "converted", "opted_out")
_ENGAGEMENT_SERIES = {
    EngagementKind.OPENED: "opened",
    EngagementKind.CONVERTED: "converted",
    EngagementKind.OPTED_OUT: "opted_out",
}


def compute_payload(session: Session, app_id: int) -> dict[str, Any]:
    """The app's trends and open hours as plain JSON (what the cache stores).

    ``hours`` keeps opens per local day, channel and local hour, so the page and the CLI can
    show the open hours of any date range and channel from the cache; ``heatmap`` and
    ``best_hour`` are over the whole history (the delivery rules read the app's best hour)."""
    hours = opens_by_local_day(session, app_id)
    heatmap = hours_grid(hours)
    return {
        "daily": daily_trends(session, app_id),
        "hours": hours,
        "heatmap": heatmap,
        "best_hour": best_hour(heatmap),
    }


def utc_prefix(column: Any, session: Session, length: int) -> ColumnElement[str]:
    """The leading ``length`` characters of the UTC ISO text of ``column`` (10: day, 13: hour)."""
    if session.get_bind().dialect.name == "postgresql":
        pattern = "YYYY-MM-DD" if length == 10 else "YYYY-MM-DD HH24"
        return func.to_char(func.timezone("UTC", column), pattern)
    return func.substr(column, 1, length)  # SQLite stores "YYYY-MM-DD HH:MM:SS.ffffff" in UTC


def utc_week(column: Any, session: Session) -> ColumnElement[str]:
    """The Monday (UTC, "YYYY-MM-DD") of the ISO week ``column`` falls in."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.date_trunc("week", func.timezone("UTC", column)), "YYYY-MM-DD")
    return func.date(column, "weekday 0", "-6 days")  # the next Sunday (or that day), less 6


def daily_trends(session: Session, app_id: int) -> dict[str, dict[str, int]]:
    """{"YYYY-MM-DD": {"sent": n, "opened": n, "converted": n, "opted_out": n}} per UTC day."""
    days: dict[str, dict[str, int]] = {}
    o = OutboxMessage
    day = utc_prefix(o.sent_at, session, 10)
    for text, count in session.execute(
        select(day, func.count())
        .where(o.app_id == app_id, o.state == OutboxState.SENT, o.sent_at.is_not(None))
        .group_by(day)
    ):
        days.setdefault(str(text)[:10], _zeros())["sent"] += int(count)
    g = EngagementEvent
    day = utc_prefix(g.at, session, 10)
    for text, kind, count in session.execute(
        select(day, g.kind, func.count())
        .join(Campaign, Campaign.id == g.campaign_id)
        .where(
            Campaign.app_id == app_id,
            g.is_control.is_(False),
            g.kind.in_(list(_ENGAGEMENT_SERIES)),
        )
        .group_by(day, g.kind)
    ):
        days.setdefault(str(text)[:10], _zeros())[_ENGAGEMENT_SERIES[EngagementKind(kind)]] += int(
            count
        )
    return dict(sorted(days.items()))


def _zeros() -> dict[str, int]:
    return dict.fromkeys(TREND_SERIES, 0)


def opens_heatmap(session: Session, app_id: int) -> list[list[int]]:
    """7 × 24 open counts: ``[weekday][hour]`` in local time, Monday first."""
    g = EngagementEvent
    hour = utc_prefix(g.at, session, 13)
    rows = session.execute(
        select(Profile.time_zone, hour, func.count())
        .select_from(g)
        .join(Campaign, Campaign.id == g.campaign_id)
        .outerjoin(Profile, Profile.id == g.profile_id)
        .where(Campaign.app_id == app_id, g.kind == EngagementKind.OPENED)
        .group_by(Profile.time_zone, hour)
    )
    return local_grid(rows)


def local_grid(rows: Iterable[Any]) -> list[list[int]]:
    """7 × 24 counts in local time from (time zone, "YYYY-MM-DD HH" in UTC, count) rows."""
    grid = [[0] * 24 for _ in range(7)]
    zones: dict[str | None, ZoneInfo] = {}
    for zone_name, text, count in rows:
        zone = zones.get(zone_name) or zones.setdefault(zone_name, _zone(zone_name))
        text = str(text)
        utc = datetime(
            int(text[0:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), tzinfo=UTC
        )
        local = utc.astimezone(zone)
        grid[local.weekday()][local.hour] += int(count)
    return grid


Hours = dict[str, dict[str, list[int]]]  # local "YYYY-MM-DD" → channel → opens per local hour


def opens_by_local_day(session: Session, app_id: int) -> Hours:
    """Opens per local day, channel (the campaign's format) and local hour."""
    g = EngagementEvent
    hour = utc_prefix(g.at, session, 13)
    rows = session.execute(
        select(Profile.time_zone, hour, Campaign.format, func.count())
        .select_from(g)
        .join(Campaign, Campaign.id == g.campaign_id)
        .outerjoin(Profile, Profile.id == g.profile_id)
        .where(Campaign.app_id == app_id, g.kind == EngagementKind.OPENED)
        .group_by(Profile.time_zone, hour, Campaign.format)
    )
    return local_hours(rows)


def local_hours(rows: Iterable[Any]) -> Hours:
    """``Hours`` from (time zone, "YYYY-MM-DD HH" in UTC, channel, count) rows."""
    found: Hours = {}
    zones: dict[str | None, ZoneInfo] = {}
    for zone_name, text, channel, count in rows:
        zone = zones.get(zone_name) or zones.setdefault(zone_name, _zone(zone_name))
        text = str(text)
        utc = datetime(
            int(text[0:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), tzinfo=UTC
        )
        local = utc.astimezone(zone)
        day = found.setdefault(local.date().isoformat(), {})
        day.setdefault(str(getattr(channel, "value", channel)), [0] * 24)[local.hour] += int(count)
    return dict(sorted(found.items()))


def hours_grid(
    hours: Hours,
    first: date | None = None,
    last: date | None = None,
    channel: str | None = None,
) -> list[list[int]]:
    """7 × 24 opens (``[weekday][hour]``, Monday first) over the local days of ``[first,
    last]`` (None: no bound) and one channel (None: all)."""
    grid = [[0] * 24 for _ in range(7)]
    low = first.isoformat() if first else ""
    high = last.isoformat() if last else "9999"
    for day, per_channel in hours.items():
        if not low <= day <= high:
            continue
        row = grid[date.fromisoformat(day).weekday()]
        for name, counts in per_channel.items():
            if channel is None or name == channel:
                for h, count in enumerate(counts):
                    row[h] += count
    return grid


def profile_open_hours(session: Session, app_id: int) -> dict[int, list[tuple[str, int]]]:
    """Per profile: ("YYYY-MM-DD HH" in UTC, opens) pairs, for each person's best hour
    (``core.delivery.plan`` reads them through ``local_grid`` and ``best_hour``)."""
    g = EngagementEvent
    hour = utc_prefix(g.at, session, 13)
    rows = session.execute(
        select(g.profile_id, hour, func.count())
        .join(Campaign, Campaign.id == g.campaign_id)
        .where(
            Campaign.app_id == app_id, g.kind == EngagementKind.OPENED, g.profile_id.is_not(None)
        )
        .group_by(g.profile_id, hour)
    )
    found: dict[int, list[tuple[str, int]]] = {}
    for profile_id, text, count in rows:
        found.setdefault(int(profile_id or 0), []).append((str(text), int(count)))
    return found


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name) if name else ZoneInfo("UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def best_hour(grid: list[list[int]]) -> int | None:
    """The local hour with the most opens over the week, or None with no opens at all."""
    per_hour = [sum(day[h] for day in grid) for h in range(24)]
    top = max(per_hour)
    return per_hour.index(top) if top > 0 else None


def days_between(first: date, last: date) -> list[date]:
    """Every day from ``first`` to ``last`` included (empty when ``last`` is before ``first``)."""
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]
