"""Attribute conditions as the editor shows them: which operators a field offers, which
value editor each operator needs, and the conversion to and from the rule's JSON.

The editor lists "is set" and "is not set" as two operators; the rule has one (``is_set`` with
a boolean value).
"""

from __future__ import annotations

from typing import Any

from engage_desktop.core.segments.draft import join_list, split_list
from engage_desktop.core.segments.rules import DATE_COLUMNS, DATE_OPS, JSON_OPS, TEXT_OPS

NOT_SET = "is_not_set"


def is_json_field(field: str) -> bool:
    return field.startswith("attributes.")


def operators_for(field: str) -> tuple[str, ...]:
    """Editor operators for ``field`` (the rule's, with is_set split in two)."""
    ops = JSON_OPS if is_json_field(field) else DATE_OPS if field in DATE_COLUMNS else TEXT_OPS
    return (*ops, NOT_SET)


def value_shape(field: str, op: str) -> str:
    """Which value editor: none, text, list, pair, date, date_pair or days."""
    if op in ("is_set", NOT_SET):
        return "none"
    if op == "within_last_days":
        return "days"
    if field in DATE_COLUMNS:
        return "date_pair" if op == "between" else "date"
    if op == "between":
        return "pair"
    if op == "one_of":
        return "list"
    return "text"


def to_rule(field: str, op: str, raw: Any) -> dict[str, Any]:
    """The rule fields (``field``, ``op``, ``value``) for an editor state.

    ``raw`` is the editor's value: text, ``(low, high)``, an ISO date or a number of days.
    """
    shape = value_shape(field, op)
    if op == NOT_SET:
        return {"field": field, "op": "is_set", "value": False}
    if shape == "none":
        return {"field": field, "op": "is_set", "value": True}
    if shape == "list":
        return {"field": field, "op": op, "value": split_list(str(raw or ""))}
    if shape in ("pair", "date_pair"):
        low, high = raw if isinstance(raw, list | tuple) and len(raw) == 2 else ("", "")
        return {"field": field, "op": op, "value": [str(low).strip(), str(high).strip()]}
    if shape == "days":
        return {"field": field, "op": op, "value": int(raw or 0)}
    return {"field": field, "op": op, "value": str(raw or "").strip()}


def from_rule(values: dict[str, Any]) -> tuple[str, str, Any]:
    """Editor state ``(field, op, raw)`` for a rule's fields (inverse of :func:`to_rule`)."""
    field = str(values.get("field", "city"))
    op = str(values.get("op", "equals"))
    value = values.get("value")
    if op == "is_set":
        return field, ("is_set" if value is None or value else NOT_SET), None
    shape = value_shape(field, op)
    if shape == "list":
        return field, op, join_list(value)
    if shape in ("pair", "date_pair"):
        pair = list(value) if isinstance(value, list | tuple) else ["", ""]
        return field, op, [*pair, "", ""][:2]
    return field, op, value
