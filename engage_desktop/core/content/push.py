"""Typed push content: the schema of a push campaign variant's ``content`` JSON.

Variants are stored as plain JSON; this dataclass is the one place that says which keys exist and
what type each has, so the composer, the CLI and the dispatch service agree. Parsing is strict
(unknown keys and wrong types are refused with the field named) because a typo in a key would
otherwise silently drop a field from every message sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

MAX_ACTIONS = 3
Priority = Literal["high", "normal"]


@dataclass(frozen=True)
class PushAction:
    """A notification button: an id reported on click, its label and where it leads."""

    id: str
    title: str
    deep_link: str | None = None

    @classmethod
    def from_dict(cls, d: Any, where: str) -> PushAction:
        """Parse one action; ``where`` (e.g. ``actions[1]``) prefixes error messages."""
        if not isinstance(d, Mapping):
            raise ValueError(f"{where}: expected an object, got {type(d).__name__}")
        unknown = sorted(set(d) - {"id", "title", "deep_link"})
        if unknown:
            raise ValueError(f"{where}: unknown key(s) {', '.join(map(str, unknown))}")
        return cls(
            id=_str(d, "id", where, default=""),
            title=_str(d, "title", where, default=""),
            deep_link=_opt_str(d, "deep_link", where),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form stored in a variant."""
        out: dict[str, Any] = {"id": self.id, "title": self.title}
        if self.deep_link is not None:
            out["deep_link"] = self.deep_link
        return out


@dataclass(frozen=True)
class PushContent:
    """Everything a push variant can say; defaults make a demo variant (title/body only) valid."""

    title: str = ""
    subtitle: str = ""
    body: str = ""
    image_url: str | None = None
    deep_link: str | None = None
    actions: tuple[PushAction, ...] = ()
    sound: str | None = None
    badge: int | None = None
    android_channel_id: str | None = None
    priority: Priority = "high"
    ttl_seconds: int | None = None
    collapse_key: str | None = None
    data: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PushContent:
        """Parse stored JSON; raises ValueError naming the offending field."""
        if not isinstance(d, Mapping):
            raise ValueError(f"push content: expected an object, got {type(d).__name__}")
        unknown = sorted(set(d) - _FIELDS)
        if unknown:
            raise ValueError(f"push content: unknown field(s) {', '.join(map(str, unknown))}")
        w = "push content"
        return cls(
            title=_str(d, "title", w, default=""),
            subtitle=_str(d, "subtitle", w, default=""),
            body=_str(d, "body", w, default=""),
            image_url=_opt_str(d, "image_url", w),
            deep_link=_opt_str(d, "deep_link", w),
            actions=_actions(d.get("actions")),
            sound=_opt_str(d, "sound", w),
            badge=_opt_int(d, "badge"),
            android_channel_id=_opt_str(d, "android_channel_id", w),
            priority=_priority(d.get("priority")),
            ttl_seconds=_opt_int(d, "ttl_seconds"),
            collapse_key=_opt_str(d, "collapse_key", w),
            data=_data(d.get("data")),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; None and empty values are left out so stored variants stay short."""
        out: dict[str, Any] = {}
        for name in _ORDER:
            value: Any = getattr(self, name)
            if name == "actions":
                value = [a.to_dict() for a in self.actions]
            elif name == "data":
                value = dict(self.data)
            if value is None or value == "" or value == [] or value == {}:
                continue
            if name == "priority" and value == "high":
                continue
            out[name] = value
        return out


_ORDER = (
    "title",
    "subtitle",
    "body",
    "image_url",
    "deep_link",
    "actions",
    "sound",
    "badge",
    "android_channel_id",
    "priority",
    "ttl_seconds",
    "collapse_key",
    "data",
)
_FIELDS = frozenset(_ORDER)


def _str(d: Mapping[str, Any], key: str, where: str, *, default: str) -> str:
    value = d.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise ValueError(f"{where}: field '{key}' must be a string, got {type(value).__name__}")
    return value


def _opt_str(d: Mapping[str, Any], key: str, where: str) -> str | None:
    value = d.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"{where}: field '{key}' must be a string, got {type(value).__name__}")
    return value


def _opt_int(d: Mapping[str, Any], key: str) -> int | None:
    value = d.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(
            f"push content: field '{key}' must be an integer, got {type(value).__name__}"
        )
    if value < 0:
        raise ValueError(f"push content: field '{key}' must not be negative, got {value}")
    return value


def _priority(value: Any) -> Priority:
    if value is None or value == "high":
        return "high"
    if value == "normal":
        return "normal"
    raise ValueError(f"push content: field 'priority' must be 'high' or 'normal', got {value!r}")


def _actions(value: Any) -> tuple[PushAction, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise ValueError(
            f"push content: field 'actions' must be a list, got {type(value).__name__}"
        )
    if len(value) > MAX_ACTIONS:
        raise ValueError(
            f"push content: field 'actions' has {len(value)} buttons, at most {MAX_ACTIONS}"
        )
    return tuple(PushAction.from_dict(a, f"actions[{i}]") for i, a in enumerate(value))


def _data(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(
            f"push content: field 'data' must be an object, got {type(value).__name__}"
        )
    out: dict[str, str] = {}
    for k, v in value.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise ValueError(
                f"push content: field 'data.{k}' must be a string, got {type(v).__name__}"
            )
        out[k] = v
    return out
