"""A plain-Python reference evaluator (the test oracle): row by row over loaded data, no SQL
cleverness.

It states what each rule means; tests check the SQL compiler agrees with it, and the segments
benchmark uses it as the naive baseline. It lives with the tests, not in the shipped package.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.segments.compiler import EARTH_RADIUS_KM
from engage_desktop.core.segments.rule_errors import no_segment, no_store, segment_cycle
from engage_desktop.core.segments.rules import (
    DATE_COLUMNS,
    Attribute,
    ConsentRule,
    DeviceRule,
    EventRule,
    Group,
    LastEvent,
    Lifecycle,
    Location,
    Not,
    Rule,
    Sample,
    SegmentRef,
    parse_rules,
    sample_bucket,
    version_key,
)
from engage_desktop.store.models import (
    Consent,
    Device,
    Event,
    EventName,
    Profile,
    Segment,
    StoreLocation,
)


@dataclass
class Snapshot:
    """Everything of one app the rules can look at, in memory."""

    profiles: list[Profile]
    devices: dict[int, list[Device]] = field(default_factory=lambda: defaultdict(list))
    consent: dict[tuple[int, str], str] = field(default_factory=dict)
    # (profile_id, event name) → [(ts, params)]
    events: dict[tuple[int, str], list[tuple[int, dict[str, Any] | None]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    stores: dict[int, tuple[float, float]] = field(default_factory=dict)
    segments: dict[int, dict[str, Any]] = field(default_factory=dict)


def load_snapshot(session: Session, app_id: int, profile_ids: list[int] | None = None) -> Snapshot:
    """Load an app's profiles (all, or ``profile_ids``) with their devices, consent and events."""
    q = select(Profile).where(Profile.app_id == app_id)
    if profile_ids is not None:
        q = q.where(Profile.id.in_(profile_ids))
    snap = Snapshot(list(session.scalars(q)))
    wanted = sorted(p.id for p in snap.profiles)
    names_q = select(EventName.id, EventName.name).where(EventName.app_id == app_id)
    names = {nid: name for nid, name in session.execute(names_q)}
    for chunk in _chunks(wanted if profile_ids is not None else None):
        dq = select(Device).where(Device.app_id == app_id)
        cq = select(Consent).join(Profile).where(Profile.app_id == app_id)
        eq = select(Event.profile_id, Event.name_id, Event.ts, Event.params).where(
            Event.name_id.in_(list(names))
        )
        if chunk is not None:
            dq = dq.where(Device.profile_id.in_(chunk))
            cq = cq.where(Consent.profile_id.in_(chunk))
            eq = eq.where(Event.profile_id.in_(chunk))
        for d in session.scalars(dq):
            if d.profile_id is not None:
                snap.devices[d.profile_id].append(d)
        for c in session.scalars(cq):
            snap.consent[(c.profile_id, c.channel.value)] = c.state.value
        for pid, nid, ts, params in session.execute(eq):
            snap.events[(pid, names[nid])].append((ts, params))
    for s in session.scalars(select(StoreLocation).where(StoreLocation.app_id == app_id)):
        snap.stores[s.id] = (s.latitude, s.longitude)
    for seg in session.scalars(select(Segment).where(Segment.app_id == app_id)):
        snap.segments[seg.id] = {"name": seg.name, "rules": seg.rules}
    return snap


