"""Saved segments: create, edit, duplicate, delete, list with cached figures, refresh the cache.

Every change checks ``EDIT_AUDIENCE`` and leaves an audit entry in the same transaction.
``refresh_segment`` stores the count, per-channel reach and a membership snapshot, so lists open
instantly and offline, showing how old the figures are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, literal, select
from sqlalchemy.orm import Session

from engage_desktop.core.messages import CodedError
from engage_desktop.core.sorting import name_key
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Profile, Segment, SegmentMember

from .compiler import compile_segment
from .count import SegmentCount, count_segment
from .rule_errors import within_segment
from .rules import RULES_VERSION, Rule, RuleError, SegmentRef, parse_rules


class SegmentError(CodedError, ValueError):
    """A segment operation that cannot be done (unknown id, name taken, still referenced)."""


@dataclass(frozen=True)
class SegmentSummary:
    id: int
    name: str
    description: str | None
    cached_count: int | None
    cached_reachable: dict[str, int] | None
    computed_at: datetime | None
    age_seconds: float | None  # how old the cached figures are; None when never computed


def _get(session: Session, segment_id: int) -> Segment:
    seg = session.get(Segment, segment_id)
    if seg is None:
        raise SegmentError(f"segment {segment_id} does not exist", "no_segment", str(segment_id))
    return seg


def _check_name(session: Session, app_id: int, name: str, exclude: int | None = None) -> str:
    name = name.strip()
    if not name:
        raise SegmentError("a segment needs a name", "no_name")
    clash = session.scalar(select(Segment.id).where(Segment.app_id == app_id, Segment.name == name))
    if clash is not None and clash != exclude:
        raise SegmentError(
            f"a segment named {name!r} already exists in this app", "name_taken", name
        )
    return name


def _validated(session: Session, app_id: int, rules: dict[str, Any], now: datetime) -> Rule:
    """Parse and compile once, so bad references fail on save, not on first use."""
    rule = parse_rules(rules)
    compile_segment(session, app_id, rule, now)
    return rule


def create_segment(
    ws: Workspace, app_id: int, name: str, rules: dict[str, Any], description: str | None = None
) -> int:
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.EDIT_AUDIENCE)
        name = _check_name(session, app_id, name)
        rule = _validated(session, app_id, rules, ws.clock.now())
        seg = Segment(
            app_id=app_id,
            name=name,
            description=description,
            rules={"version": RULES_VERSION, "rules": rule.to_dict()},
            rules_version=RULES_VERSION,
        )
        session.add(seg)
        session.flush()
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="segment.create",
            target=f"segment:{seg.id}",
            details={"name": name},
        )
        return seg.id


def update_segment(
    ws: Workspace,
    segment_id: int,
    *,
    name: str | None = None,
    rules: dict[str, Any] | None = None,
    description: str | None = None,
) -> None:
    """Change a segment; new rules drop the cached figures (they no longer describe it)."""
    with ws.session() as session:
        seg = _get(session, segment_id)
        require(session, ws.member_id, seg.app_id, Permission.EDIT_AUDIENCE)
        changed: list[str] = []
        if name is not None:
            seg.name = _check_name(session, seg.app_id, name, exclude=seg.id)
            changed.append("name")
        if description is not None:
            seg.description = description
            changed.append("description")
        if rules is not None:
            rule = _validated(session, seg.app_id, rules, ws.clock.now())
            seg.rules = {"version": RULES_VERSION, "rules": rule.to_dict()}
            _forget_cache(session, seg)
            session.flush()
            _validated(session, seg.app_id, seg.rules, ws.clock.now())  # no cycle through others
            changed.append("rules")
        record(
            session,
            member_id=ws.member_id,
            app_id=seg.app_id,
            action="segment.update",
            target=f"segment:{seg.id}",
            details={"changed": changed},
        )


def _forget_cache(session: Session, seg: Segment) -> None:
    seg.cached_count = None
    seg.cached_reachable = None
    seg.computed_at = None
    session.execute(delete(SegmentMember).where(SegmentMember.segment_id == seg.id))


def _refs(rule: Rule) -> Iterator[int]:
    if isinstance(rule, SegmentRef):
        yield rule.segment_id
    for child in getattr(rule, "children", ()) or ((rule.child,) if hasattr(rule, "child") else ()):
        yield from _refs(child)


def delete_segment(ws: Workspace, segment_id: int) -> None:
    """Delete a segment no other segment refers to (those would silently change meaning)."""
    with ws.session() as session:
        seg = _get(session, segment_id)
        require(session, ws.member_id, seg.app_id, Permission.EDIT_AUDIENCE)
        users = [
            other.name
            for other in session.scalars(select(Segment).where(Segment.app_id == seg.app_id))
            if other.id != seg.id and segment_id in set(_refs(parse_rules(other.rules)))
        ]
        if users:
            names = ", ".join(sorted(users))
            raise SegmentError(
                f"segment {seg.name!r} is used by {names}; change those first",
                "in_use",
                seg.name,
                names,
            )
        record(
            session,
            member_id=ws.member_id,
            app_id=seg.app_id,
            action="segment.delete",
            target=f"segment:{seg.id}",
            details={"name": seg.name},
        )
        session.delete(seg)


def duplicate_segment(ws: Workspace, segment_id: int, name: str | None = None) -> int:
    with ws.session() as session:
        seg = _get(session, segment_id)
        app_id, rules, description = seg.app_id, dict(seg.rules), seg.description
        base = name or f"{seg.name} (copy)"
        candidate, n = base, 2
        while name is None and session.scalar(
            select(Segment.id).where(Segment.app_id == app_id, Segment.name == candidate)
        ):
            candidate, n = f"{base} {n}", n + 1
    return create_segment(ws, app_id, candidate, rules, description)


def list_segments(ws: Workspace, app_id: int) -> list[SegmentSummary]:
    """Segments of an app, by name (accents and case ignored), with their cached figures and
    age (no counting here)."""
    now = ws.clock.now()
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_AUDIENCE)
        found = session.scalars(select(Segment).where(Segment.app_id == app_id))
        rows = sorted(found, key=lambda s: name_key(s.name))
        return [
            SegmentSummary(
                s.id,
                s.name,
                s.description,
                s.cached_count,
                s.cached_reachable,
                s.computed_at,
                None if s.computed_at is None else (now - s.computed_at).total_seconds(),
            )
            for s in rows
        ]


def segment_summary(ws: Workspace, segment_id: int) -> SegmentSummary:
    """One segment's cached figures (raises SegmentError for an unknown id)."""
    with ws.session() as session:
        app_id = _get(session, segment_id).app_id
    return next(s for s in list_segments(ws, app_id) if s.id == segment_id)


