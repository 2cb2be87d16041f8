"""The content of a push notification, as stored in a campaign variant's JSON document.

One typed, immutable value shared by the composer (preview), the payload builder and the sender,
so the three can never disagree about what a field means. ``from_dict`` is lenient (missing keys
get defaults, numbers given as strings are read) because variant documents come from the demo
generator, older drafts and scripts; validation is a separate step that reports problems by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

MAX_ACTIONS = 3
Priority = Literal["high", "normal"]


@dataclass(frozen=True, slots=True)
class PushAction:
    """One action button: an id the app receives, a label and where it leads."""

    id: str
    title: str
    deep_link: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PushAction:
        return cls(
            id=str(d.get("id") or ""),
            title=str(d.get("title") or ""),
            deep_link=str(d.get("deep_link") or ""),
        )

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "deep_link": self.deep_link}


def _opt_int(value: Any) -> int | None:
    """Read an optional integer; an empty or unreadable value is None (validation flags it)."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class PushContent:
    """Everything a marketer writes for a push notification (one A/B variant)."""

    title: str = ""
    subtitle: str = ""
    body: str = ""
    image_url: str = ""
    deep_link: str = ""
    actions: tuple[PushAction, ...] = ()
    sound: str = ""
    badge: int | None = None
    android_channel_id: str = ""
    priority: Priority = "high"
    ttl_seconds: int | None = None
    collapse_key: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PushContent:
        """Build from a variant document; unknown keys are ignored, missing ones defaulted.

        ``data`` values are kept as given (not coerced to strings) so validation can tell the
        author that a value is not a string instead of silently changing it.
        """
        actions_raw = d.get("actions") or []
        actions = tuple(PushAction.from_dict(a) for a in actions_raw if isinstance(a, Mapping))
        priority: Priority = "normal" if str(d.get("priority") or "high") == "normal" else "high"
        data_raw = d.get("data") or {}
        data = {str(k): v for k, v in data_raw.items()} if isinstance(data_raw, Mapping) else {}
        return cls(
            title=str(d.get("title") or ""),
            subtitle=str(d.get("subtitle") or ""),
            body=str(d.get("body") or ""),
            image_url=str(d.get("image_url") or ""),
            deep_link=str(d.get("deep_link") or ""),
            actions=actions,
            sound=str(d.get("sound") or ""),
            badge=_opt_int(d.get("badge")),
            android_channel_id=str(d.get("android_channel_id") or ""),
            priority=priority,
            ttl_seconds=_opt_int(d.get("ttl_seconds")),
            collapse_key=str(d.get("collapse_key") or ""),
            data=data,
        )

    def to_dict(self) -> dict[str, Any]:
        """The variant document, with exactly the documented keys."""
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "body": self.body,
            "image_url": self.image_url,
            "deep_link": self.deep_link,
            "actions": [a.to_dict() for a in self.actions],
            "sound": self.sound,
            "badge": self.badge,
            "android_channel_id": self.android_channel_id,
            "priority": self.priority,
            "ttl_seconds": self.ttl_seconds,
            "collapse_key": self.collapse_key,
            "data": dict(self.data),
        }

    def with_changes(self, **changes: Any) -> PushContent:
        """A copy with some fields replaced (the composer edits by replacement)."""
        return replace(self, **changes)