def _chunks(ids: list[int] | None, size: int = 900) -> list[list[int] | None]:
    """Whole table (None) or id lists small enough for any backend's parameter limit."""
    if ids is None:
        return [None]
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin(math.radians(lat2 - lat1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Reference:
    snap: Snapshot
    now: datetime
    stack: list[int] = field(default_factory=list)

    def matching_ids(self, rule: Rule) -> set[int]:
        return {p.id for p in self.snap.profiles if self.matches(rule, p)}

    def matches(self, rule: Rule, p: Profile) -> bool:
        if isinstance(rule, Group):
            fn = all if rule.kind == "all" else any
            return fn(self.matches(c, p) for c in rule.children)
        if isinstance(rule, Not):
            return not self.matches(rule.child, p)
        result: bool = getattr(self, "_" + type(rule).__name__.lower())(rule, p)
        return result

    def _attribute(self, rule: Attribute, p: Profile) -> bool:
        key = rule.json_key
        value: Any = (p.attributes or {}).get(key) if key else getattr(p, rule.field)
        op, arg = rule.op, rule.value
        if op == "is_set":
            return bool((value is not None) == arg)
        if value is None:
            return False
        if rule.field in DATE_COLUMNS:
            return self._date(rule.field, value, op, arg)
        if key is not None and op == "contains" and isinstance(value, list):
            return arg in value
        if not isinstance(value, str):
            return False
        if op == "equals":
            return bool(value == arg)
        if op == "not_equals":
            return bool(value != arg)
        if op == "one_of":
            return value in arg
        if op == "between":
            return bool(arg[0] <= value <= arg[1])
        return arg in value

    def _date(self, name: str, value: Any, op: str, arg: Any) -> bool:
        def bound(text: str) -> Any:
            day = date.fromisoformat(text)
            return day if name == "birth_date" else datetime.combine(day, time(), UTC)

        def next_day(text: str) -> Any:
            return bound((date.fromisoformat(text) + timedelta(days=1)).isoformat())

        if op == "before":
            return bool(value < bound(arg))
        if op == "after":
            return bool(value >= next_day(arg))
        if op == "between":
            return bool(bound(arg[0]) <= value < next_day(arg[1]))
        start = self.now - timedelta(days=arg)
        return bool(value >= (start.date() if name == "birth_date" else start))

    def _eventrule(self, rule: EventRule, p: Profile) -> bool:
        start = None
        if rule.within_days is not None:
            start = (int(self.now.timestamp()) // 86400 - rule.within_days + 1) * 86400
        n = 0
        for ts, params in self.snap.events.get((p.id, rule.name), ()):
            if start is not None and ts < start:
                continue
            if rule.param is not None:
                got = (params or {}).get(rule.param.key)
                if not isinstance(got, str) or got != rule.param.equals:
                    continue
            n += 1
        return (n >= rule.min_count) == rule.did

    def _lastevent(self, rule: LastEvent, p: Profile) -> bool:
        days = [ts // 86400 for ts, _params in self.snap.events.get((p.id, rule.name), ())]
        if not days:
            return False
        last = max(days)
        return last >= rule.day() if rule.after is not None else last < rule.day()

    def _location(self, rule: Location, p: Profile) -> bool:
        if rule.city is not None:
            return p.city == rule.city
        if rule.postal_prefix is not None:
            return p.postal_code is not None and p.postal_code.startswith(rule.postal_prefix)
        if p.latitude is None or p.longitude is None:
            return False
        assert rule.radius_km is not None
        if rule.store_id is not None:
            if rule.store_id not in self.snap.stores:
                raise no_store(rule.store_id)
            places = [self.snap.stores[rule.store_id]]
        else:
            places = list(self.snap.stores.values())
        return any(
            haversine_km(p.latitude, p.longitude, lat, lon) <= rule.radius_km for lat, lon in places
        )

    def _devicerule(self, rule: DeviceRule, p: Profile) -> bool:
        floor = version_key(rule.app_version_gte) if rule.app_version_gte else None
        for d in self.snap.devices.get(p.id, ()):
            if rule.platform is not None and d.platform != rule.platform:
                continue
            if rule.push_enabled is not None and d.push_enabled != rule.push_enabled:
                continue
            if rule.locale is not None and d.locale != rule.locale:
                continue
            if rule.time_zone is not None and d.time_zone != rule.time_zone:
                continue
            if floor is not None:
                k = version_key(d.app_version) if d.app_version else None
                if k is None or k < floor:
                    continue
            return True
        return False

    def _consentrule(self, rule: ConsentRule, p: Profile) -> bool:
        return self.snap.consent.get((p.id, rule.channel), "unknown") == rule.state

    def _lifecycle(self, rule: Lifecycle, p: Profile) -> bool:
        cutoff = self.now - timedelta(days=rule.days)
        if rule.stage == "new":
            return p.created_at >= cutoff
        return p.last_seen_at is None or p.last_seen_at < cutoff

    def _segmentref(self, rule: SegmentRef, p: Profile) -> bool:
        if rule.segment_id in self.stack:
            loop = [*self.stack[self.stack.index(rule.segment_id) :], rule.segment_id]
            names = [str(self.snap.segments.get(i, {}).get("name", i)) for i in loop]
            raise segment_cycle(rule.segment_id, self.stack, names)
        seg = self.snap.segments.get(rule.segment_id)
        if seg is None:
            raise no_segment(rule.segment_id)
        self.stack.append(rule.segment_id)
        try:
            return self.matches(parse_rules(seg["rules"]), p)
        finally:
            self.stack.pop()

    def _sample(self, rule: Sample, p: Profile) -> bool:
        return rule.percent >= 100 or sample_bucket(p.id, rule.seed) < round(rule.percent * 100)


def reference_ids(snap: Snapshot, rule: Rule, now: datetime) -> set[int]:
    """The profile ids of ``snap`` matching ``rule`` at ``now``, by plain Python."""
    return Reference(snap, now).matching_ids(rule)


def reference_reach(snap: Snapshot, expected: set[int]) -> dict[str, int]:
    """Reach per channel the plain way: consent granted and a usable device, phone or email."""
    by_id = {p.id: p for p in snap.profiles}
    push = {
        pid
        for pid in expected
        if snap.consent.get((pid, "push")) == "granted"
        and any(
            d.push_enabled and d.fcm_token and d.token_invalidated_at is None
            for d in snap.devices.get(pid, ())
        )
    }
    email = {
        pid
        for pid in expected
        if by_id[pid].email and snap.consent.get((pid, "email")) == "granted"
    }
    sms = {
        pid for pid in expected if by_id[pid].phone and snap.consent.get((pid, "sms")) == "granted"
    }
    return {"push": len(push), "sms": len(sms), "email": len(email)}
