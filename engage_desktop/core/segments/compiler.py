"""Compile a rule tree to SQLAlchemy Core: ``select(Profile.id)`` of one app.

The same SQL runs on SQLite and PostgreSQL; where they differ (JSON access, substring search)
the compiler picks the dialect's spelling. Event counts in a window read the ``event_daily``
rollup; only rules with a parameter filter touch raw events.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    false,
    func,
    literal_column,
    not_,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from engage_desktop.store.models import (
    INDEXED_ATTRIBUTES,
    Consent,
    Device,
    Event,
    EventDaily,
    EventName,
    Profile,
    Segment,
    StoreLocation,
    sql_constant,
)
from engage_desktop.store.visibility import app_profiles

from .rule_errors import no_segment, no_store, segment_cycle, within_segment
from .rules import (
    DATE_COLUMNS,
    SAMPLE_MODULUS,
    SAMPLE_MULTIPLIER,
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
    RuleError,
    Sample,
    SegmentRef,
    parse_rules,
    version_key,
)

EARTH_RADIUS_KM = 6371.0088


@dataclass
class Compiler:
    """Per-query state: the session (for small lookups), the app, ``now`` and the dialect."""

    session: Session
    app_id: int
    now: datetime
    stack: list[int] = field(default_factory=list)

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    def select_ids(self, rule: Rule) -> Select[int]:
        in_app = app_profiles(self.dialect, self.app_id)
        return select(Profile.id).where(in_app, self.condition(rule))

    def condition(self, rule: Rule) -> ColumnElement[bool]:
        if isinstance(rule, Group):
            parts = [self.condition(c) for c in rule.children]
            return and_(*parts) if rule.kind == "all" else or_(*parts)
        if isinstance(rule, Not):
            return not_(self.condition(rule.child))
        handler = getattr(self, "_" + type(rule).__name__.lower())
        result: ColumnElement[bool] = handler(rule)
        return result

    # -- profile fields -------------------------------------------------------------------

    def _attribute(self, rule: Attribute) -> ColumnElement[bool]:
        key = rule.json_key
        if key is not None:
            return self._json_attribute(key, rule)
        col: Any = getattr(Profile, rule.field)
        op, value = rule.op, rule.value
        if op == "is_set":
            cond: ColumnElement[bool] = col.is_not(None) if value else col.is_(None)
            return cond
        # Every leaf is two-valued (never NULL), so NOT behaves as in the reference evaluator.
        return and_(col.is_not(None), self._column_condition(rule, col))

    def _column_condition(self, rule: Attribute, col: Any) -> ColumnElement[bool]:
        op, value = rule.op, rule.value
        if rule.field in DATE_COLUMNS:
            return self._date_condition(rule.field, col, op, value)
        if op == "equals":
            return col == value  # type: ignore[no-any-return]
        if op == "not_equals":
            return col != value  # type: ignore[no-any-return]
        if op == "one_of":
            return col.in_(value)  # type: ignore[no-any-return]
        if op == "between":
            # Code-point order on both backends (PostgreSQL would otherwise use the locale's).
            ordered = col.collate("C") if self.dialect == "postgresql" else col
            return ordered.between(value[0], value[1])  # type: ignore[no-any-return]
        return self._substring(col, value)

    def _substring(self, col: Any, value: str) -> ColumnElement[bool]:
        fn = func.strpos if self.dialect == "postgresql" else func.instr
        return fn(col, value) > 0

    def _date_condition(self, name: str, col: Any, op: str, value: Any) -> ColumnElement[bool]:
        def bound(text: str) -> Any:
            day = date.fromisoformat(text)
            return day if name == "birth_date" else datetime.combine(day, time(), UTC)

        if op == "before":
            return col < bound(value)  # type: ignore[no-any-return]
        if op == "after":
            # After a day means from the next day on.
            return col >= bound((date.fromisoformat(value) + timedelta(days=1)).isoformat())  # type: ignore[no-any-return]
        if op == "between":
            high = (date.fromisoformat(value[1]) + timedelta(days=1)).isoformat()
            return and_(col >= bound(value[0]), col < bound(high))
        start = self.now - timedelta(days=value)
        if name == "birth_date":
            return col >= start.date()  # type: ignore[no-any-return]
        return col >= start  # type: ignore[no-any-return]

    def _json_text(self, key: str) -> Any:
        """``attributes.<key>`` as text: the promoted, indexed column when there is one."""
        if key in INDEXED_ATTRIBUTES:
            return getattr(Profile, f"attr_{key}")
        # The key is validated (letters, digits, _), so a literal path is safe, and it keeps
        # the SQL identical from one query to the next.
        if self.dialect == "postgresql":
            return Profile.attributes.op("->>")(literal_column(f"'{key}'"))
        return func.json_extract(Profile.attributes, literal_column(f"'$.{key}'"))

    def _json_attribute(self, key: str, rule: Attribute) -> ColumnElement[bool]:
        text, op, value = self._json_text(key), rule.op, rule.value
        if self.dialect == "postgresql":
            kind = func.jsonb_typeof(Profile.attributes.op("->")(literal_column(f"'{key}'")))
        else:
            kind = func.json_type(Profile.attributes, literal_column(f"'$.{key}'"))
        scalar = and_(kind.is_not(None), kind.in_(("text", "string")))
        if op == "is_set":
            present = and_(kind.is_not(None), kind != "null")
            return present if value else not_(present)
        if op == "equals":
            return and_(scalar, text == value)
        if op == "not_equals":
            return and_(scalar, text != value)
        if op == "one_of":
            return and_(scalar, text.in_(value))
        # contains: an element of a list, or a substring of a string.
        return or_(and_(scalar, self._substring(text, value)), self._json_has(key, value))

    def _json_has(self, key: str, value: str) -> ColumnElement[bool]:
        if self.dialect == "postgresql":
            node = Profile.attributes.op("->")(key)
            return and_(
                func.jsonb_typeof(node).is_not(None),
                func.jsonb_typeof(node) == "array",
                node.op("@>")(func.jsonb_build_array(value)),
            )
        items = func.json_each(Profile.attributes, f"$.{key}").table_valued("value", "type")
        return and_(
            func.json_type(Profile.attributes, f"$.{key}").is_not(None),
            func.json_type(Profile.attributes, f"$.{key}") == "array",
            exists(select(literal_column("1")).select_from(items).where(items.c.value == value)),
        )

    # -- behaviour ------------------------------------------------------------------------

    def _eventrule(self, rule: EventRule) -> ColumnElement[bool]:
        name_id = (
            select(EventName.id)
            .where(EventName.app_id == self.app_id, EventName.name == rule.name)
            .scalar_subquery()
        )
        start_day = None
        if rule.within_days is not None:
            start_day = int(self.now.timestamp()) // 86400 - rule.within_days + 1
        if rule.param is None:
            q = select(EventDaily.profile_id).where(EventDaily.name_id == name_id)
            if start_day is not None:
                q = q.where(EventDaily.day >= start_day)
            if rule.min_count > 1:
                q = q.group_by(EventDaily.profile_id).having(
                    func.sum(EventDaily.count) >= rule.min_count
                )
        else:
            q = select(Event.profile_id).where(Event.name_id == name_id, self._param(rule))
            if start_day is not None:
                q = q.where(Event.ts >= start_day * 86400)
            if rule.min_count > 1:
                q = q.group_by(Event.profile_id).having(func.count() >= rule.min_count)
        inside = Profile.id.in_(q)
        return inside if rule.did else not_(inside)

    def _lastevent(self, rule: LastEvent) -> ColumnElement[bool]:
        """On the daily rollup: a day on/after the boundary exists (after), or a day before it
        exists and none on/after it (before)."""
        name_id = (
            select(EventName.id)
            .where(EventName.app_id == self.app_id, EventName.name == rule.name)
            .scalar_subquery()
        )
        boundary = rule.day()

        def days(condition: ColumnElement[bool]) -> ColumnElement[bool]:
            return Profile.id.in_(
                select(EventDaily.profile_id).where(EventDaily.name_id == name_id, condition)
            )

        since = days(EventDaily.day >= boundary)
        if rule.after is not None:
            return since
        return and_(days(EventDaily.day < boundary), not_(since))

    def _param(self, rule: EventRule) -> ColumnElement[bool]:
        assert rule.param is not None
        key, value = rule.param.key, rule.param.equals
        if self.dialect == "postgresql":
            node = Event.params.op("->")(key)
            text = Event.params.op("->>")(key)
            return and_(func.jsonb_typeof(node) == "string", text == value)
        path = f"$.{key}"
        return and_(
            func.json_type(Event.params, path) == "text",
            func.json_extract(Event.params, path) == value,
        )

    # -- place ----------------------------------------------------------------------------

    def _location(self, rule: Location) -> ColumnElement[bool]:
        if rule.city is not None:
            return and_(Profile.city.is_not(None), Profile.city == rule.city)
        if rule.postal_prefix is not None:
            n = len(rule.postal_prefix)
            return and_(
                Profile.postal_code.is_not(None),
                func.substr(Profile.postal_code, 1, n) == rule.postal_prefix,
            )
        assert rule.radius_km is not None
        stores = select(StoreLocation.latitude, StoreLocation.longitude).where(
            StoreLocation.app_id == self.app_id
        )
        if rule.store_id is not None:
            stores = stores.where(StoreLocation.id == rule.store_id)
            if self.session.execute(stores).first() is None:
                raise no_store(rule.store_id)
        # One OR of per-store boxes: SQLite collects the rowids of each box from the (app, lat,
        # lon) index, then checks the haversine. A UNION of covering per-store selects measured
        # 20% slower on 24 stores and 1 M profiles (it builds two temporary id lists).
        parts = [_near(lat, lon, rule.radius_km) for lat, lon in self.session.execute(stores).all()]
        return or_(*parts) if parts else false()

    # -- devices, consent, lifecycle ------------------------------------------------------

    def _devicerule(self, rule: DeviceRule) -> ColumnElement[bool]:
        # IN (one scan of device) measured 7x faster than a correlated EXISTS per profile.
        conds: list[ColumnElement[bool]] = [
            Device.app_id == self.app_id,
            Device.profile_id.is_not(None),
        ]
        if rule.platform is not None:
            conds.append(Device.platform == rule.platform)
        if rule.push_enabled is not None:
            conds.append(Device.push_enabled.is_(rule.push_enabled))
        if rule.locale is not None:
            conds.append(Device.locale == rule.locale)
        if rule.time_zone is not None:
            conds.append(Device.time_zone == rule.time_zone)
        if rule.app_version_gte is not None:
            versions = self._versions_at_least(rule.app_version_gte, rule.platform)
            conds.append(Device.app_version.in_(versions))
        return Profile.id.in_(select(Device.profile_id).where(*conds))

    def _versions_at_least(self, minimum: str, platform: str | None) -> list[str]:
        """The app's distinct version strings at or above ``minimum`` (a short list)."""
        floor = version_key(minimum)
        assert floor is not None
        platforms = [platform] if platform is not None else self._distinct(Device.platform)
        found = {v for p in platforms for v in self._distinct(Device.app_version, p)}
        return sorted(v for v in found if (k := version_key(v)) is not None and k >= floor)

    def _distinct(self, column: Any, platform: str | None = None) -> list[str]:
        """Distinct non-null values by hopping through the (app, platform, version) index.

        One index seek per value: a DISTINCT would read every device entry of the app.
        """
        conds = [Device.app_id == self.app_id]
        if platform is not None:
            conds.append(Device.platform == platform)
        values: list[str] = []
        while True:
            q = select(func.min(column)).where(*conds)
            if values:
                q = q.where(column > values[-1])
            value = self.session.scalar(q)
            if value is None:
                return values
            values.append(value)

    def _consentrule(self, rule: ConsentRule) -> ColumnElement[bool]:
        # A correlated EXISTS probes consent's (profile_id, channel) key once per candidate
        # profile: its cost follows the rest of the rule, where an IN list would first collect
        # every granted profile of every app.
        def has(*states: str) -> ColumnElement[bool]:
            # Validated channel and states: written into the SQL (see ``sql_constant``).
            consts = [sql_constant(s) for s in states]
            state = Consent.state == consts[0] if len(consts) == 1 else Consent.state.in_(consts)
            channel = Consent.channel == sql_constant(rule.channel)
            return (
                select(Consent.profile_id)
                .where(Consent.profile_id == Profile.id, channel, state)
                .exists()
            )

        if rule.state == "unknown":
            return not_(has("granted", "denied"))
        return has(rule.state)

    def _lifecycle(self, rule: Lifecycle) -> ColumnElement[bool]:
        cutoff = self.now - timedelta(days=rule.days)
        if rule.stage == "new":
            return Profile.created_at >= cutoff
        if self.dialect == "sqlite":
            # Never seen sorts first. One term without OR: SQLite then scans the narrow
            # (app_id, last_seen_at) index when alone, and prefers a selective index next to it
            # (its statistics rate an OR of two ranges as more selective than it usually is).
            seen = func.coalesce(Profile.last_seen_at, literal_column("''"))
            return seen < cutoff
        return or_(Profile.last_seen_at.is_(None), Profile.last_seen_at < cutoff)

    def _segmentref(self, rule: SegmentRef) -> ColumnElement[bool]:
        other = load_segment_rule(self.session, self.app_id, rule.segment_id, self.stack)
        self.stack.append(rule.segment_id)
        try:
            return self.condition(other)
        finally:
            self.stack.pop()

    def _sample(self, rule: Sample) -> ColumnElement[bool]:
        bucket = (
            (Profile.id * literal_column(str(SAMPLE_MULTIPLIER)) + rule.seed * 40503)
            % literal_column(str(SAMPLE_MODULUS))
        ) % 10000
        if rule.percent >= 100:
            return true()
        return bucket < round(rule.percent * 100)


