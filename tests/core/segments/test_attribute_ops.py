"""Attribute conditions as the editor shows them: operators per field, rule JSON both ways."""

from __future__ import annotations

from typing import Any

import pytest

from engage_desktop.core.segments import attribute_ops as ops


@pytest.mark.parametrize(
    ("field", "op", "raw", "rule"),
    [
        ("city", "equals", " Lyon ", {"field": "city", "op": "equals", "value": "Lyon"}),
        (
            "city",
            "one_of",
            "Lyon, Lille,",
            {"field": "city", "op": "one_of", "value": ["Lyon", "Lille"]},
        ),
        (
            "attributes.tier",
            "is_not_set",
            None,
            {"field": "attributes.tier", "op": "is_set", "value": False},
        ),
        (
            "last_seen_at",
            "within_last_days",
            7,
            {"field": "last_seen_at", "op": "within_last_days", "value": 7},
        ),
        (
            "birth_date",
            "between",
            ("1990-01-01", "1999-12-31"),
            {"field": "birth_date", "op": "between", "value": ["1990-01-01", "1999-12-31"]},
        ),
    ],
)
def test_attribute_editor_states_map_to_rules_and_back(
    field: str, op: str, raw: Any, rule: dict[str, Any]
) -> None:
    assert ops.to_rule(field, op, raw) == rule
    back_field, back_op, back_raw = ops.from_rule(rule)
    assert (back_field, back_op) == (field, op)
    assert ops.to_rule(back_field, back_op, back_raw) == rule


def test_operators_follow_the_field_type() -> None:
    assert "within_last_days" in ops.operators_for("created_at")
    assert "between" not in ops.operators_for("attributes.tier")
    assert ops.operators_for("city")[-1] == ops.NOT_SET
