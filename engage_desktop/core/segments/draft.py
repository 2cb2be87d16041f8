"""The segment being built, as plain Python: groups, conditions, and their rule JSON.

The builder's widgets read and write this model; structural edits (add, remove, indent,
outdent) happen here so they can be tested without a screen. ``build`` turns the draft into the
saved document of ``core.segments.rules`` and reports, per node id, what is wrong, so the widget
of that node can show the message beside itself.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from engage_desktop.core.messages import CodedText
from engage_desktop.core.segments.rules import RuleError, parse_node, parse_rules, to_document

KINDS = (
    "attribute",
    "event",
    "event_last",
    "location",
    "device",
    "consent",
    "lifecycle",
    "segment",
    "sample",
)

_ids = itertools.count(1)


def _next_id() -> int:
    return next(_ids)


def default_values(kind: str) -> dict[str, Any]:
    """What a new condition of ``kind`` starts with (valid where a sensible default exists)."""
    defaults: dict[str, dict[str, Any]] = {
        "attribute": {"field": "city", "op": "equals", "value": ""},
        "event": {"name": "", "did": True, "min_count": 1, "within_days": 30},
        "event_last": {"name": "", "before": date.today().replace(day=1).isoformat()},
        "location": {"any_store": True, "radius_km": 10.0},
        "device": {"platform": "ios"},
        "consent": {"channel": "push", "state": "granted"},
        "lifecycle": {"stage": "new", "days": 30},
        "segment": {},
        "sample": {"percent": 10.0},
    }
    if kind not in defaults:
        raise ValueError(f"unknown condition kind {kind!r}")
    return dict(defaults[kind])


@dataclass
class Condition:
    """One condition row: its kind and the fields of its rule JSON (without ``type``)."""

    kind: str
    values: dict[str, Any] = field(default_factory=dict)
    id: int = field(default_factory=_next_id)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.kind, **{k: v for k, v in self.values.items() if v is not None}}


@dataclass
class Group:
    """All of / any of its children, possibly negated (``NOT``)."""

    match: str = "all"  # "all" | "any"
    negate: bool = False
    children: list[Condition | Group] = field(default_factory=list)
    id: int = field(default_factory=_next_id)


Node = Condition | Group


@dataclass
class BuildResult:
    """The saved document (None while the draft is incomplete) and what is wrong, per node id.

    Each error is a ``CodedText``: English ("value: missing") with the rule error's code and
    arguments, so the builder words it in the user's language.
    """

    document: dict[str, Any] | None
    errors: dict[int, CodedText] = field(default_factory=dict)
    empty_groups: set[int] = field(default_factory=set)

    @property
    def valid(self) -> bool:
        return self.document is not None


# -- building and reading back -----------------------------------------------------------------


def build(root: Group) -> BuildResult:
    """The rule document of ``root``; conditions are validated one by one with rules.py."""
    result = BuildResult(None)
    node = _node_json(root, result)
    if result.errors or result.empty_groups or node is None:
        return result
    document = {"version": 1, "rules": node}
    try:
        parse_rules(document)  # the whole tree once more: the compilers' own gate
    except RuleError as exc:  # pragma: no cover - per-node checks catch every case first
        result.errors[root.id] = CodedText(str(exc), exc.code, *exc.args_text)
        return result
    result.document = document
    return result


def _node_json(node: Node, result: BuildResult) -> dict[str, Any] | None:
    if isinstance(node, Condition):
        data = node.to_json()
        try:
            parse_node(data, "condition")
        except RuleError as exc:
            result.errors[node.id] = CodedText(strip_path(str(exc)), exc.code, *exc.args_text)
            return None
        blank = blank_field(data)
        if blank is not None:
            result.errors[node.id] = CodedText(f"{blank}: missing", "missing", node.kind, blank)
            return None
        return data
    if not node.children:
        result.empty_groups.add(node.id)
        return None
    parts = [_node_json(child, result) for child in node.children]
    if any(p is None for p in parts):
        return None
    if node.negate and len(parts) == 1:
        return {"not": parts[0]}  # NOT of one condition: no group needed (as it was saved)
    inner = {node.match: parts}
    return {"not": inner} if node.negate else inner


def blank_field(data: dict[str, Any]) -> str | None:
    """The first text field left empty that rules.py would accept but that matches nobody
    (an event named "", a city "", ...): the builder asks for it instead of counting zero."""
    kind = data["type"]
    if kind in ("event", "event_last"):
        if not data["name"].strip():
            return "name"
        param = data.get("param")
        if isinstance(param, dict) and not str(param.get("key", "")).strip():
            return "param.key"
    if kind == "location":
        for key in ("city", "postal_prefix"):
            if key in data and not str(data[key]).strip():
                return key
    value = data.get("value") if kind == "attribute" else None
    if isinstance(value, str) and not value.strip():
        return "value"
    if isinstance(value, list) and not all(str(v).strip() for v in value):
        return "value"
    return None


def strip_path(message: str) -> str:
    """``condition.value: missing`` → ``value: missing`` (the row already says where)."""
    head, sep, tail = message.partition(": ")
    if sep and head.startswith("condition"):
        field_name = head[len("condition") :].lstrip(".")
        return f"{field_name}: {tail}" if field_name else tail
    return message


def from_document(document: dict[str, Any]) -> Group:
    """A draft from a saved document (raises RuleError for a document rules.py rejects)."""
    parse_rules(document)  # validate first: the draft only holds trees that parse
    root = _from_node(document["rules"])
    if isinstance(root, Group):
        return root
    return Group("all", False, [root])


def _from_node(node: dict[str, Any]) -> Node:
    if "not" in node:
        inner = _from_node(node["not"])
        if isinstance(inner, Group) and not inner.negate:
            inner.negate = True
            return inner
        return Group("all", True, [inner])
    for match in ("all", "any"):
        if match in node:
            return Group(match, False, [_from_node(child) for child in node[match]])
    values = {k: v for k, v in node.items() if k != "type"}
    return Condition(node["type"], values)


def document_of(root: Group) -> dict[str, Any] | None:
    """Shortcut: the document if the draft is complete, else None."""
    return build(root).document


def normalised(document: dict[str, Any]) -> dict[str, Any]:
    """The document as rules.py writes it back (for comparing drafts with saved segments)."""
    return to_document(parse_rules(document))


# -- structural edits ------------------------------------------------------------------------


def find_parent(root: Group, node_id: int) -> Group | None:
    """The group holding ``node_id`` (None for the root or an unknown id)."""
    for child in root.children:
        if child.id == node_id:
            return root
        if isinstance(child, Group):
            found = find_parent(child, node_id)
            if found is not None:
                return found
    return None


def find(root: Group, node_id: int) -> Node | None:
    if root.id == node_id:
        return root
    for child in root.children:
        if child.id == node_id:
            return child
        if isinstance(child, Group):
            found = find(child, node_id)
            if found is not None:
                return found
    return None


def add_condition(group: Group, kind: str = "attribute") -> Condition:
    condition = Condition(kind, default_values(kind))
    group.children.append(condition)
    return condition


def add_group(group: Group, match: str = "any") -> Group:
    """A new sub-group holding one fresh condition, ready to fill."""
    sub = Group(match)
    add_condition(sub)
    group.children.append(sub)
    return sub


def remove(root: Group, node_id: int) -> bool:
    parent = find_parent(root, node_id)
    if parent is None:
        return False
    parent.children = [c for c in parent.children if c.id != node_id]
    return True


def indent(root: Group, node_id: int) -> Group | None:
    """Wrap the node in a new group at its place (the opposite kind of match, as people nest)."""
    parent = find_parent(root, node_id)
    if parent is None:
        return None
    index = next(i for i, c in enumerate(parent.children) if c.id == node_id)
    sub = Group("any" if parent.match == "all" else "all", False, [parent.children[index]])
    parent.children[index] = sub
    return sub


def outdent(root: Group, node_id: int) -> bool:
    """Move the node out of its group, just after it; an emptied group disappears."""
    parent = find_parent(root, node_id)
    if parent is None or parent is root:
        return False
    grand = find_parent(root, parent.id)
    assert grand is not None
    node = next(c for c in parent.children if c.id == node_id)
    parent.children.remove(node)
    at = next(i for i, c in enumerate(grand.children) if c.id == parent.id)
    grand.children.insert(at + 1, node)
    if not parent.children:
        grand.children.remove(parent)
    return True


def depth(root: Group, node_id: int) -> int:
    """How deep a node sits (root 0), for indentation."""
    level, current = 0, node_id
    while (parent := find_parent(root, current)) is not None:
        level, current = level + 1, parent.id
    return level


# -- value helpers the editors share ----------------------------------------------------------


def split_list(text: str) -> list[str]:
    """``"Paris, Lyon ,"`` → ``["Paris", "Lyon"]`` (the one-of editor's text)."""
    return [part.strip() for part in text.split(",") if part.strip()]


def join_list(values: Any) -> str:
    return ", ".join(str(v) for v in values) if isinstance(values, list | tuple) else ""
