"""The segment rule tree: versioned, JSON-serialisable, validated with errors that name the node.

A saved segment stores ``{"version": 1, "rules": <node>}``. A node is a group
(``{"all": [...]}``, ``{"any": [...]}``, ``{"not": node}``) or a condition with a ``type``.
Parsing validates everything the compilers rely on, so SQL and the reference evaluator never
see a malformed tree.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from .rule_errors import RuleError as RuleError  # importers of rules.py find it here
from .rule_errors import rule_error

RULES_VERSION = 1

PROFILE_COLUMNS = (
    "first_name",
    "city",
    "postal_code",
    "locale",
    "time_zone",
    "email",
    "birth_date",
    "created_at",
    "last_seen_at",
)
DATE_COLUMNS = ("birth_date", "created_at", "last_seen_at")
TEXT_OPS = ("equals", "not_equals", "contains", "one_of", "between", "is_set")
DATE_OPS = ("before", "after", "between", "within_last_days", "is_set")
JSON_OPS = ("equals", "not_equals", "contains", "one_of", "is_set")
CHANNELS = ("push", "sms", "email", "in_app")
CONSENT_STATES = ("granted", "denied", "unknown")
PLATFORMS = ("ios", "android")
_JSON_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_VERSION = re.compile(r"^\d+(\.\d+){0,3}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


@dataclass(frozen=True)
class Rule(ABC):
    """Base of every node; each kind of node knows how to write itself back to JSON."""

    @abstractmethod
    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Group(Rule):
    kind: str  # "all" | "any"
    children: tuple[Rule, ...]

    def to_dict(self) -> dict[str, Any]:
        return {self.kind: [c.to_dict() for c in self.children]}


@dataclass(frozen=True)
class Not(Rule):
    child: Rule

    def to_dict(self) -> dict[str, Any]:
        return {"not": self.child.to_dict()}


def _plain(obj: Rule, type_name: str) -> dict[str, Any]:
    data = {k: v for k, v in asdict(obj).items() if v is not None}
    for k, v in data.items():
        if isinstance(v, tuple):
            data[k] = list(v)
    return {"type": type_name, **data}


@dataclass(frozen=True)
class Attribute(Rule):
    """A profile column or ``attributes.<key>``; dates are ISO strings (YYYY-MM-DD)."""

    field: str
    op: str
    value: Any = None

    @property
    def json_key(self) -> str | None:
        return self.field.split(".", 1)[1] if self.field.startswith("attributes.") else None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, "attribute")


@dataclass(frozen=True)
class EventParam:
    key: str
    equals: str


@dataclass(frozen=True)
class EventRule(Rule):
    """Did (or did not) do ``name`` at least ``min_count`` times in the last ``within_days``.

    The window is whole UTC days: today and the ``within_days - 1`` days before (rollup days).
    ``within_days`` None means ever.
    """

    name: str
    did: bool = True
    min_count: int = 1
    within_days: int | None = None
    param: EventParam | None = None

    def to_dict(self) -> dict[str, Any]:
        data = _plain(self, "event")
        return data


@dataclass(frozen=True)
class LastEvent(Rule):
    """When the profile last did ``name``: before ``before`` (did it, but not since that day) or
    on/after ``after`` (an ISO date, UTC). Exactly one of the two. Never did it: never matches.
    """

    name: str
    before: str | None = None
    after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, "event_last")

    def day(self) -> int:
        """The boundary as a rollup day (days since 1970-01-01, UTC)."""
        return date.fromisoformat(self.before or self.after or "").toordinal() - _EPOCH_ORDINAL


@dataclass(frozen=True)
class Location(Rule):
    """Exactly one of: near a store (``store_id`` or ``any_store``) within ``radius_km``,
    ``city``, or ``postal_prefix``."""

    store_id: int | None = None
    any_store: bool | None = None
    radius_km: float | None = None
    city: str | None = None
    postal_prefix: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, "location")


@dataclass(frozen=True)
class DeviceRule(Rule):
    """The profile has one device matching every given field."""

    platform: str | None = None
    app_version_gte: str | None = None
    push_enabled: bool | None = None
    locale: str | None = None  # the device's own language setting, e.g. fr-FR
    time_zone: str | None = None  # IANA, e.g. Europe/Paris

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, "device")


@dataclass(frozen=True)
class ConsentRule(Rule):
    """Consent state for a channel; a profile without a consent row is ``unknown``."""

    channel: str
    state: str

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, "consent")


@dataclass(frozen=True)
class Lifecycle(Rule):
    """``new``: created in the last ``days`` days; ``inactive``: not seen for ``days`` days."""

    stage: str
    days: int

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, "lifecycle")


@dataclass(frozen=True)
class SegmentRef(Rule):
    """Member of another saved segment (its rules, evaluated now)."""

    segment_id: int

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, "segment")


@dataclass(frozen=True)
class Sample(Rule):
    """A deterministic ``percent`` of profiles, chosen by a hash of the profile id and ``seed``."""

    percent: float
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return _plain(self, "sample")


@dataclass
class _Reader:
    """Reads one dict node, reporting the path of whatever is wrong.

    ``prefix`` is set for a nested object of a condition (``param.``): its keys are named from
    the condition, so the GUI can say which part of the row is wrong.
    """

    node: dict[str, Any]
    path: str
    kind: str = ""
    prefix: str = ""
    used: set[str] = field(default_factory=set)

    def fail(self, key: str, code: str, *args: object) -> RuleError:
        return rule_error(f"{self.path}.{key}", code, self.kind, self.prefix + key, *args)

    def get(self, key: str, kinds: type | tuple[type, ...], *, required: bool = True) -> Any:
        self.used.add(key)
        if key not in self.node or self.node[key] is None:
            if required:
                raise self.fail(key, "missing")
            return None
        value = self.node[key]
        if isinstance(value, bool) and bool not in (
            kinds if isinstance(kinds, tuple) else (kinds,)
        ):
            raise self.fail(key, "wrong_type", _kind_names(kinds), repr(value))
        if not isinstance(value, kinds):
            raise self.fail(key, "wrong_type", _kind_names(kinds), repr(value))
        return value

    def finish(self) -> None:
        extra = sorted(set(self.node) - self.used - {"type"})
        if extra:
            raise self.fail(extra[0], "unknown_key")


def _kind_names(kinds: type | tuple[type, ...]) -> str:
    seq = kinds if isinstance(kinds, tuple) else (kinds,)
    return " or ".join(k.__name__ for k in seq)


def parse_rules(doc: dict[str, Any]) -> Rule:
    """Validate a saved ``{"version": 1, "rules": node}`` document and build the tree."""
    if not isinstance(doc, dict):
        raise rule_error("document", "not_document")
    version = doc.get("version", RULES_VERSION)
    if version != RULES_VERSION:
        raise rule_error("version", "rules_version", repr(version))
    if "rules" not in doc:
        raise rule_error("rules", "missing", "", "rules")
    return parse_node(doc["rules"], "rules")


def to_document(rule: Rule) -> dict[str, Any]:
    """The saved form of ``rule`` (what :func:`parse_rules` reads back)."""
    return {"version": RULES_VERSION, "rules": rule.to_dict()}


def parse_node(node: Any, path: str) -> Rule:
    if not isinstance(node, dict):
        raise rule_error(path, "not_object", repr(node))
    groups = [k for k in ("all", "any", "not") if k in node]
    if groups:
        if len(node) != 1:
            raise rule_error(path, "group_keys", sorted(node))
        key = groups[0]
        if key == "not":
            return Not(parse_node(node["not"], f"{path}.not"))
        items = node[key]
        if not isinstance(items, list) or not items:
            raise rule_error(f"{path}.{key}", "empty_group", "", key)
        return Group(key, tuple(parse_node(c, f"{path}.{key}[{i}]") for i, c in enumerate(items)))
    kind = _Reader(node, path).get("type", str)
    parser = _PARSERS.get(kind)
    if parser is None:
        raise rule_error(f"{path}.type", "unknown_type", "", "type", kind)
    reader = _Reader(node, path, kind)
    rule = parser(reader)
    reader.finish()
    return rule


def _parse_attribute(r: _Reader) -> Rule:
    name = r.get("field", str)
    op = r.get("op", str)
    is_json = name.startswith("attributes.")
    if is_json and not _JSON_KEY.match(name.split(".", 1)[1]):
        raise r.fail("field", "bad_attribute_key", name)
    if not is_json and name not in PROFILE_COLUMNS:
        raise r.fail("field", "unknown_field", name)
    is_date = name in DATE_COLUMNS
    allowed = JSON_OPS if is_json else DATE_OPS if is_date else TEXT_OPS
    if op not in allowed:
        raise r.fail("op", "unknown_operator", op, name, ", ".join(allowed))
    value: Any = None
    if op == "is_set":
        value = r.get("value", bool, required=False)
        value = True if value is None else value
    elif op == "within_last_days":
        value = r.get("value", int)
        if value < 0:
            raise r.fail("value", "at_least", 0)
    elif op in ("one_of", "between"):
        items = r.get("value", list)
        if not items or not all(isinstance(v, str) for v in items):
            raise r.fail("value", "text_list")
        if op == "between" and len(items) != 2:
            raise r.fail("value", "between_pair")
        value = tuple(items)
    else:
        value = r.get("value", str)
    if is_date and op in ("before", "after", "between"):
        for v in value if isinstance(value, tuple) else (value,):
            if not _ISO_DATE.match(v):
                raise r.fail("value", "bad_date", v)
    return Attribute(name, op, value)


def _parse_event(r: _Reader) -> Rule:
    name = r.get("name", str)
    did = r.get("did", bool, required=False)
    min_count = r.get("min_count", int, required=False)
    within = r.get("within_days", int, required=False)
    if min_count is not None and min_count < 1:
        raise r.fail("min_count", "at_least", 1)
    if within is not None and within < 1:
        raise r.fail("within_days", "at_least", 1)
    param = None
    raw = r.get("param", dict, required=False)
    if raw is not None:
        sub = _Reader(raw, f"{r.path}.param", r.kind, "param.")
        key = sub.get("key", str)
        if not _JSON_KEY.match(key):
            raise sub.fail("key", "bad_param_key", key)
        param = EventParam(key, sub.get("equals", str))
        sub.finish()
    return EventRule(name, True if did is None else did, min_count or 1, within, param)


def _parse_event_last(r: _Reader) -> Rule:
    name = r.get("name", str)
    before = r.get("before", str, required=False)
    after = r.get("after", str, required=False)
    if (before is None) == (after is None):
        raise r.fail("type", "before_or_after")
    field, value = ("before", before) if before is not None else ("after", after)
    assert value is not None
    try:
        if not _ISO_DATE.match(value):
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError:
        raise r.fail(field, "not_a_date", value) from None
    return LastEvent(name, before, after)


def _parse_location(r: _Reader) -> Rule:
    store_id = r.get("store_id", int, required=False)
    any_store = r.get("any_store", bool, required=False) or None
    radius = r.get("radius_km", (int, float), required=False)
    city = r.get("city", str, required=False)
    prefix = r.get("postal_prefix", str, required=False)
    chosen = [x for x in (store_id, any_store, city, prefix) if x is not None]
    if len(chosen) != 1:
        raise r.fail("type", "one_place")
    if (store_id is not None or any_store) and (radius is None or not 0 < radius <= 1000):
        raise r.fail("radius_km", "radius_range")
    if radius is not None and store_id is None and not any_store:
        raise r.fail("radius_km", "radius_without_store")
    return Location(store_id, any_store, None if radius is None else float(radius), city, prefix)


def _parse_device(r: _Reader) -> Rule:
    platform = r.get("platform", str, required=False)
    version = r.get("app_version_gte", str, required=False)
    push = r.get("push_enabled", bool, required=False)
    locale = r.get("locale", str, required=False)
    time_zone = r.get("time_zone", str, required=False)
    for key, text in (("locale", locale), ("time_zone", time_zone)):
        if text is not None and not text.strip():
            raise r.fail(key, "empty_text")
    if platform is not None and platform not in PLATFORMS:
        raise r.fail("platform", "unknown_platform", platform)
    if version is not None and not _VERSION.match(version):
        raise r.fail("app_version_gte", "bad_app_version", version)
    if all(x is None for x in (platform, version, push, locale, time_zone)):
        raise r.fail("type", "device_empty")
    return DeviceRule(platform, version, push, locale, time_zone)


def _parse_consent(r: _Reader) -> Rule:
    channel = r.get("channel", str)
    state = r.get("state", str)
    if channel not in CHANNELS:
        raise r.fail("channel", "unknown_channel", channel)
    if state not in CONSENT_STATES:
        raise r.fail("state", "unknown_state", state)
    return ConsentRule(channel, state)


def _parse_lifecycle(r: _Reader) -> Rule:
    stage = r.get("stage", str)
    days = r.get("days", int)
    if stage not in ("new", "inactive"):
        raise r.fail("stage", "unknown_stage", stage)
    if days < 1:
        raise r.fail("days", "at_least", 1)
    return Lifecycle(stage, days)


def _parse_segment(r: _Reader) -> Rule:
    return SegmentRef(r.get("segment_id", int))


def _parse_sample(r: _Reader) -> Rule:
    percent = float(r.get("percent", (int, float)))
    seed = r.get("seed", int, required=False) or 0
    if not 0 <= percent <= 100:
        raise r.fail("percent", "percent_range")
    return Sample(round(percent, 2), seed)


_PARSERS = {
    "attribute": _parse_attribute,
    "event": _parse_event,
    "event_last": _parse_event_last,
    "location": _parse_location,
    "device": _parse_device,
    "consent": _parse_consent,
    "lifecycle": _parse_lifecycle,
    "segment": _parse_segment,
    "sample": _parse_sample,
}


def version_key(version: str) -> tuple[int, ...] | None:
    """``"2.10.1"`` → (2, 10, 1, 0); None when it is not a plain dotted version."""
    if not _VERSION.match(version):
        return None
    parts = [int(p) for p in version.split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


SAMPLE_MULTIPLIER = 2654435761
SAMPLE_MODULUS = 4294967296


def sample_bucket(profile_id: int, seed: int) -> int:
    """0..9999: the profile's stable bucket for a sample rule (same formula in SQL)."""
    return ((profile_id * SAMPLE_MULTIPLIER + seed * 40503) % SAMPLE_MODULUS) % 10000
