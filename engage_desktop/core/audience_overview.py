"""The audience at a glance: size, growth, activity, reach and devices, plus a 90-day series.

Computed from the workspace in a handful of indexed queries and kept in the local cache
(``core.cache``), so the Audiences page opens instantly and offline with the figure's age.

Definitions (all windows end at the computation time, UTC):
- *new in N days*: profiles created in the last N days (``profile.created_at``);
- *active in N days*: profiles seen in the last N days (``profile.last_seen_at``);
- *reachable per channel*: the same rule as segment counts (``segments.count.reach_conditions``);
- *daily active profiles*: per UTC day, the profiles that started a session (``session_start``
  in the ``event_daily`` rollup; GA4 logs it for every session). An app without that event
  counts profiles with any event that day instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from engage_desktop.core.cache import Cached, compute_cached
from engage_desktop.core.segments.count import app_reach
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Device, EventDaily, EventName, Profile
from engage_desktop.store.visibility import app_profiles

CACHE_KEY = "audience_overview:v1"
SERIES_DAYS = 90
WINDOWS = (7, 30)
EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class AudienceOverview:
    app_id: int
    profiles: int
    new: dict[int, int]  # window in days → profiles created in it
    active: dict[int, int]  # window in days → profiles seen in it
    reachable: dict[str, int]  # channel → reachable profiles
    devices_by_platform: dict[str, int]
    daily_active: list[tuple[date, int]]  # SERIES_DAYS points, oldest first, zeros included
    computed_at: datetime
    age_seconds: float
    from_cache: bool


def audience_overview(ws: Workspace, app_id: int, refresh: bool = False) -> AudienceOverview:
    """The app's overview from the cache when present, else computed now and cached."""
    cached = compute_cached(
        ws, app_id, CACHE_KEY, lambda s: compute_payload(s, app_id, ws.clock.now()), refresh=refresh
    )
    return from_cached(app_id, cached)


def from_cached(app_id: int, cached: Cached) -> AudienceOverview:
    p = cached.payload
    return AudienceOverview(
        app_id=app_id,
        profiles=p["profiles"],
        new={int(k): v for k, v in p["new"].items()},
        active={int(k): v for k, v in p["active"].items()},
        reachable=dict(p["reachable"]),
        devices_by_platform=dict(p["devices_by_platform"]),
        daily_active=[(EPOCH + timedelta(days=d), n) for d, n in p["daily_active"]],
        computed_at=cached.computed_at,
        age_seconds=cached.age_seconds,
        from_cache=cached.from_cache,
    )


def compute_payload(session: Session, app_id: int, now: datetime) -> dict[str, Any]:
    """The overview's figures as plain JSON (what the cache stores)."""
    in_app = app_profiles(session.get_bind().dialect.name, app_id)
    profiles = session.scalar(select(func.count()).where(in_app))
    return {
        "profiles": int(profiles or 0),
        "new": {str(n): _since(session, app_id, Profile.created_at, now, n) for n in WINDOWS},
        "active": {str(n): _since(session, app_id, Profile.last_seen_at, now, n) for n in WINDOWS},
        "reachable": app_reach(session, app_id),
        "devices_by_platform": _devices(session, app_id),
        "daily_active": _daily_active(session, app_id, now),
    }


def _since(session: Session, app_id: int, column: Any, now: datetime, days: int) -> int:
    in_app = app_profiles(session.get_bind().dialect.name, app_id)
    q = select(func.count()).where(in_app, column >= now - timedelta(days=days))
    return int(session.scalar(q) or 0)


def _devices(session: Session, app_id: int) -> dict[str, int]:
    q = (
        select(Device.platform, func.count())
        .where(Device.app_id == app_id)
        .group_by(Device.platform)
        .order_by(Device.platform)
    )
    return {platform: int(n) for platform, n in session.execute(q)}


def _daily_active(session: Session, app_id: int, now: datetime) -> list[list[int]]:
    """[[day number, profiles], ...] for the SERIES_DAYS UTC days ending with today's."""
    today = int(now.timestamp()) // 86400
    first = today - SERIES_DAYS + 1
    session_start = session.scalar(
        select(EventName.id).where(EventName.app_id == app_id, EventName.name == "session_start")
    )
    window = (EventDaily.day >= first, EventDaily.day <= today)
    if session_start is not None:
        # (name_id, day, profile_id) is the rollup's key: one row per profile and day.
        q = (
            select(EventDaily.day, func.count())
            .where(EventDaily.name_id == session_start, *window)
            .group_by(EventDaily.day)
        )
    else:
        names = select(EventName.id).where(EventName.app_id == app_id)
        q = (
            select(EventDaily.day, func.count(distinct(EventDaily.profile_id)))
            .where(EventDaily.name_id.in_(names), *window)
            .group_by(EventDaily.day)
        )
    found = {int(day): int(n) for day, n in session.execute(q)}
    return [[day, found.get(day, 0)] for day in range(first, today + 1)]
