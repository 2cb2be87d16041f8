"""The local cache of computed figures: round trip, age, refresh, failures and bad payloads."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage_desktop.core.cache import (
    CacheError,
    compute_cached,
    forget_cached,
    get_cached,
    store_cached,
)
from engage_desktop.core.clock import FixedClock
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.models import App, CachedResult, Member, MemberRole, Profile, Role

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


@pytest.fixture
def ws(make_workspace: Any) -> Workspace:
    base = make_workspace()
    with base.session() as session:
        for name in ("One", "Two"):
            app = App(name=name, firebase_project_id=name.lower(), platforms=["ios"])
            session.add(app)
            session.flush()
            session.add(MemberRole(member_id=base.member_id, app_id=app.id, role=Role.ANALYST))
            session.add(Profile(app_id=app.id, external_id=f"{name}-1"))
    return replace(base, clock=FixedClock(NOW))


def _clock(ws: Workspace) -> FixedClock:
    assert isinstance(ws.clock, FixedClock)
    return ws.clock


def _profiles(session: Session) -> dict[str, Any]:
    return {"profiles": session.scalar(select(func.count()).select_from(Profile)), "t": (1, 2)}


def test_round_trip_age_and_refresh(ws: Workspace) -> None:
    assert get_cached(ws, 1, "overview") is None
    first = compute_cached(ws, 1, "overview", _profiles)
    # What comes back is what a later read returns: plain JSON (the tuple became a list).
    assert first.payload == {"profiles": 2, "t": [1, 2]}
    assert (first.from_cache, first.age_seconds, first.computed_at) == (False, 0.0, NOW)
    _clock(ws).set(NOW + timedelta(minutes=90))
    calls: list[int] = []

    def counting(session: Session) -> dict[str, Any]:
        calls.append(1)
        return _profiles(session)

    again = compute_cached(ws, 1, "overview", counting)
    assert calls == [] and again.from_cache
    assert (again.payload, again.computed_at, again.age_seconds) == (first.payload, NOW, 5400.0)
    read = get_cached(ws, 1, "overview")
    assert read == again
    with ws.session() as session:
        session.add(Profile(app_id=1, external_id="late"))
    fresh = compute_cached(ws, 1, "overview", counting, refresh=True)
    assert calls == [1] and not fresh.from_cache
    assert fresh.payload["profiles"] == 3 and fresh.computed_at == NOW + timedelta(minutes=90)
    assert get_cached(ws, 1, "overview") == replace(fresh, from_cache=True)
    with ws.session() as session:  # replaced in place, not a second row
        assert session.scalar(select(func.count()).select_from(CachedResult)) == 1


def test_max_age_recomputes_old_figures(ws: Workspace) -> None:
    compute_cached(ws, 1, "k", lambda s: 1)
    _clock(ws).set(NOW + timedelta(hours=2))
    assert compute_cached(ws, 1, "k", lambda s: 2, max_age_seconds=3 * 3600).payload == 1
    got = compute_cached(ws, 1, "k", lambda s: 2, max_age_seconds=3600)
    assert (got.payload, got.from_cache) == (2, False)


def test_keys_are_per_app(ws: Workspace) -> None:
    compute_cached(ws, 1, "k", lambda s: "one")
    compute_cached(ws, 2, "k", lambda s: "two")
    assert [get_cached(ws, a, "k").payload for a in (1, 2)] == ["one", "two"]  # type: ignore[union-attr]


def test_failed_computation_keeps_the_old_figure(ws: Workspace) -> None:
    compute_cached(ws, 1, "k", lambda s: {"v": 1})

    def boom(session: Session) -> Any:
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="went away"):
        compute_cached(ws, 1, "k", boom, refresh=True)
    with pytest.raises(CacheError, match="'k' is not plain JSON"):
        compute_cached(ws, 1, "k", lambda s: {"when": NOW}, refresh=True)
    with pytest.raises(CacheError, match="not plain JSON"):
        compute_cached(ws, 1, "k", lambda s: float("nan"), refresh=True)
    kept = get_cached(ws, 1, "k")
    assert kept is not None and kept.payload == {"v": 1} and kept.computed_at == NOW


def test_store_is_one_transaction_with_the_callers(ws: Workspace) -> None:
    with pytest.raises(RuntimeError), ws.session() as session:
        store_cached(session, 1, "k", [1, 2, 3], NOW)
        raise RuntimeError("later step of the same import failed")
    assert get_cached(ws, 1, "k") is None


def test_bad_keys_and_forget(ws: Workspace) -> None:
    with pytest.raises(CacheError, match="1 to 300 characters"):
        get_cached(ws, 1, "")
    with pytest.raises(CacheError, match="got 301"):
        compute_cached(ws, 1, "x" * 301, lambda s: 1)
    for key in ("chart:a", "chart:b", "chart_%", "other"):
        compute_cached(ws, 1, key, lambda s: 1)
    with ws.session() as session:
        assert forget_cached(session, 1, "chart:") == 2
        assert forget_cached(session, 1, "chart_%") == 1  # % and _ are literal in a prefix
    assert get_cached(ws, 1, "chart:a") is None and get_cached(ws, 1, "other") is not None
    with ws.session() as session:
        assert forget_cached(session, 1) == 1


def test_permission_is_checked(ws: Workspace) -> None:
    with ws.session() as session:
        stranger = Member(login="stranger", display_name="Stranger")
        session.add(stranger)
        session.flush()
        stranger_id = stranger.id
    other = replace(ws, member_id=stranger_id)
    with pytest.raises(PermissionDenied):
        get_cached(other, 1, "k")
    with pytest.raises(PermissionDenied):
        compute_cached(other, 1, "k", lambda s: 1, refresh=True)
    assert get_cached(ws, 1, "k") is None
