"""The audience overview against plain Python over the loaded rows, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from engage_desktop.core.audience_overview import SERIES_DAYS, audience_overview
from engage_desktop.core.clock import FixedClock
from engage_desktop.core.demo.generator import build_demo_workspace
from engage_desktop.core.workspace import Workspace, open_for_current_user
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.models import Consent, Device, Event, EventName, Profile

NOW = datetime(2026, 11, 1, 15, tzinfo=UTC)


def expected(ws: Workspace, app_id: int, now: datetime) -> dict[str, Any]:
    """The overview's figures the slow, obvious way: every row loaded and counted in Python."""
    with ws.session() as session:
        profiles = list(session.scalars(select(Profile).where(Profile.app_id == app_id)))
        devices = list(session.scalars(select(Device).where(Device.app_id == app_id)))
        ids = {p.id for p in profiles}
        consent = {
            (c.profile_id, c.channel.value)
            for c in session.scalars(select(Consent))
            if c.profile_id in ids and c.state.value == "granted"
        }
        starts = session.execute(
            select(Event.profile_id, Event.ts)
            .join(EventName, EventName.id == Event.name_id)
            .where(EventName.app_id == app_id, EventName.name == "session_start")
        ).all()
    push_ok = {
        d.profile_id
        for d in devices
        if d.profile_id and d.push_enabled and d.fcm_token and d.token_invalidated_at is None
    }
    per_day: dict[date, set[int]] = defaultdict(set)
    for pid, ts in starts:
        per_day[datetime.fromtimestamp(ts, UTC).date()].add(pid)
    days = [now.date() - timedelta(days=i) for i in range(SERIES_DAYS - 1, -1, -1)]

    def since(values: list[datetime | None], n: int) -> int:
        return sum(1 for v in values if v is not None and v >= now - timedelta(days=n))

    return {
        "profiles": len(profiles),
        "new": {n: since([p.created_at for p in profiles], n) for n in (7, 30)},
        "active": {n: since([p.last_seen_at for p in profiles], n) for n in (7, 30)},
        "reachable": {
            "push": sum(1 for p in profiles if p.id in push_ok and (p.id, "push") in consent),
            "sms": sum(1 for p in profiles if p.phone and (p.id, "sms") in consent),
            "email": sum(1 for p in profiles if p.email and (p.id, "email") in consent),
        },
        "devices_by_platform": dict(sorted(Counter(d.platform for d in devices).items())),
        "daily_active": [(d, len(per_day.get(d, ()))) for d in days],
    }


def check(ws: Workspace, app_id: int) -> None:
    got = audience_overview(ws, app_id)
    want = expected(ws, app_id, NOW)
    assert got.profiles == want["profiles"] > 0
    assert got.new == want["new"] and got.active == want["active"]
    assert got.reachable == want["reachable"]
    assert got.devices_by_platform == want["devices_by_platform"]
    assert got.daily_active == want["daily_active"]
    assert sum(n for _, n in got.daily_active) > 0
    assert (got.from_cache, got.computed_at, got.age_seconds) == (False, NOW, 0.0)
    assert got.active[7] <= got.active[30] <= got.profiles


def test_overview_matches_plain_python_on_sqlite(demo_workspace: Workspace) -> None:
    ws = replace(demo_workspace, clock=FixedClock(NOW))
    for app_id in (1, 2):
        check(ws, app_id)


def test_overview_is_read_from_cache_until_refreshed(demo_workspace: Workspace) -> None:
    clock = FixedClock(NOW)
    ws = replace(demo_workspace, clock=clock)
    first = audience_overview(ws, 1)
    with ws.session() as session:
        session.add(Profile(app_id=1, external_id="walk-in", created_at=NOW))
    clock.set(NOW + timedelta(hours=3))
    cached = audience_overview(ws, 1)
    assert cached.from_cache and cached.age_seconds == 3 * 3600
    assert replace(cached, from_cache=False, age_seconds=0.0) == first
    fresh = audience_overview(ws, 1, refresh=True)
    assert not fresh.from_cache and fresh.computed_at == NOW + timedelta(hours=3)
    assert fresh.profiles == first.profiles + 1
    assert fresh.daily_active[-1][0] == (NOW + timedelta(hours=3)).date()


@pytest.mark.postgres
def test_overview_matches_plain_python_on_postgresql(pg_url: str) -> None:
    build_demo_workspace(resolve_workspace(pg_url), users=300, seed=5, anchor=NOW)
    ws = open_for_current_user(resolve_workspace(pg_url), clock=FixedClock(NOW))
    try:
        check(ws, 1)
    finally:
        ws.close()
