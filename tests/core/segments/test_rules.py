"""Parsing and serialising segment rule trees; bad input names the bad node."""

from __future__ import annotations

from typing import Any

import pytest

from engage_desktop.core.segments.rules import RuleError, parse_rules, to_document

GOOD: dict[str, Any] = {
    "version": 1,
    "rules": {
        "all": [
            {"type": "attribute", "field": "city", "op": "equals", "value": "Lyon"},
            {
                "type": "attribute",
                "field": "attributes.loyalty_tier",
                "op": "one_of",
                "value": ["gold"],
            },
            {"type": "event", "name": "purchase", "min_count": 2, "within_days": 30},
            {
                "type": "event",
                "name": "view_item",
                "did": False,
                "param": {"key": "currency", "equals": "EUR"},
            },
            {"type": "event_last", "name": "purchase", "before": "2026-10-01"},
            {
                "any": [
                    {"type": "location", "store_id": 3, "radius_km": 10},
                    {"type": "location", "any_store": True, "radius_km": 2.5},
                    {"type": "location", "postal_prefix": "69"},
                ]
            },
            {"not": {"type": "device", "platform": "ios", "app_version_gte": "5.3"}},
            {"type": "consent", "channel": "push", "state": "granted"},
            {"type": "lifecycle", "stage": "inactive", "days": 14},
            {"type": "segment", "segment_id": 4},
            {"type": "sample", "percent": 12.5, "seed": 3},
            {
                "type": "attribute",
                "field": "created_at",
                "op": "between",
                "value": ["2026-01-01", "2026-02-01"],
            },
        ]
    },
}


def test_round_trip() -> None:
    rule = parse_rules(GOOD)
    assert parse_rules(to_document(rule)) == rule
    again = to_document(parse_rules(to_document(rule)))
    assert again == to_document(rule)


@pytest.mark.parametrize(
    ("node", "message"),
    [
        (
            {"type": "attribute", "field": "city", "op": "between2", "value": "x"},
            "rules.all[1].op: unknown operator 'between2'",
        ),
        (
            {"type": "attribute", "field": "shoe_size", "op": "equals", "value": "x"},
            "rules.all[1].field: unknown field 'shoe_size'",
        ),
        (
            {"type": "attribute", "field": "attributes.a-b", "op": "equals", "value": "x"},
            "rules.all[1].field: bad attribute key",
        ),
        (
            {"type": "attribute", "field": "created_at", "op": "before", "value": "yesterday"},
            "rules.all[1].value: expected a date",
        ),
        (
            {"type": "event", "name": "purchase", "min_count": 0},
            "rules.all[1].min_count: must be >= 1",
        ),
        ({"type": "event", "name": 5}, "rules.all[1].name: expected str"),
        ({"type": "event_last", "name": "purchase"}, "exactly one of before, after"),
        (
            {"type": "event_last", "name": "purchase", "before": "2026-02-30"},
            "rules.all[1].before: not a date",
        ),
        ({"type": "location", "store_id": 3}, "rules.all[1].radius_km"),
        ({"type": "location", "city": "Lyon", "postal_prefix": "69"}, "exactly one of"),
        ({"type": "device", "app_version_gte": "v5"}, "rules.all[1].app_version_gte"),
        (
            {"type": "consent", "channel": "fax", "state": "granted"},
            "rules.all[1].channel: unknown channel",
        ),
        ({"type": "sample", "percent": 120}, "rules.all[1].percent"),
        ({"type": "teleport"}, "rules.all[1].type: unknown condition type 'teleport'"),
        (
            {"type": "lifecycle", "stage": "new", "days": 3, "colour": "red"},
            "rules.all[1].colour: unknown field",
        ),
        ({"any": []}, "rules.all[1].any: expected a non-empty list"),
        ({"not": {"type": "sample"}}, "rules.all[1].not.percent: missing"),
    ],
)
def test_bad_nodes_name_their_path(node: dict[str, Any], message: str) -> None:
    doc = {"version": 1, "rules": {"all": [{"type": "sample", "percent": 5}, node]}}
    with pytest.raises(RuleError) as err:
        parse_rules(doc)
    assert message in str(err.value)


def test_bad_version_and_document() -> None:
    with pytest.raises(RuleError, match="unsupported rules version 2"):
        parse_rules({"version": 2, "rules": {"type": "sample", "percent": 1}})
    with pytest.raises(RuleError, match="rules: missing"):
        parse_rules({"version": 1})