def _near(lat: float, lon: float, radius_km: float) -> ColumnElement[bool]:
    """Bounding box (index-friendly) then the exact haversine distance."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat)))
    plat, plon = Profile.latitude, Profile.longitude
    # radians as a product and the store's cosine computed here: fewer SQL calls per row.
    rad = math.pi / 180
    hav = func.power(func.sin((plat - lat) * (rad / 2)), 2) + math.cos(lat * rad) * func.cos(
        plat * rad
    ) * func.power(func.sin((plon - lon) * (rad / 2)), 2)
    return and_(
        plat.is_not(None),
        plon.is_not(None),
        plat.between(lat - dlat, lat + dlat),
        plon.between(lon - dlon, lon + dlon),
        hav <= math.sin(radius_km / (2 * EARTH_RADIUS_KM)) ** 2,
    )


def load_segment_rule(session: Session, app_id: int, segment_id: int, stack: list[int]) -> Rule:
    """The rules of a saved segment referenced by another; clear errors for bad references."""
    if segment_id in stack:
        loop = [*stack[stack.index(segment_id) :], segment_id]
        q = select(Segment.id, Segment.name).where(Segment.id.in_(loop))
        names = {i: n for i, n in session.execute(q)}
        raise segment_cycle(segment_id, stack, [names.get(i, str(i)) for i in loop])
    seg = session.get(Segment, segment_id)
    if seg is None or seg.app_id != app_id:
        raise no_segment(segment_id)
    try:
        return parse_rules(seg.rules)
    except RuleError as exc:
        raise within_segment(segment_id, seg.name, exc) from exc


def compile_segment(session: Session, app_id: int, rule: Rule, now: datetime) -> Select[int]:
    """``select(Profile.id)`` of the profiles of ``app_id`` matching ``rule`` at ``now``."""
    return Compiler(session, app_id, now).select_ids(rule)
