"""What the composer's form edits, addressed by form keys, with no widget in sight.

The composer shows one widget per key (``"campaign.name"``, ``"content.title"``,
``"action0.deep_link"``, ``"inapp.button1_label"``, ``"sms.body"`` …). This model reads and
writes the value behind each key in plain dicts (the campaign's fields, one content dict per
variant), so undo, variants and the draft that is saved never depend on a widget's state, and
the mapping from keys to content is tested without Qt.
"""

from __future__ import annotations

import json
import re
from typing import Any

from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.content.inapp import InAppContent
from engage_desktop.core.content.push import PushContent

_BUTTON_KEY = re.compile(r"button\d_")
_EMPTY_ACTION = {"id": "", "title": "", "deep_link": ""}
_EMPTY_BUTTON = {"label": "", "deep_link": ""}


class CampaignForm:
    """The campaign being composed.

    Attributes:
        campaign: the campaign-wide fields, as the form shows them (tags as one text, the
            control group in percent).
        contents: one content dict per variant key (``"A"``, ``"B"`` …).
        variant_key: the variant the form shows.
    """

    def __init__(self, app_id: int, new_name: str) -> None:
        """A new push campaign named ``new_name`` (until a stored draft is loaded)."""
        self.campaign: dict[str, Any] = {}
        self._load_fields(CampaignDraft(app_id=app_id, name=new_name))
        self.contents: dict[str, dict[str, Any]] = {"A": PushContent().to_dict()}
        self.variant_key = "A"

    def load(self, draft: CampaignDraft) -> None:
        """Show a stored draft: its fields, its variants, and its first variant."""
        self._load_fields(draft)
        self.contents = {v.key: dict(v.content) for v in draft.variants} or {"A": {}}
        self.variant_key = next(iter(self.contents))

    def _load_fields(self, draft: CampaignDraft) -> None:
        schedule = dict(draft.schedule or {})
        self.campaign = {
            "format": draft.format,
            "name": draft.name,
            "analytics_label": draft.analytics_label,
            "tags": ", ".join(draft.tags),
            "control_share": draft.control_share * 100.0,
            "segment_id": draft.segment_id,
            "schedule_mode": schedule.get("mode", "now"),
            "schedule_at": schedule.get("at", ""),
            "schedule_time_zone": schedule.get("time_zone", ""),
            "sms_max_segments": draft.sms_max_segments,
        }

    @property
    def format(self) -> str:
        return str(self.campaign.get("format") or "push")

    def content(self) -> dict[str, Any]:
        """The shown variant's content dict (edited in place)."""
        return self.contents[self.variant_key]

    def add_variant(self) -> str:
        """A new variant copying the shown one; returns its key (``B`` after ``A`` …)."""
        key = chr(ord("A") + len(self.contents))
        self.contents[key] = json.loads(json.dumps(self.content()))
        return key

    def stored(self, key: str) -> Any:
        """The model's value for a form key (what undo goes back to)."""
        scope, _, name = key.partition(".")
        content = self.content()
        if scope == "content":
            if name == "data":
                return data_to_text(dict(content.get("data") or {}))
            value = content.get(name)
            return "" if value is None else value if name == "priority" else str(value)
        if scope.startswith("action"):
            actions = content.get("actions") or []
            i = int(scope[6:])
            return actions[i].get(name, "") if i < len(actions) else ""
        if scope == "inapp":
            if _BUTTON_KEY.match(name):
                i, part = int(name[6]), name[8:]
                buttons = content.get("buttons") or []
                return buttons[i].get(part, "") if i < len(buttons) else ""
            return content.get(name, InAppContent().to_dict().get(name, ""))
        if scope == "rich":
            return content.get(name, False if name.startswith("allow_") else "")
        if scope == "sms":
            return content.get("body", "")
        if scope == "email":
            return content.get(name, "")
        return self.campaign.get(name)

    def write(self, key: str, value: Any) -> None:
        """Store a form key's new value; empty trailing buttons are dropped."""
        scope, _, name = key.partition(".")
        content = self.content()
        if scope == "content":
            content[name] = data_from_text(value) if name == "data" else value
        elif scope.startswith("action"):
            content["actions"] = _set_in_list(
                content.get("actions"), int(scope[6:]), name, value, _EMPTY_ACTION
            )
        elif scope == "sms":
            content["body"] = value
        elif scope == "inapp" and _BUTTON_KEY.match(name):
            content["buttons"] = _set_in_list(
                content.get("buttons"), int(name[6]), name[8:], value, _EMPTY_BUTTON
            )
        elif scope in ("email", "rich", "inapp"):
            content[name] = value
        else:
            self.campaign[name] = value

    def to_draft(self, app_id: int, untitled: str, campaign_id: int | None) -> CampaignDraft:
        """The draft to validate and save; ``untitled`` names a campaign left without a name."""
        c = self.campaign
        schedule: dict[str, Any] = {"mode": c.get("schedule_mode") or "now"}
        for name in ("at", "time_zone"):  # as the scheduling dialog stored them
            if c.get(f"schedule_{name}"):
                schedule[name] = c[f"schedule_{name}"]
        return CampaignDraft(
            app_id=app_id,
            name=str(c.get("name") or "").strip() or untitled,
            format=self.format,
            variants=tuple(Variant(k, 1.0, dict(v)) for k, v in self.contents.items()),
            control_share=float(c.get("control_share") or 0.0) / 100.0,
            segment_id=c.get("segment_id"),
            schedule=schedule,
            analytics_label=str(c.get("analytics_label") or ""),
            tags=tuple(t.strip() for t in str(c.get("tags") or "").split(",") if t.strip()),
            sms_max_segments=int(c.get("sms_max_segments") or 3),
            id=campaign_id,
        )


def _set_in_list(
    items: Any, index: int, part: str, value: Any, empty: dict[str, str]
) -> list[dict[str, Any]]:
    """Set ``items[index][part]``, growing the list with empty entries; trailing empties go."""
    copied = [dict(item) for item in items or []]
    while len(copied) <= index:
        copied.append(dict(empty))
    copied[index][part] = value
    while copied and not any(copied[-1].values()):
        copied.pop()
    return copied


def data_from_text(text: str) -> dict[str, Any]:
    """``key=value`` lines → dict. ``code="12"`` and ``code=abc`` are text; ``code=12`` or
    ``flag=true`` stay numbers/booleans so validation can say FCM wants text (quote them)."""
    data: dict[str, Any] = {}
    for line in text.splitlines():
        if not line.strip() or "=" not in line:
            continue
        key, _, raw = line.partition("=")
        raw = raw.strip()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = raw
        data[key.strip()] = parsed if isinstance(parsed, str | int | float | bool) else raw
    return data


def data_to_text(data: dict[str, Any]) -> str:
    """The inverse of ``data_from_text``: text that would read back as a number or a boolean
    (``"12"``) is quoted, so editing the field never turns stored text into a number."""
    return "\n".join(f"{k}={_data_value_text(v)}" for k, v in data.items())


def _data_value_text(value: Any) -> str:
    if not isinstance(value, str):
        return json.dumps(value)
    try:
        json.loads(value)
    except ValueError:
        return value  # plain text reads back as itself
    return json.dumps(value, ensure_ascii=False)
