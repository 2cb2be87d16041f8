"""The builder's Qt-free model: documents round-trip, structural edits, errors per node."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.segments import RuleError, draft

LEAVES: list[dict[str, Any]] = [
    {"type": "attribute", "field": "city", "op": "one_of", "value": ["Lyon", "Lille"]},
    {"type": "attribute", "field": "attributes.tier", "op": "is_set", "value": False},
    {
        "type": "attribute",
        "field": "birth_date",
        "op": "between",
        "value": ["1980-01-01", "1990-12-31"],
    },
    {"type": "event", "name": "purchase", "did": False, "min_count": 1, "within_days": 30},
    {
        "type": "event",
        "name": "view_item",
        "did": True,
        "min_count": 3,
        "param": {"key": "item_category", "equals": "jardin"},
    },
    {"type": "location", "store_id": 3, "radius_km": 5.0},
    {"type": "location", "postal_prefix": "75"},
    {"type": "device", "platform": "ios", "app_version_gte": "5.3"},
    {"type": "consent", "channel": "sms", "state": "unknown"},
    {"type": "lifecycle", "stage": "inactive", "days": 60},
    {"type": "segment", "segment_id": 4},
    {"type": "sample", "percent": 12.5, "seed": 3},
]

trees = st.recursive(
    st.sampled_from(LEAVES),
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda x: {"not": x}, inner),
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(trees)
def test_every_valid_document_survives_the_draft(rules: dict[str, Any]) -> None:
    """Loading a saved tree into the builder and building it back never changes its meaning:
    the same tree, up to a lone condition being wrapped in an ``all`` group and double NOTs."""
    document = {"version": 1, "rules": rules}
    built = draft.build(draft.from_document(document))
    assert built.valid, built.errors
    assert built.document is not None
    assert _meaning(built.document["rules"]) == _meaning(draft.normalised(document)["rules"])


def _meaning(node: dict[str, Any]) -> Any:
    """A canonical form: single-child all/any unwrapped, NOT NOT removed."""
    if "not" in node:
        inner = _meaning(node["not"])
        return inner[1] if isinstance(inner, tuple) and inner[0] == "not" else ("not", inner)
    for kind in ("all", "any"):
        if kind in node:
            children = [_meaning(c) for c in node[kind]]
            return children[0] if len(children) == 1 else (kind, tuple(children))
    return tuple(sorted((k, str(v)) for k, v in node.items()))


def test_structure_edits_and_paths() -> None:
    root = draft.Group()
    a = draft.add_condition(root, "consent")
    b = draft.add_condition(root, "lifecycle")
    sub = draft.indent(root, b.id)
    assert sub is not None and sub.match == "any" and sub.children == [b]
    assert draft.depth(root, b.id) == 2
    assert draft.build(root).document == {
        "version": 1,
        "rules": {
            "all": [
                {"type": "consent", "channel": "push", "state": "granted"},
                {"any": [{"type": "lifecycle", "stage": "new", "days": 30}]},
            ]
        },
    }
    assert draft.outdent(root, b.id)
    assert [c.id for c in root.children] == [a.id, b.id]  # the emptied group is gone
    assert not draft.outdent(root, a.id)  # already at the top
    assert draft.remove(root, a.id) and not draft.remove(root, 12345)
    assert draft.find(root, b.id) is b


def test_errors_name_the_node_at_fault() -> None:
    root = draft.Group()
    good = draft.add_condition(root, "consent")
    blank = draft.add_condition(root, "event")  # no name yet
    bad = draft.add_condition(root, "sample")
    bad.values = {"percent": 140}
    empty = draft.Group("any")
    root.children.append(empty)
    result = draft.build(root)
    assert result.document is None
    assert result.errors == {
        blank.id: "name: missing",
        bad.id: "percent: must be between 0 and 100",
    }
    assert good.id not in result.errors
    assert result.empty_groups == {empty.id}


def test_a_document_rules_py_refuses_is_not_loaded() -> None:
    with pytest.raises(RuleError, match=r"rules.all\[0\].type"):
        draft.from_document({"version": 1, "rules": {"all": [{"type": "nope"}]}})
