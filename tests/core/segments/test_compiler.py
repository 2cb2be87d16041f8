"""The SQL compiler agrees with the plain-Python reference evaluator, on SQLite and PostgreSQL.

Hypothesis draws random rule trees over values that really occur in the small demo workspace
(cities, postal codes, event names, stores, attribute values), so most rules select some but
not all profiles.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.segments import RuleError, count_segment, parse_rules
from engage_desktop.core.segments.compiler import compile_segment
from engage_desktop.core.segments.count import app_reach, count_profiles
from engage_desktop.store.models import Device, Profile, Segment, StoreLocation
from tests.support.segment_reference import Snapshot, load_snapshot, reference_ids, reference_reach

APP = 1
NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


def vocabulary(session: Session) -> dict[str, list[Any]]:
    """Values of the demo app the random rules pick from."""

    def distinct(col: Any, limit: int = 8) -> list[Any]:
        q = select(col).where(Profile.app_id == APP, col.is_not(None)).distinct().limit(limit)
        return list(session.scalars(q))

    def device_distinct(col: Any) -> list[Any]:
        q = select(col).where(Device.app_id == APP, col.is_not(None)).distinct().limit(8)
        return list(session.scalars(q))

    return {
        "city": distinct(Profile.city),
        "postal": [p[:2] for p in distinct(Profile.postal_code)],
        "first_name": distinct(Profile.first_name),
        "locale": distinct(Profile.locale),
        "device_locale": device_distinct(Device.locale),
        "device_tz": device_distinct(Device.time_zone),
        "stores": list(
            session.scalars(select(StoreLocation.id).where(StoreLocation.app_id == APP))
        ),
    }


def leaf(v: dict[str, list[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    text_field = st.sampled_from(["city", "first_name", "locale"])
    return st.one_of(
        st.builds(
            lambda c: {"type": "attribute", "field": "city", "op": "equals", "value": c},
            st.sampled_from(v["city"]),
        ),
        st.builds(
            lambda f, op, c: {"type": "attribute", "field": f, "op": op, "value": c},
            text_field,
            st.sampled_from(["not_equals", "contains"]),
            st.sampled_from(["a", "Ly", "fr", "e"]),
        ),
        st.builds(
            lambda cs: {"type": "attribute", "field": "city", "op": "one_of", "value": cs},
            st.lists(st.sampled_from(v["city"]), min_size=1, max_size=3),
        ),
        st.builds(
            lambda a, b: {
                "type": "attribute",
                "field": "first_name",
                "op": "between",
                "value": sorted([a, b]),
            },
            st.sampled_from(["A", "C", "J", "M", "T"]),
            st.sampled_from(["B", "L", "Z"]),
        ),
        st.builds(
            lambda f, b: {"type": "attribute", "field": f, "op": "is_set", "value": b},
            st.sampled_from(["email", "birth_date", "last_seen_at", "attributes.loyalty_tier"]),
            st.booleans(),
        ),
        st.builds(
            lambda f, op, d: {"type": "attribute", "field": f, "op": op, "value": d},
            st.sampled_from(["created_at", "last_seen_at", "birth_date"]),
            st.sampled_from(["before", "after"]),
            st.sampled_from(["1985-06-01", "2026-01-01", "2026-10-15"]),
        ),
        st.builds(
            lambda n: {
                "type": "attribute",
                "field": "last_seen_at",
                "op": "within_last_days",
                "value": n,
            },
            st.integers(0, 60),
        ),
        st.builds(
            lambda t: {
                "type": "attribute",
                "field": "attributes.loyalty_tier",
                "op": "equals",
                "value": t,
            },
            st.sampled_from(["gold", "silver", "bronze", "platinum"]),
        ),
        st.builds(
            lambda f, op, t: {"type": "attribute", "field": f, "op": op, "value": t},
            st.sampled_from(
                [
                    "attributes.loyalty_tier",
                    "attributes.favorite_mode",
                    "attributes.newsletter",
                    "attributes.favorite_store",
                ]
            ),
            st.sampled_from(["equals", "not_equals", "contains"]),
            st.sampled_from(["gold", "Gold", "old", "true", "3", "silver"]),
        ),
        st.builds(
            lambda ts: {
                "type": "attribute",
                "field": "attributes.loyalty_tier",
                "op": "one_of",
                "value": ts,
            },
            st.lists(st.sampled_from(["gold", "silver", "none", "platinum"]), min_size=1),
        ),
        st.builds(
            lambda f, b: {"type": "attribute", "field": f, "op": "is_set", "value": b},
            st.sampled_from(["attributes.favorite_mode", "attributes.newsletter"]),
            st.booleans(),
        ),
        st.builds(
            lambda t: {
                "type": "attribute",
                "field": "attributes.interests",
                "op": "contains",
                "value": t,
            },
            st.sampled_from(["mode", "maison", "beauté", "sport", "o"]),
        ),
        st.builds(
            lambda name, did, n, days: {
                "type": "event",
                "name": name,
                "did": did,
                "min_count": n,
                "within_days": days,
            },
            st.sampled_from(["purchase", "view_item", "add_to_cart", "session_start", "nope"]),
            st.booleans(),
            st.integers(1, 4),
            st.one_of(st.none(), st.integers(1, 90)),
        ),
        st.builds(
            lambda name, which, days_ago: {
                "type": "event_last",
                "name": name,
                which: (NOW.date() - timedelta(days=days_ago)).isoformat(),
            },
            st.sampled_from(["purchase", "view_item", "session_start", "nope"]),
            st.sampled_from(["before", "after"]),
            st.integers(0, 100),
        ),
        st.builds(
            lambda c: {
                "type": "event",
                "name": "purchase",
                "param": {"key": "currency", "equals": c},
                "within_days": 60,
            },
            st.sampled_from(["EUR", "USD"]),
        ),
        st.builds(
            lambda s, r: {"type": "location", "store_id": s, "radius_km": r},
            st.sampled_from(v["stores"]),
            st.sampled_from([1, 5, 20, 100]),
        ),
        st.builds(
            lambda r: {"type": "location", "any_store": True, "radius_km": r},
            st.sampled_from([0.5, 2, 10]),
        ),
        st.builds(lambda c: {"type": "location", "city": c}, st.sampled_from(v["city"])),
        st.builds(lambda p: {"type": "location", "postal_prefix": p}, st.sampled_from(v["postal"])),
        st.builds(
            lambda p, ver, push: (
                {
                    k: x
                    for k, x in {
                        "type": "device",
                        "platform": p,
                        "app_version_gte": ver,
                        "push_enabled": push,
                    }.items()
                    if x is not None
                }
                if (p or ver or push is not None)
                else {"type": "device", "platform": "ios"}
            ),
            st.one_of(st.none(), st.sampled_from(["ios", "android"])),
            st.one_of(st.none(), st.sampled_from(["5", "5.3", "5.3.2", "6.0.0"])),
            st.one_of(st.none(), st.booleans()),
        ),
        st.builds(
            lambda loc, tz: {
                "type": "device",
                **({"locale": loc} if loc else {}),
                **({"time_zone": tz} if tz or not loc else {}),
            },
            st.one_of(st.none(), st.sampled_from(v["device_locale"] or ["fr-FR"])),
            st.sampled_from((v["device_tz"] or ["Europe/Paris"]) + ["Asia/Tokyo"]),
        ),
        st.builds(
            lambda c, s: {"type": "consent", "channel": c, "state": s},
            st.sampled_from(["push", "sms", "email"]),
            st.sampled_from(["granted", "denied", "unknown"]),
        ),
        st.builds(
            lambda s, d: {"type": "lifecycle", "stage": s, "days": d},
            st.sampled_from(["new", "inactive"]),
            st.integers(1, 400),
        ),
        st.builds(
            lambda p, s: {"type": "sample", "percent": p, "seed": s},
            st.sampled_from([0, 3.5, 50, 100]),
            st.integers(0, 5),
        ),
    )


def trees(v: dict[str, list[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.recursive(
        leaf(v),
        lambda kids: st.one_of(
            st.builds(lambda xs: {"all": xs}, st.lists(kids, min_size=1, max_size=3)),
            st.builds(lambda xs: {"any": xs}, st.lists(kids, min_size=1, max_size=3)),
            st.builds(lambda x: {"not": x}, kids),
        ),
        max_leaves=6,
    )


def check_agreement(session: Session, snap: Snapshot, doc: dict[str, Any]) -> None:
    rule = parse_rules({"version": 1, "rules": doc})
    sql_ids = set(session.scalars(compile_segment(session, APP, rule, NOW)))
    assert sql_ids == reference_ids(snap, rule, NOW), doc


def add_edge_cases(session: Session) -> None:
    """Odd rows the demo lacks: never seen, promoted attributes of other JSON types, a gap."""
    odd: list[Any] = [["gold"], 3, None, {"tier": "gold"}, True, "gold", "Gold", "gold "]
    ids = list(session.scalars(select(Profile.id).where(Profile.app_id == APP).limit(40)))
    for n, pid in enumerate(ids):
        profile = session.get(Profile, pid)
        assert profile is not None
        attrs = dict(profile.attributes or {})
        if n % 5 == 0:
            profile.last_seen_at = None
        if n < len(odd):
            attrs["loyalty_tier"] = odd[n]
            attrs["favorite_mode"] = odd[-1 - n]
        elif n % 3 == 0:
            attrs.pop("loyalty_tier", None)
        profile.attributes = attrs
    session.flush()
    session.expire_all()


def run_property(session: Session) -> None:
    add_edge_cases(session)
    snap = load_snapshot(session, APP)
    v = vocabulary(session)

    @settings(max_examples=70, deadline=None, suppress_health_check=list(HealthCheck))
    @given(trees(v))
    def prop(doc: dict[str, Any]) -> None:
        check_agreement(session, snap, doc)

    prop()


def add_saved_segment(session: Session) -> int:
    seg = Segment(
        app_id=APP,
        name="Lyon gold",
        rules={
            "version": 1,
            "rules": {
                "all": [
                    {"type": "location", "postal_prefix": "69"},
                    {
                        "type": "attribute",
                        "field": "attributes.loyalty_tier",
                        "op": "one_of",
                        "value": ["gold", "platinum"],
                    },
                ]
            },
        },
    )
    session.add(seg)
    session.flush()
    return seg.id


def test_sqlite_matches_reference(demo_workspace: Any) -> None:
    with demo_workspace.session() as session:
        run_property(session)


REACH_RULES: list[dict[str, Any]] = [
    {"type": "location", "any_store": True, "radius_km": 10},  # ids come scattered
    {"type": "lifecycle", "stage": "inactive", "days": 20},
    {
        "all": [
            {"type": "device", "platform": "ios"},
            {"type": "consent", "channel": "push", "state": "granted"},
        ]
    },
    {"type": "sample", "percent": 30, "seed": 2},
    {"type": "attribute", "field": "birth_date", "op": "before", "value": "1985-06-01"},
]


def check_counts(session: Session) -> None:
    snap = load_snapshot(session, APP)
    for doc in REACH_RULES:
        rule = parse_rules({"version": 1, "rules": doc})
        counted = count_segment(session, APP, rule, NOW)
        expected = reference_ids(snap, rule, NOW)
        assert counted.profiles == len(expected) > 0, doc
        assert counted.reachable == reference_reach(snap, expected), doc
        assert count_profiles(session, APP, rule, NOW) == counted.profiles
    everyone = {p.id for p in snap.profiles}
    assert app_reach(session, APP) == reference_reach(snap, everyone)


def test_segment_membership_and_counts(demo_workspace: Any) -> None:
    with demo_workspace.session() as session:
        seg_id = add_saved_segment(session)
        snap = load_snapshot(session, APP)
        doc = {
            "all": [
                {"type": "segment", "segment_id": seg_id},
                {"not": {"type": "event", "name": "purchase", "within_days": 30}},
            ]
        }
        check_agreement(session, snap, doc)
        rule = parse_rules({"version": 1, "rules": doc})
        counted = count_segment(session, APP, rule, NOW)
        expected = reference_ids(snap, rule, NOW)
        assert counted.profiles == len(expected) > 0
        assert counted.reachable == reference_reach(snap, expected)
        check_counts(session)


def test_bad_references_are_clear_errors(demo_workspace: Any) -> None:
    with demo_workspace.session() as session:
        seg_id = add_saved_segment(session)
        missing = parse_rules({"version": 1, "rules": {"type": "segment", "segment_id": 9999}})
        with pytest.raises(RuleError, match="segment 9999: no such segment in this app"):
            compile_segment(session, APP, missing, NOW)
        other_app = parse_rules({"version": 1, "rules": {"type": "segment", "segment_id": seg_id}})
        with pytest.raises(RuleError, match="no such segment"):
            compile_segment(session, 2, other_app, NOW)
        seg = session.get(Segment, seg_id)
        assert seg is not None
        seg.rules = {"version": 1, "rules": {"type": "segment", "segment_id": seg_id}}
        session.flush()
        with pytest.raises(RuleError, match="refers to itself"):
            compile_segment(session, APP, other_app, NOW)
        store = parse_rules(
            {"version": 1, "rules": {"type": "location", "store_id": 424242, "radius_km": 3}}
        )
        with pytest.raises(RuleError, match="store 424242 does not exist"):
            compile_segment(session, APP, store, NOW)


def test_postgresql_matches_reference(pg_demo: Session) -> None:
    add_saved_segment(pg_demo)
    run_property(pg_demo)
    check_counts(pg_demo)