def refresh_segment(ws: Workspace, segment_id: int) -> SegmentCount:
    """Recount a segment now and store the count, reach and membership snapshot."""
    now = ws.clock.now()
    with ws.session() as session:
        seg = _get(session, segment_id)
        require(session, ws.member_id, seg.app_id, Permission.VIEW_AUDIENCE)
        return store_count(session, seg, now)


def store_count(session: Session, seg: Segment, now: datetime) -> SegmentCount:
    """Count ``seg`` as of ``now`` and store the count, reach and membership snapshot.

    The caller checks permissions (``refresh_segment`` does); the demo builder calls this
    directly so its segments open with the same figures a Refresh would store.
    """
    try:
        rule = parse_rules(seg.rules)
    except RuleError as exc:
        raise within_segment(seg.id, seg.name, exc) from exc
    counted = count_segment(session, seg.app_id, rule, now)
    session.execute(delete(SegmentMember).where(SegmentMember.segment_id == seg.id))
    ids = compile_segment(session, seg.app_id, rule, now).subquery()
    session.execute(
        insert(SegmentMember).from_select(
            ["segment_id", "profile_id"], select(literal(seg.id), ids.c.id)
        )
    )
    seg.cached_count = counted.profiles
    seg.cached_reachable = dict(counted.reachable)
    seg.computed_at = now
    return counted


def segment_members(ws: Workspace, segment_id: int) -> list[tuple[int, str, str | None]]:
    """The snapshot's members as (profile id, external id, email), for exports.

    Needs the export right (``EXPORT_ANALYTICS``), not just viewing: the list leaves the
    workspace with people's emails in it.
    """
    with ws.session() as session:
        seg = _get(session, segment_id)
        require(session, ws.member_id, seg.app_id, Permission.EXPORT_ANALYTICS)
        q = (
            select(Profile.id, Profile.external_id, Profile.email)
            .join(SegmentMember, SegmentMember.profile_id == Profile.id)
            .where(SegmentMember.segment_id == seg.id)
            .order_by(Profile.id)
        )
        record(
            session,
            member_id=ws.member_id,
            app_id=seg.app_id,
            action="segment.export",
            target=f"segment:{seg.id}",
        )
        return [(pid, ext, email) for pid, ext, email in session.execute(q)]
