"""What the composer's form edits, addressed by form keys, with no widget in sight.

The composer shows one widget per key (``"campaign.name"``, ``"content.title"``,
``"action0.deep_link"``, ``"inapp.button1_label"``, ``"sms.body"`` …). This model reads and
writes the value behind each key in plain dicts (the campaign's fields, and one content dict per
format and variant), so undo, variants and the draft that is saved never depend on a widget's
state, and the mapping from keys to content is tested without Qt.

Each format keeps its own content: a key always reads and writes its own format's dict (the
SMS text never lands in the push body), and switching format shows that format's content as it
was left. What is saved, validated, previewed and shown as payload is the chosen format's
content only, so the four can never disagree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.content.inapp import InAppContent
from engage_desktop.core.content.push import PushContent
from engage_desktop.core.content.rich_fcm import DEFAULT_INBOX_DAYS
from engage_desktop.core.messages import CodedText

_BUTTON_KEY = re.compile(r"button\d_")
_EMPTY_ACTION = {"id": "", "title": "", "deep_link": ""}
_EMPTY_BUTTON = {"label": "", "deep_link": ""}
SHARE_KEY = "variant.share"
"""The shown variant's share of the recipients outside the control group, in percent."""
SHARE_TOLERANCE = 0.0005  # shares typed to 0.1 % add up to 100 % within this
_SCOPE_FORMATS = {
    "content": "push",
    "sms": "sms",
    "email": "email",
    "rich": "rich_push",
    "inapp": "in_app",
}


def format_of_key(key: str) -> str | None:
    """The format whose content a form key edits (``None`` for campaign-wide keys)."""
    scope = key.partition(".")[0]
    if scope.startswith("action"):
        return "push"
    return _SCOPE_FORMATS.get(scope)


def empty_content(fmt: str) -> dict[str, Any]:
    """A new variant's content in ``fmt``, as a new campaign starts it."""
    if fmt == "push":
        return PushContent().to_dict()
    if fmt == "in_app":
        return InAppContent().to_dict()
    return {}


