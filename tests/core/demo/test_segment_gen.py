"""The demo's saved segments: each compiles and counts on SQLite and PostgreSQL, agreeing with
the plain-Python reference, and the demo ships them already counted (figures, reach, membership
snapshot, and the time they were computed)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from engage_desktop.core.demo.segment_gen import GAME_SEGMENTS, RETAIL_SEGMENTS
from engage_desktop.core.segments import count_segment, parse_rules
from engage_desktop.core.segments.count import count_profiles
from engage_desktop.core.segments.saved import store_count
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Segment, SegmentMember
from tests.support.demo import DEMO_ANCHOR
from tests.support.segment_reference import load_snapshot, reference_ids, reference_reach

SEEDED = {1: RETAIL_SEGMENTS, 2: GAME_SEGMENTS}


def demo_segments(session: Session, app_id: int) -> list[Segment]:
    return list(session.scalars(select(Segment).where(Segment.app_id == app_id)))


def snapshot_ids(session: Session, seg_id: int) -> set[int]:
    q = select(SegmentMember.profile_id).where(SegmentMember.segment_id == seg_id)
    return set(session.scalars(q))


def check_against_reference(session: Session) -> list[tuple[str, int]]:
    """Count every demo segment on this backend and compare with the reference evaluator."""
    sizes: list[tuple[str, int]] = []
    for app_id, seeded in SEEDED.items():
        snap = load_snapshot(session, app_id)
        segments = demo_segments(session, app_id)
        assert sorted(s.name for s in segments) == sorted(name for name, _d, _r in seeded)
        for seg in segments:
            rule = parse_rules(seg.rules)
            expected = reference_ids(snap, rule, DEMO_ANCHOR)
            counted = count_segment(session, app_id, rule, DEMO_ANCHOR)
            assert 0 < counted.profiles == len(expected) < len(snap.profiles), seg.name
            assert counted.reachable == reference_reach(snap, expected), seg.name
            assert count_profiles(session, app_id, rule, DEMO_ANCHOR) == counted.profiles
            # The figures shipped with the demo are these very figures, as of the demo's now.
            assert seg.computed_at == DEMO_ANCHOR, seg.name
            assert (seg.cached_count, seg.cached_reachable) == (
                counted.profiles,
                counted.reachable,
            ), seg.name
            assert snapshot_ids(session, seg.id) == expected, seg.name
            sizes.append((seg.name, counted.profiles))
    return sizes


def test_demo_segments_on_sqlite_match_the_reference(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        sizes = check_against_reference(session)
    assert len(sizes) == len(RETAIL_SEGMENTS) + len(GAME_SEGMENTS)


def test_demo_segments_on_postgresql_match_the_reference(pg_demo: Session) -> None:
    check_against_reference(pg_demo)
    # Recounting on PostgreSQL stores the same figures and snapshot as the SQLite build did.
    for seg in demo_segments(pg_demo, 1) + demo_segments(pg_demo, 2):
        shipped: tuple[Any, ...] = (seg.cached_count, seg.cached_reachable)
        before = snapshot_ids(pg_demo, seg.id)
        counted = store_count(pg_demo, seg, DEMO_ANCHOR)
        pg_demo.flush()
        assert (counted.profiles, counted.reachable) == shipped, seg.name
        assert snapshot_ids(pg_demo, seg.id) == before, seg.name


def test_copied_postgresql_database_takes_new_rows(pg_demo: Session) -> None:
    """The copy moved every sequence past the copied ids, so new rows insert in any table."""
    owned = pg_demo.execute(
        text(
            "SELECT table_name, column_name, "
            "pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq "
            "FROM information_schema.columns WHERE table_schema = 'public' "
            "AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL"
        )
    ).all()
    assert {"segment", "profile", "event", "campaign"} <= {table for table, _c, _s in owned}
    for table, column, seq in owned:
        largest = pg_demo.scalar(text(f'SELECT COALESCE(MAX("{column}"), 0) FROM "{table}"'))
        assert pg_demo.scalar(text("SELECT nextval(:s)"), {"s": seq}) > largest, table
    before = max(s.id for s in demo_segments(pg_demo, 1) + demo_segments(pg_demo, 2))
    seg = Segment(
        app_id=1, name="Nouveau", rules={"version": 1, "rules": {"type": "sample", "percent": 5}}
    )
    pg_demo.add(seg)
    pg_demo.flush()
    assert seg.id > before
