"""Saved segments on a real demo workspace: CRUD, permissions, audit, the cached figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.segments import RuleError, count_segment, parse_rules
from engage_desktop.core.segments.saved import (
    SegmentError,
    SegmentSummary,
    create_segment,
    delete_segment,
    duplicate_segment,
    list_segments,
    refresh_segment,
    segment_members,
    update_segment,
)
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.models import AuditEntry, Member, MemberRole, Role, SegmentMember
from tests.support.demo import GOLD

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


@pytest.fixture
def ws(demo_workspace: Workspace) -> Workspace:
    return replace(demo_workspace, clock=FixedClock(NOW))


def by_id(summaries: list[SegmentSummary], seg_id: int) -> SegmentSummary:
    [found] = [s for s in summaries if s.id == seg_id]
    return found


def figures(summaries: list[SegmentSummary]) -> list[tuple[Any, ...]]:
    """What must not change when another segment is edited (the ages move with the clock)."""
    return [(s.id, s.name, s.cached_count, s.cached_reachable, s.computed_at) for s in summaries]


def test_create_refresh_list_and_age(ws: Workspace) -> None:
    demo = list_segments(ws, 1)  # the demo's saved segments, already counted
    seg_id = create_segment(ws, 1, "  Gold  ", GOLD, "loyal customers")
    before = by_id(list_segments(ws, 1), seg_id)
    assert (before.name, before.cached_count, before.age_seconds) == ("Gold", None, None)
    counted = refresh_segment(ws, seg_id)
    with ws.session() as session:
        expected = count_segment(session, 1, parse_rules(GOLD), NOW)
        snapshot = session.scalar(
            select(func.count())
            .select_from(SegmentMember)
            .where(SegmentMember.segment_id == seg_id)
        )
    assert counted == expected and counted.profiles > 0
    assert snapshot == counted.profiles
    assert isinstance(ws.clock, FixedClock)
    ws.clock.set(NOW + timedelta(minutes=5))
    listed = list_segments(ws, 1)
    assert figures([s for s in listed if s.id != seg_id]) == figures(demo)
    after = by_id(listed, seg_id)
    assert after.cached_count == counted.profiles
    assert after.cached_reachable == counted.reachable
    assert after.age_seconds == 300
    assert len(segment_members(ws, seg_id)) == counted.profiles


def test_update_drops_cache_duplicate_delete(ws: Workspace) -> None:
    demo = list_segments(ws, 1)
    demo_ids = {s.id for s in demo}
    seg_id = create_segment(ws, 1, "Gold", GOLD)
    refresh_segment(ws, seg_id)
    update_segment(ws, seg_id, rules={"version": 1, "rules": {"type": "sample", "percent": 10}})
    summary = by_id(list_segments(ws, 1), seg_id)
    assert summary.cached_count is None
    copy_id = duplicate_segment(ws, seg_id)
    copy2_id = duplicate_segment(ws, seg_id)
    names = [s.name for s in list_segments(ws, 1) if s.id not in demo_ids]
    assert names == ["Gold", "Gold (copy)", "Gold (copy) 2"]
    user = create_segment(
        ws, 1, "Uses copy", {"version": 1, "rules": {"type": "segment", "segment_id": copy_id}}
    )
    with pytest.raises(SegmentError, match="is used by Uses copy"):
        delete_segment(ws, copy_id)
    delete_segment(ws, user)
    delete_segment(ws, copy_id)
    delete_segment(ws, copy2_id)
    assert [s.name for s in list_segments(ws, 1) if s.id not in demo_ids] == ["Gold"]
    assert figures([s for s in list_segments(ws, 1) if s.id in demo_ids]) == figures(demo)
    with ws.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions.count("segment.create") == 4
    assert actions.count("segment.delete") == 3
    assert "segment.update" in actions


@pytest.mark.parametrize(
    ("rules", "error", "message"),
    [
        (
            {"version": 1, "rules": {"type": "segment", "segment_id": 777}},
            RuleError,
            "no such segment",
        ),
        ({"version": 1, "rules": {"all": [{"type": "nope"}]}}, RuleError, r"rules.all\[0\].type"),
    ],
)
def test_bad_rules_are_refused_on_save(
    ws: Workspace, rules: dict[str, Any], error: type, message: str
) -> None:
    before = list_segments(ws, 1)
    with pytest.raises(error, match=message):
        create_segment(ws, 1, "Bad", rules)
    assert list_segments(ws, 1) == before
    assert "Bad" not in {s.name for s in before}


def test_names_cycles_and_unknown_ids(ws: Workspace) -> None:
    a = create_segment(ws, 1, "A", GOLD)
    b = create_segment(ws, 1, "B", {"version": 1, "rules": {"type": "segment", "segment_id": a}})
    with pytest.raises(SegmentError, match="'B' already exists"):
        create_segment(ws, 1, "B", GOLD)
    with pytest.raises(RuleError, match="refers to itself"):
        update_segment(ws, a, rules={"version": 1, "rules": {"type": "segment", "segment_id": b}})
    with pytest.raises(SegmentError, match="segment 999 does not exist"):
        refresh_segment(ws, 999)


def test_analyst_cannot_edit(ws: Workspace) -> None:
    with ws.session() as session:
        member = Member(login="ana", display_name="Ana Lyst")
        session.add(member)
        session.flush()
        session.add(MemberRole(member_id=member.id, app_id=1, role=Role.ANALYST))
        analyst_id = member.id
    analyst = replace(ws, member_id=analyst_id)
    with pytest.raises(PermissionDenied):
        create_segment(analyst, 1, "Gold", GOLD)
    seg_id = create_segment(ws, 1, "Gold", GOLD)
    with pytest.raises(PermissionDenied):
        delete_segment(analyst, seg_id)
    assert refresh_segment(analyst, seg_id).profiles > 0  # viewing and recounting is allowed