class CampaignForm:
    """The campaign being composed.

    Attributes:
        campaign: the campaign-wide fields, as the form shows them (tags as one text, the
            control group in percent).
        by_format: format → variant key → that format's content dict for the variant.
        weights: variant key → its weight (its share of the audience against the others).
        variant_key: the variant the form shows.
    """

    def __init__(self, app_id: int, new_name: str) -> None:
        """A new push campaign named ``new_name`` (until a stored draft is loaded)."""
        self.campaign: dict[str, Any] = {}
        self._load_fields(CampaignDraft(app_id=app_id, name=new_name))
        self.by_format: dict[str, dict[str, dict[str, Any]]] = {}
        self.weights: dict[str, float] = {"A": 1.0}
        self.variant_key = "A"

    def load(self, draft: CampaignDraft) -> None:
        """Show a stored draft: its fields, its variants, and its first variant."""
        self._load_fields(draft)
        variants = draft.variants or (Variant("A", 1.0, {}),)
        self.by_format = {draft.format: {v.key: dict(v.content) for v in variants}}
        for v in variants:  # what was written in the other formats, kept by the save
            for fmt, content in v.other_formats.items():
                if fmt != draft.format:
                    self.by_format.setdefault(fmt, {})[v.key] = dict(content)
        # Stored weights are relative (the expansion splits by their ratio): shown as shares.
        total = sum(max(v.weight, 0.0) for v in variants)
        self.weights = {
            v.key: max(v.weight, 0.0) / total if total > 0 else 1.0 / len(variants)
            for v in variants
        }
        self.variant_key = variants[0].key

    def _load_fields(self, draft: CampaignDraft) -> None:
        self.schedule = dict(draft.schedule or {})
        self.campaign = {
            "format": draft.format,
            "name": draft.name,
            "analytics_label": draft.analytics_label,
            "tags": ", ".join(draft.tags),
            "control_share": draft.control_share * 100.0,
            "segment_id": draft.segment_id,
            "transactional": bool(self.schedule.get("transactional", False)),
            "sms_max_segments": draft.sms_max_segments,
        }

    def set_schedule(self, chosen: Mapping[str, Any]) -> None:
        """The scheduling dialog stored a choice (``campaign.schedule``'s keys; ``{"mode":
        "now"}`` when unscheduled): later saves keep it, and the other keys (offer end,
        throttle…) stay as they were."""
        kept = {k: v for k, v in self.schedule.items() if k not in ("at", "time_zone")}
        self.schedule = {**kept, **chosen}

    @property
    def format(self) -> str:
        return str(self.campaign.get("format") or "push")

    @property
    def contents(self) -> dict[str, dict[str, Any]]:
        """The chosen format's content of every variant (what is saved), in variant order."""
        return {key: self.content(key=key) for key in self.weights}

    def content(self, fmt: str | None = None, key: str | None = None) -> dict[str, Any]:
        """One variant's content in one format (edited in place); by default the shown
        variant in the chosen format. A format never edited starts empty."""
        per_variant = self.by_format.setdefault(fmt or self.format, {})
        variant = key or self.variant_key
        if variant not in per_variant:
            per_variant[variant] = empty_content(fmt or self.format)
        return per_variant[variant]

    def add_variant(self) -> str:
        """A new variant copying the shown one in every format; returns its key (the first
        free letter). Shares are split evenly again, so they still add up to 100 %."""
        key = next(k for k in "ABCDEFGH" if k not in self.weights)
        for per_variant in self.by_format.values():
            if self.variant_key in per_variant:
                per_variant[key] = json.loads(json.dumps(per_variant[self.variant_key]))
        self.weights[key] = 0.0
        self._split_evenly()
        return key

    def remove_variant(self, key: str) -> str:
        """Drop a variant (never the last one); the others share evenly. Returns the variant
        to show next."""
        if len(self.weights) > 1 and key in self.weights:
            del self.weights[key]
            for per_variant in self.by_format.values():
                per_variant.pop(key, None)
            self._split_evenly()
        if self.variant_key not in self.weights:
            self.variant_key = next(iter(self.weights))
        return self.variant_key

    def _split_evenly(self) -> None:
        self.weights = {k: 1.0 / len(self.weights) for k in self.weights}

    def share_issues(self) -> list[tuple[str, str]]:
        """The variants' shares must add up to 100 % (field ``shares``, code
        ``shares_not_100`` with the total in percent)."""
        total = sum(self.weights.values())
        if len(self.weights) < 2 or abs(total - 1.0) <= SHARE_TOLERANCE:
            return []
        shown = f"{total * 100:.1f}"
        text = f"The variants' shares add up to {shown} %; they must add up to 100 %."
        return [("shares", CodedText(text, "shares_not_100", shown))]

    def stored(self, key: str) -> Any:
        """The model's value for a form key (what undo goes back to)."""
        scope, _, name = key.partition(".")
        if key == SHARE_KEY:
            return round(self.weights.get(self.variant_key, 0.0) * 100.0, 1)
        fmt = format_of_key(key)
        if fmt is None:
            return self.campaign.get(name)
        content = self.content(fmt)
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
            if name == "inbox_days":
                return content.get(name, DEFAULT_INBOX_DAYS)
            return content.get(name, False if name.startswith("allow_") else "")
        if scope == "sms":
            return content.get("body", "")
        return content.get(name, "")  # email

    def write(self, key: str, value: Any) -> None:
        """Store a form key's new value in its own format's content; empty trailing buttons
        are dropped."""
        scope, _, name = key.partition(".")
        if key == SHARE_KEY:
            self.weights[self.variant_key] = float(value or 0.0) / 100.0
            return
        fmt = format_of_key(key)
        if fmt is None:
            self.campaign[name] = value
            return
        content = self.content(fmt)
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
        else:
            content[name] = value

    def to_draft(self, app_id: int, untitled: str, campaign_id: int | None) -> CampaignDraft:
        """The draft to validate and save; ``untitled`` names a campaign left without a name."""
        c = self.campaign
        schedule: dict[str, Any] = {**self.schedule, "mode": self.schedule.get("mode") or "now"}
        schedule.pop("transactional", None)
        if c.get("transactional"):
            schedule["transactional"] = True  # the delivery rules read it here
        return CampaignDraft(
            app_id=app_id,
            name=str(c.get("name") or "").strip() or untitled,
            format=self.format,
            variants=tuple(
                Variant(k, self.weights.get(k, 1.0), dict(v), self._other_formats(k))
                for k, v in self.contents.items()
            ),
            control_share=float(c.get("control_share") or 0.0) / 100.0,
            segment_id=c.get("segment_id"),
            schedule=schedule,
            analytics_label=str(c.get("analytics_label") or ""),
            tags=tuple(t.strip() for t in str(c.get("tags") or "").split(",") if t.strip()),
            sms_max_segments=int(c.get("sms_max_segments") or 3),
            id=campaign_id,
        )

    def _other_formats(self, key: str) -> dict[str, dict[str, Any]]:
        """Variant ``key``'s content in the formats not chosen, where something was written
        (a format only looked at keeps nothing)."""
        return {
            fmt: dict(per_variant[key])
            for fmt, per_variant in self.by_format.items()
            if fmt != self.format and key in per_variant and per_variant[key] != empty_content(fmt)
        }


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
