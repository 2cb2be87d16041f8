"""The builder's known values: each list equals what a plain full query finds (or, for sampled
sources, a subset of it), on the demo workspace, on random data, and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from engage_desktop.core.demo.french_data import RETAIL_INTERESTS
from engage_desktop.core.segments import catalog, compile_segment, count_segment, parse_rules
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    App,
    Device,
    Event,
    EventName,
    Profile,
    Segment,
    StoreLocation,
)

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


def test_indexed_columns_list_every_distinct_value(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as s:
        cities = s.scalars(select(Profile.city).where(Profile.app_id == 1).distinct()).all()
        codes = s.scalars(select(Profile.postal_code).where(Profile.app_id == 1).distinct()).all()
        assert catalog.indexed_values(s, 1, "city") == sorted(c for c in cities if c)
        assert catalog.indexed_values(s, 1, "city", limit=3) == sorted(c for c in cities if c)[:3]
        assert catalog.indexed_values(s, 1, "postal_code", prefix="69") == sorted(
            c for c in codes if c and c.startswith("69")
        )
        assert catalog.postal_prefixes(s, 1) == sorted({c[:2] for c in codes if c})
        assert catalog.indexed_values(s, 1, "city", prefix="Zzz") == []


def test_unknown_column_is_refused_clearly(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as s:
        with pytest.raises(ValueError, match="'phone' has no index"):
            catalog.indexed_values(s, 1, "phone")
        with pytest.raises(ValueError, match="no value suggestions for profile column 'phone'"):
            catalog.profile_values(s, 1, "phone")
        with pytest.raises(ValueError, match="at least one character"):
            catalog.postal_prefixes(s, 1, length=0)


def test_event_names_params_and_their_text_values(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as s:
        names = s.scalars(select(EventName.name).where(EventName.app_id == 1)).all()
        assert catalog.event_names(s, 1) == sorted(names)
        keys = catalog.event_param_keys(s, 1, "view_item")
        assert set(keys) == {"item_id", "item_category", "price", "currency"}
        name_id = s.scalar(
            select(EventName.id).where(EventName.app_id == 1, EventName.name == "view_item")
        )
        every = {
            p["item_category"]
            for p in s.scalars(select(Event.params).where(Event.name_id == name_id))
            if p
        }
        found = catalog.event_param_values(s, 1, "view_item", "item_category")
        assert found and set(found) <= every
        # Numbers never match a text filter, so they are not offered.
        assert catalog.event_param_values(s, 1, "view_item", "price") == []
        assert catalog.event_param_keys(s, 1, "no_such_event") == []


def test_attributes_and_unindexed_columns_come_from_a_bounded_sample(
    demo_workspace: Workspace,
) -> None:
    with demo_workspace.session() as s:
        assert set(catalog.attribute_keys(s, 1)) == {
            "loyalty_tier",
            "interests",
            "newsletter",
            "favorite_store",
        }
        assert set(catalog.attribute_values(s, 1, "interests")) == set(RETAIL_INTERESTS)
        assert set(catalog.attribute_values(s, 1, "loyalty_tier")) <= {
            "none",
            "bronze",
            "silver",
            "gold",
        }
        assert catalog.attribute_values(s, 1, "newsletter") == []  # booleans: not text
        assert len(catalog.attribute_values(s, 1, "loyalty_tier", sample=1)) <= 1
        assert catalog.attribute_keys(s, 1, sample=0) == []
        locales = s.scalars(select(Profile.locale).where(Profile.app_id == 1).distinct()).all()
        assert set(catalog.profile_values(s, 1, "locale")) <= set(locales)
        assert catalog.profile_values(s, 1, "locale")[0] == "fr-FR"  # most frequent first
        versions = catalog.app_versions(s, 1)
        assert versions == ["5.4.0", "5.3.2", "5.2.0", "4.9.1"]


def test_small_tables_audience_and_sample(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as s:
        stores = catalog.stores(s, 1)
        assert len(stores) == s.query(StoreLocation).filter_by(app_id=1).count() > 0
        assert [x.name for x in stores] == sorted(x.name for x in stores)
        demo = catalog.segments(s, 1)  # the demo's own saved segments
        seg = Segment(
            app_id=1, name="Gold", rules={"version": 1, "rules": {"type": "sample", "percent": 5}}
        )
        s.add(seg)
        s.flush()
        names = [c.name for c in catalog.segments(s, 1)]
        assert names == sorted([*(c.name for c in demo), "Gold"])
        assert catalog.segments(s, 1, exclude=seg.id) == demo
        definition = catalog.segment_definition(s, 1, seg.id)
        assert definition is not None and definition.rules["rules"]["percent"] == 5
        assert catalog.segment_definition(s, 2, seg.id) is None
        assert catalog.audience_size(s, 1) == s.query(Profile).filter_by(app_id=1).count()
        rule = parse_rules(
            {"version": 1, "rules": {"type": "event", "name": "purchase", "within_days": 60}}
        )
        rows = catalog.sample_profiles(s, 1, rule, NOW, limit=7)
        matching = set(s.scalars(compile_segment(s, 1, rule, NOW)))
        assert len(rows) == min(7, count_segment(s, 1, rule, NOW).profiles)
        assert {r.id for r in rows} <= matching
        assert [r.id for r in rows] == sorted(matching)[:7]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace

    path = tmp_path_factory.mktemp("catalog") / "w.sqlite"
    ws = open_for_current_user(resolve_workspace(str(path)), create=True)
    with ws.session() as s:
        s.add(App(name="A", firebase_project_id="a", platforms=["ios"]))
    return ws


_city = st.sampled_from(["Lyon", "Lille", "Le Mans", "Lens", "Évry", "Paris", "", "lyon", "Z"])


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cities=st.lists(st.one_of(st.none(), _city), max_size=25),
    prefix=st.sampled_from(["", "L", "Le", "É", "x"]),
)
def test_loose_scan_equals_select_distinct(
    scratch: Workspace, cities: list[str | None], prefix: str
) -> None:
    with scratch.session() as s:
        app_id = s.scalar(select(App.id))
        assert app_id is not None
        s.execute(delete(Profile))
        s.add_all(
            Profile(app_id=app_id, external_id=f"p{i}", city=c, postal_code=c and f"{i:02d}{c}")
            for i, c in enumerate(cities)
        )
        s.flush()
        expected = sorted({c for c in cities if c and c.startswith(prefix)})
        assert catalog.indexed_values(s, app_id, "city", prefix=prefix) == expected
        codes = {f"{i:02d}{c}" for i, c in enumerate(cities) if c}
        assert catalog.postal_prefixes(s, app_id, length=3) == sorted({c[:3] for c in codes})


@pytest.mark.postgres
def test_same_values_on_postgresql(make_workspace: Callable[..., Workspace], pg_url: str) -> None:
    ws = make_workspace(pg_url)
    with ws.session() as s:
        app = App(name="A", firebase_project_id="a", platforms=["ios"])
        s.add(app)
        s.flush()
        s.add_all(
            [
                Profile(
                    app_id=app.id,
                    external_id="1",
                    city="Lyon",
                    postal_code="69001",
                    attributes={"tier": "gold", "tags": ["a", "b"]},
                ),
                Profile(
                    app_id=app.id,
                    external_id="2",
                    city="Lille",
                    postal_code="59000",
                    attributes={"tier": "silver", "tags": ["b"]},
                ),
                Profile(
                    app_id=app.id,
                    external_id="3",
                    city="Lyon",
                    postal_code="69002",
                    attributes={"tier": 3},
                ),
            ]
        )
        s.add(Device(app_id=app.id, platform="ios", app_version="2.10.0"))
        s.add(Device(app_id=app.id, platform="ios", app_version="2.9.1"))
        s.flush()
        assert catalog.indexed_values(s, app.id, "city") == ["Lille", "Lyon"]
        assert catalog.postal_prefixes(s, app.id) == ["59", "69"]
        assert sorted(catalog.attribute_values(s, app.id, "tier")) == ["gold", "silver"]
        assert catalog.attribute_values(s, app.id, "tags") == ["b", "a"]
        assert catalog.app_versions(s, app.id) == ["2.10.0", "2.9.1"]
        assert catalog.audience_size(s, app.id) == 3
