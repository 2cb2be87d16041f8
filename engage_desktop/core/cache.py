"""The local cache of computed figures: chart series, overviews, counts, kept in the workspace.

Anything slow to compute and worth showing offline is stored as a ``CachedResult`` row
(app, key, JSON payload, ``computed_at``). Readers get the figure with its age, so the GUI and
the CLI can say "computed 3 h ago" and offer a refresh.

Computing and storing are two transactions on purpose: the figure is computed in a read
transaction (long reads never hold SQLite's write lock, and a WAL reader cannot be upgraded to a
writer once another process has committed), then payload and ``computed_at`` replace the old row
in one short upsert. A computation that fails stores nothing and leaves the old figure in place.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import CachedResult

MAX_KEY_LENGTH = 300


class CacheError(ValueError):
    """A key or payload the cache cannot hold (too long, empty, not JSON)."""


@dataclass(frozen=True)
class Cached:
    """A cached figure: its payload (plain JSON values), when it was computed and how old it is.

    ``from_cache`` is False when the figure was computed by this call.
    """

    key: str
    payload: Any
    computed_at: datetime
    age_seconds: float
    from_cache: bool


def _check_key(key: str) -> str:
    if not key or len(key) > MAX_KEY_LENGTH:
        raise CacheError(f"cache key must be 1 to {MAX_KEY_LENGTH} characters, got {len(key)}")
    return key


def _as_json(key: str, payload: Any) -> Any:
    """The payload as it will read back (tuples become lists), or a clear error."""
    try:
        return json.loads(json.dumps(payload, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise CacheError(f"cached figure {key!r} is not plain JSON: {exc}") from exc


def get_cached(
    ws: Workspace, app_id: int, key: str, *, permission: Permission = Permission.VIEW_AUDIENCE
) -> Cached | None:
    """The cached figure ``key`` of ``app_id`` with its age, or None when never computed."""
    _check_key(key)
    with ws.session() as session:
        require(session, ws.member_id, app_id, permission)
        row = session.execute(
            select(CachedResult.payload, CachedResult.computed_at).where(
                CachedResult.app_id == app_id, CachedResult.key == key
            )
        ).first()
    if row is None:
        return None
    payload, computed_at = row
    age = (ws.clock.now() - computed_at).total_seconds()
    return Cached(key, payload, computed_at, max(0.0, age), True)


def compute_cached(
    ws: Workspace,
    app_id: int,
    key: str,
    compute: Callable[[Session], Any],
    *,
    refresh: bool = False,
    max_age_seconds: float | None = None,
    permission: Permission = Permission.VIEW_AUDIENCE,
) -> Cached:
    """Return the cached figure, or compute it with ``compute(session)`` and store it.

    ``refresh`` recomputes even when a cached figure exists; ``max_age_seconds`` recomputes
    one older than that. ``compute`` reads through the session it is given and returns plain
    JSON values (dicts, lists, str, int, float, bool, None).
    """
    if not refresh:
        found = get_cached(ws, app_id, key, permission=permission)
        if found is not None and (max_age_seconds is None or found.age_seconds <= max_age_seconds):
            return found
    _check_key(key)
    computed_at = ws.clock.now()
    with ws.session() as session:
        require(session, ws.member_id, app_id, permission)
        payload = _as_json(key, compute(session))
    with ws.session() as session:
        store_cached(session, app_id, key, payload, computed_at)
    return Cached(key, payload, computed_at, 0.0, False)


def store_cached(
    session: Session, app_id: int, key: str, payload: Any, computed_at: datetime
) -> None:
    """Insert or replace one cached figure inside the caller's transaction (one statement)."""
    values = {
        "app_id": app_id,
        "key": _check_key(key),
        "payload": _as_json(key, payload),
        "computed_at": computed_at,
    }
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = sqlite.insert if dialect == "sqlite" else postgresql.insert
        stmt = insert(CachedResult).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["app_id", "key"],
            set_={"payload": stmt.excluded.payload, "computed_at": stmt.excluded.computed_at},
        )
        session.execute(stmt)
        return
    row = session.scalar(
        select(CachedResult).where(CachedResult.app_id == app_id, CachedResult.key == key)
    )
    if row is None:
        session.add(CachedResult(**values))
    else:
        row.payload, row.computed_at = values["payload"], computed_at


def forget_cached(session: Session, app_id: int, prefix: str = "") -> int:
    """Drop the cached figures of ``app_id`` whose key starts with ``prefix`` (all by default).

    Writers that change what a figure describes (imports) call this in their own transaction.
    """
    q = delete(CachedResult).where(CachedResult.app_id == app_id)
    if prefix:
        q = q.where(CachedResult.key.startswith(prefix, autoescape=True))
    result: CursorResult[Any] = session.execute(q)  # type: ignore[assignment]
    return int(result.rowcount or 0)
