"""The demo generator: deterministic, realistic, consistent."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from engage_desktop.core.demo.generator import build_demo_workspace
from engage_desktop.core.progress import Cancelled, CancelToken, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.errors import WorkspaceError
from engage_desktop.store.location import resolve_workspace

ANCHOR = datetime(2026, 6, 15, tzinfo=UTC)
TABLES = (
    "app",
    "member",
    "member_role",
    "profile",
    "device",
    "consent",
    "event",
    "event_daily",
    "store_location",
    "campaign",
    "campaign_variant",
    "outbox_message",
    "engagement_event",
)


def _table_digest(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        digests = {}
        for table in TABLES:
            h = hashlib.sha256()
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3"):
                h.update(repr(row).encode())
            digests[table] = h.hexdigest()
        return digests
    finally:
        conn.close()


def _build(path: Path, seed: int, users: int = 600) -> None:
    build_demo_workspace(
        resolve_workspace(str(path)), users=users, seed=seed, anchor=ANCHOR, admin_login="tester"
    )


def test_same_seed_same_data(tmp_path: Path) -> None:
    _build(tmp_path / "a.sqlite", seed=3)
    _build(tmp_path / "b.sqlite", seed=3)
    _build(tmp_path / "c.sqlite", seed=4)
    a, b, c = (_table_digest(tmp_path / f"{n}.sqlite") for n in "abc")
    assert a == b
    assert a["profile"] != c["profile"]
    assert a["event"] != c["event"]


def test_demo_is_realistic_and_consistent(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    q = lambda sql: conn.execute(sql).fetchall()  # noqa: E731
    assert [r[0] for r in q("SELECT name FROM app ORDER BY id")] == [
        "Maison Lumière",
        "Pixel Quest",
    ]
    profiles = q("SELECT COUNT(*) FROM profile")[0][0]
    events = q("SELECT COUNT(*) FROM event")[0][0]
    assert 15 <= events / profiles <= 30  # ≈ 20 M events for a million users
    # Every event's rollup adds up, per name.
    assert q("SELECT SUM(count) FROM event_daily")[0][0] == events
    # French cities with real coordinates: Paris profiles sit near Paris.
    lat, lon = q("SELECT AVG(latitude), AVG(longitude) FROM profile WHERE city = 'Paris'")[0]
    assert abs(lat - 48.86) < 0.05 and abs(lon - 2.35) < 0.06
    names = {r[0] for r in q("SELECT name FROM event_name")}
    assert {
        "first_open",
        "session_start",
        "view_item",
        "add_to_cart",
        "purchase",
        "notification_receive",
        "notification_open",
    } <= names
    platforms = dict(q("SELECT platform, COUNT(*) FROM device GROUP BY platform"))
    assert set(platforms) == {"ios", "android"}
    assert q("SELECT COUNT(*) FROM device WHERE is_test")[0][0] == 6
    consent = dict(q("SELECT state, COUNT(*) FROM consent WHERE channel = 'push' GROUP BY state"))
    assert consent["granted"] > consent.get("denied", 0) > 0
    # Opens are attributed: each notification_open carries a message id that was really sent.
    orphan_opens = q(
        "SELECT COUNT(*) FROM event e JOIN event_name n ON n.id = e.name_id "
        "WHERE n.name = 'notification_open' AND json_extract(e.params, '$.message_id') NOT IN "
        "(SELECT message_id FROM outbox_message)"
    )[0][0]
    assert orphan_opens == 0
    statuses = {r[0] for r in q("SELECT status FROM campaign")}
    assert {"completed", "draft", "scheduled"} <= statuses
    # Hours follow a daily rhythm: evenings are busier than 3-5 am (UTC+1 local time).
    by_hour = dict(q("SELECT (ts / 3600 + 1) % 24, COUNT(*) FROM event GROUP BY 1"))
    assert by_hour[20] > 3 * by_hour[4]
    conn.close()


def test_existing_file_is_kept_unless_replaced(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    _build(path, seed=1, users=50)
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="already exists"):
        _build(path, seed=2, users=50)
    assert path.read_bytes() == before


def test_cancelled_build_leaves_nothing(tmp_path: Path) -> None:
    token = CancelToken()

    def cancel_soon(done: int, _total: int | None, _message: str) -> None:
        if done > 20:
            token.cancel()

    path = tmp_path / "w.sqlite"
    with pytest.raises(Cancelled):
        build_demo_workspace(
            resolve_workspace(str(path)), users=500, progress=Progress(cancel_soon, token)
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.postgres
def test_demo_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    summary = build_demo_workspace(resolve_workspace(pg_url), users=300, seed=5, anchor=ANCHOR)
    assert summary.profiles == 306
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url.replace("postgresql+psycopg", "postgresql+psycopg"))
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT COUNT(*) FROM profile")) == 306
        assert conn.scalar(text("SELECT SUM(count) FROM event_daily")) == conn.scalar(
            text("SELECT COUNT(*) FROM event")
        )
        # The saved segments are counted on PostgreSQL too, as of the anchor, with a snapshot.
        segments = conn.execute(
            text(
                "SELECT s.cached_count, s.computed_at, s.cached_reachable, "
                "(SELECT COUNT(*) FROM segment_member m WHERE m.segment_id = s.id) FROM segment s"
            )
        ).all()
        assert len(segments) == 8
        for count, computed_at, reachable, members in segments:
            assert count == members and computed_at == ANCHOR
            assert set(reachable) == {"push", "sms", "email"}
        # Sequences moved past the explicit ids: a normal insert still works.
        conn.execute(text("INSERT INTO event_name (app_id, name) VALUES (1, 'custom_event')"))
    engine.dispose()
    with pytest.raises(WorkspaceError, match="already holds apps"):
        build_demo_workspace(resolve_workspace(pg_url), users=50, seed=5, anchor=ANCHOR)


def test_demo_segments_are_valid_and_count_something(demo_workspace: Workspace) -> None:
    """Every seeded segment parses, compiles and selects part of its app (not 0, not all)."""
    from sqlalchemy import select

    from engage_desktop.core.segments.count import count_segment
    from engage_desktop.core.segments.rules import parse_rules
    from engage_desktop.store.models import Profile, Segment

    anchor = datetime(2026, 11, 1, tzinfo=UTC)  # the demo_workspace fixture's anchor

    with demo_workspace.session() as session:
        segments = session.scalars(select(Segment)).all()
        assert {s.app_id for s in segments} == {1, 2}
        for seg in segments:
            total = session.query(Profile).filter(Profile.app_id == seg.app_id).count()
            found = count_segment(session, seg.app_id, parse_rules(seg.rules), anchor)
            assert 0 < found.profiles < total, seg.name
