"""Every segment rule error is raised for real with a stable code and its arguments, and keeps
the English the CLI prints (path of the node first)."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from engage_desktop.core.segments import RuleError, compile_segment, parse_rules
from engage_desktop.core.segments.rule_errors import FIELD_CODES, NODE_CODES, RULE_MESSAGES
from engage_desktop.core.segments.saved import create_segment, refresh_segment
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Profile, Segment
from tests.support.apps import add_app
from tests.support.segment_reference import Reference, Snapshot

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


def _doc(node: Any) -> dict[str, Any]:
    return {"version": 1, "rules": {"all": [{"type": "sample", "percent": 5}, node]}}


# (code, the bad condition put second in an "all" group, the expected args, the English part)
FIELD_CASES: list[tuple[str, Any, tuple[str, ...], str]] = [
    ("missing", {"type": "event"}, ("event", "name"), "rules.all[1].name: missing"),
    (
        "wrong_type",
        {"type": "event", "name": 5},
        ("event", "name", "str", "5"),
        "rules.all[1].name: expected str, got 5",
    ),
    (
        "unknown_key",
        {"type": "lifecycle", "stage": "new", "days": 3, "colour": "red"},
        ("lifecycle", "colour"),
        "rules.all[1].colour: unknown field",
    ),
    ("empty_group", {"any": []}, ("", "any"), "rules.all[1].any: expected a non-empty list"),
    (
        "unknown_type",
        {"type": "teleport"},
        ("", "type", "teleport"),
        "rules.all[1].type: unknown condition type 'teleport'",
    ),
    (
        "bad_attribute_key",
        {"type": "attribute", "field": "attributes.a-b", "op": "equals", "value": "x"},
        ("attribute", "field", "attributes.a-b"),
        "rules.all[1].field: bad attribute key 'attributes.a-b'",
    ),
    (
        "unknown_field",
        {"type": "attribute", "field": "shoe_size", "op": "equals", "value": "x"},
        ("attribute", "field", "shoe_size"),
        "rules.all[1].field: unknown field 'shoe_size'",
    ),
    (
        "unknown_operator",
        {"type": "attribute", "field": "created_at", "op": "contains", "value": "x"},
        (
            "attribute",
            "op",
            "contains",
            "created_at",
            "before, after, between, within_last_days, is_set",
        ),
        "unknown operator 'contains' for created_at",
    ),
    (
        "at_least",
        {"type": "attribute", "field": "created_at", "op": "within_last_days", "value": -2},
        ("attribute", "value", "0"),
        "rules.all[1].value: must be >= 0",
    ),
    (
        "text_list",
        {"type": "attribute", "field": "city", "op": "one_of", "value": []},
        ("attribute", "value"),
        "expected a non-empty list of strings",
    ),
    (
        "between_pair",
        {"type": "attribute", "field": "city", "op": "between", "value": ["A", "B", "C"]},
        ("attribute", "value"),
        "between takes [low, high]",
    ),
    (
        "bad_date",
        {"type": "attribute", "field": "birth_date", "op": "after", "value": "yesterday"},
        ("attribute", "value", "yesterday"),
        "rules.all[1].value: expected a date YYYY-MM-DD, got 'yesterday'",
    ),
    (
        "not_a_date",
        {"type": "event_last", "name": "purchase", "before": "2026-02-30"},
        ("event_last", "before", "2026-02-30"),
        "rules.all[1].before: not a date (YYYY-MM-DD): '2026-02-30'",
    ),
    (
        "bad_param_key",
        {"type": "event", "name": "purchase", "param": {"key": "9x", "equals": "a"}},
        ("event", "param.key", "9x"),
        "rules.all[1].param.key: bad parameter key '9x'",
    ),
    (
        "before_or_after",
        {"type": "event_last", "name": "purchase"},
        ("event_last", "type"),
        "exactly one of before, after",
    ),
    (
        "one_place",
        {"type": "location", "city": "Lyon", "postal_prefix": "69"},
        ("location", "type"),
        "give exactly one of store_id, any_store, city, postal_prefix",
    ),
    (
        "radius_range",
        {"type": "location", "any_store": True, "radius_km": 1500},
        ("location", "radius_km"),
        "rules.all[1].radius_km: a radius in km between 0 and 1000 is required",
    ),
    (
        "radius_without_store",
        {"type": "location", "city": "Lyon", "radius_km": 5},
        ("location", "radius_km"),
        "rules.all[1].radius_km: only with store_id or any_store",
    ),
    (
        "empty_text",
        {"type": "device", "time_zone": "  "},
        ("device", "time_zone"),
        "rules.all[1].time_zone: must not be empty",
    ),
    (
        "unknown_platform",
        {"type": "device", "platform": "symbian"},
        ("device", "platform", "symbian"),
        "unknown platform 'symbian' (ios or android)",
    ),
    (
        "bad_app_version",
        {"type": "device", "app_version_gte": "v5"},
        ("device", "app_version_gte", "v5"),
        "rules.all[1].app_version_gte: expected a version like 2.4.1, got 'v5'",
    ),
    ("device_empty", {"type": "device"}, ("device", "type"), "give platform, app_version_gte"),
    (
        "unknown_channel",
        {"type": "consent", "channel": "fax", "state": "granted"},
        ("consent", "channel", "fax"),
        "rules.all[1].channel: unknown channel 'fax'",
    ),
    (
        "unknown_state",
        {"type": "consent", "channel": "sms", "state": "maybe"},
        ("consent", "state", "maybe"),
        "unknown state 'maybe' (granted, denied or unknown)",
    ),
    (
        "unknown_stage",
        {"type": "lifecycle", "stage": "old", "days": 3},
        ("lifecycle", "stage", "old"),
        "unknown stage 'old' (new or inactive)",
    ),
    (
        "percent_range",
        {"type": "sample", "percent": 120},
        ("sample", "percent"),
        "rules.all[1].percent: must be between 0 and 100",
    ),
]


def test_every_code_has_a_case_here() -> None:
    """A new code needs a case (and a wording in the GUI, checked in tests/ui/rulesfr)."""
    assert {case[0] for case in FIELD_CASES} == FIELD_CODES
    assert set(RULE_MESSAGES.templates) == FIELD_CODES | NODE_CODES
    assert set(NODE_CASES) | {"no_store", "no_segment", "segment_cycle", "in_segment"} == NODE_CODES


@pytest.mark.parametrize(("code", "node", "args", "english"), FIELD_CASES)
def test_field_errors_carry_kind_key_and_values(
    code: str, node: Any, args: tuple[str, ...], english: str
) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules(_doc(node))
    error = caught.value
    assert (error.code, error.args_text) == (code, args)
    assert english in str(error)
    assert isinstance(error, ValueError)  # callers catching ValueError still catch it


NODE_CASES: dict[str, tuple[Any, tuple[str, ...], str]] = {
    "not_document": (["x"], (), "document: expected an object with 'version' and 'rules'"),
    "rules_version": (
        {"version": 2, "rules": {"type": "sample", "percent": 1}},
        ("2",),
        "version: unsupported rules version 2 (expected 1)",
    ),
    "not_object": (_doc(7), ("7",), "rules.all[1]: expected an object, got 7"),
    "group_keys": (
        _doc({"all": [], "any": []}),
        ("['all', 'any']",),
        "rules.all[1]: a group has exactly one key, got ['all', 'any']",
    ),
}


@pytest.mark.parametrize("code", sorted(NODE_CASES))
def test_document_errors_carry_their_code(code: str) -> None:
    doc, args, english = NODE_CASES[code]
    with pytest.raises(RuleError) as caught:
        parse_rules(doc)
    assert (caught.value.code, caught.value.args_text, str(caught.value)) == (code, args, english)


def test_rules_missing_is_a_missing_field() -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules({"version": 1})
    assert (caught.value.code, caught.value.args_text) == ("missing", ("", "rules"))
    assert str(caught.value) == "rules: missing"


def _app(ws: Workspace) -> int:
    app_id = add_app(ws)
    with ws.session() as session:
        session.add(Profile(app_id=app_id, external_id="p1", city="Lyon"))
    return app_id


def _compile(ws: Workspace, app_id: int, node: Any) -> None:
    with ws.session() as session:
        compile_segment(session, app_id, parse_rules({"version": 1, "rules": node}), NOW)


def test_a_store_that_does_not_exist(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = _app(ws)
    with pytest.raises(RuleError) as caught:
        _compile(ws, app_id, {"type": "location", "store_id": 424242, "radius_km": 3})
    assert (caught.value.code, caught.value.args_text) == ("no_store", ("424242",))
    assert str(caught.value) == "location: store 424242 does not exist in this app"


def test_a_deleted_segment_and_a_loop(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = _app(ws)
    with pytest.raises(RuleError) as caught:
        _compile(ws, app_id, {"type": "segment", "segment_id": 9999})
    assert (caught.value.code, caught.value.args_text) == ("no_segment", ("9999",))
    assert str(caught.value) == "segment 9999: no such segment in this app (deleted?)"
    lyon = {"type": "attribute", "field": "city", "op": "equals", "value": "Lyon"}
    first = create_segment(ws, app_id, "Lyonnais", {"version": 1, "rules": lyon})
    second = create_segment(
        ws, app_id, "Élus", {"version": 1, "rules": {"type": "segment", "segment_id": first}}
    )
    with ws.session() as session:  # as if edited elsewhere: first now refers to second
        seg = session.get(Segment, first)
        assert seg is not None
        seg.rules = {"version": 1, "rules": {"type": "segment", "segment_id": second}}
    with pytest.raises(RuleError) as caught:
        _compile(ws, app_id, {"type": "segment", "segment_id": second})
    loop = f"[{second}, {first}]"
    assert (caught.value.code, caught.value.args_text) == (
        "segment_cycle",
        (str(second), loop, "Élus → Lyonnais → Élus"),
    )
    assert str(caught.value) == f"segment {second}: refers to itself through {loop}"


def test_the_reference_evaluator_names_the_loop_too() -> None:
    snap = Snapshot([Profile(id=1, app_id=1, external_id="p1")])
    snap.segments = {
        1: {"name": "Un", "rules": {"version": 1, "rules": {"type": "segment", "segment_id": 2}}},
        2: {"name": "Deux", "rules": {"version": 1, "rules": {"type": "segment", "segment_id": 1}}},
    }
    rule = parse_rules({"version": 1, "rules": {"type": "segment", "segment_id": 1}})
    with pytest.raises(RuleError) as caught:
        Reference(snap, NOW).matching_ids(rule)
    assert caught.value.code == "segment_cycle"
    assert caught.value.args_text[2] == "Un → Deux → Un"
    missing = parse_rules({"version": 1, "rules": {"type": "segment", "segment_id": 5}})
    with pytest.raises(RuleError) as caught:
        Reference(snap, NOW).matching_ids(missing)
    assert (caught.value.code, caught.value.args_text) == ("no_segment", ("5",))


def test_an_error_inside_another_segment_keeps_its_own_code(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = _app(ws)
    sample = {"type": "sample", "percent": 10}
    inner = create_segment(ws, app_id, "Échantillon", {"version": 1, "rules": sample})
    with ws.session() as session:  # damaged in the file: a percentage out of range
        seg = session.get(Segment, inner)
        assert seg is not None
        seg.rules = {"version": 1, "rules": {"type": "sample", "percent": 140}}
    with pytest.raises(RuleError) as caught:
        _compile(ws, app_id, {"type": "segment", "segment_id": inner})
    error = caught.value
    assert error.code == "in_segment"
    assert error.args_text == (
        str(inner),
        "Échantillon",
        "rules.percent: must be between 0 and 100",
        "percent_range",
        "sample",
        "percent",
    )
    assert str(error) == f"segment {inner} (Échantillon): rules.percent: must be between 0 and 100"
    with pytest.raises(RuleError) as caught:
        refresh_segment(ws, inner)  # the stored rules themselves
    assert caught.value.code == "in_segment" and caught.value.args_text[3] == "percent_range"


def test_code_and_arguments_survive_pickling() -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules(_doc({"type": "device", "app_version_gte": "v5"}))
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is RuleError
    assert (str(copy), copy.code, copy.args_text) == (
        str(caught.value),
        "bad_app_version",
        ("device", "app_version_gte", "v5"),
    )
