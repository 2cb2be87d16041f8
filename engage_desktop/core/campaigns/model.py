"""A campaign as the composer and the CLI see it: a plain, JSON-friendly value.

Kept apart from the ORM row so the composer can hold, diff and undo it without a session, and
the CLI can read and write it as JSON. ``from_dict`` reports bad input by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engage_desktop.core.content.fcm import template_issue_text
from engage_desktop.core.content.fcm_formats import FCM_FORMATS, check_format_message
from engage_desktop.core.content.inapp_fcm import inapp_expiry
from engage_desktop.core.content.mailbox import sender_issues
from engage_desktop.core.content.sms import validate_sms
from engage_desktop.core.messages import CodedError, CodedText
from engage_desktop.core.templating import template_problem
from engage_desktop.store.models import CampaignFormat

FORMATS = tuple(f.value for f in CampaignFormat)


class CampaignInputError(CodedError, ValueError):
    """Bad campaign input; ``field`` says where; ``code`` and args name the case for the GUI."""

    def __init__(self, field: str, message: str, code: str = "", *args: str) -> None:
        super().__init__(f"{field}: {message}", code, *args)
        self.field = field


@dataclass(frozen=True, slots=True)
class Variant:
    """One A/B variant: its weight, its content in the campaign's format (what is sent), and
    what the author wrote in the other formats (``other_formats``: format → content), kept so
    that switching format to compare loses nothing."""

    key: str
    weight: float
    content: Mapping[str, Any]
    other_formats: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CampaignDraft:
    """Everything the composer edits. ``id`` is None until first saved."""

    app_id: int
    name: str
    format: str = "push"
    variants: tuple[Variant, ...] = (Variant("A", 1.0, {}),)
    control_share: float = 0.0
    segment_id: int | None = None
    schedule: Mapping[str, Any] | None = None
    analytics_label: str = ""
    tags: tuple[str, ...] = ()
    sms_max_segments: int = 3
    id: int | None = None
    status: str = "draft"
    started: bool = False  # some of it was queued: its content can no longer change
    archived: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "app_id": self.app_id,
            "name": self.name,
            "format": self.format,
            "status": self.status,
            "variants": [
                {
                    "key": v.key,
                    "weight": v.weight,
                    "content": dict(v.content),
                    "other_formats": {f: dict(c) for f, c in v.other_formats.items()},
                }
                for v in self.variants
            ],
            "control_share": self.control_share,
            "segment_id": self.segment_id,
            "schedule": dict(self.schedule) if self.schedule is not None else None,
            "analytics_label": self.analytics_label,
            "tags": list(self.tags),
            "sms_max_segments": self.sms_max_segments,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], *, app_id: int | None = None) -> CampaignDraft:
        """Read JSON input; raises CampaignInputError naming the bad field."""
        fmt = str(d.get("format") or "push")
        if fmt not in FORMATS:
            raise CampaignInputError("format", f"must be one of {', '.join(FORMATS)}")
        name = str(d.get("name") or "").strip()
        if not name:
            raise CampaignInputError("name", "a campaign needs a name")
        raw_variants = d.get("variants") or [{"key": "A", "content": d.get("content") or {}}]
        if not isinstance(raw_variants, list):
            raise CampaignInputError("variants", "must be a list")
        variants = []
        for i, raw in enumerate(raw_variants):
            if not isinstance(raw, Mapping) or not isinstance(raw.get("content", {}), Mapping):
                raise CampaignInputError(
                    f"variants[{i}]", "must be an object with a content object"
                )
            key = str(raw.get("key") or chr(ord("A") + i))
            variants.append(
                Variant(
                    key,
                    _number(raw.get("weight", 1.0), f"variants[{i}].weight"),
                    dict(raw.get("content") or {}),
                    _other_formats(raw.get("other_formats"), f"variants[{i}].other_formats"),
                )
            )
        share = _number(d.get("control_share", 0.0), "control_share")
        if not 0.0 <= share <= 0.5:
            raise CampaignInputError("control_share", "must be between 0 and 0.5")
        tags = d.get("tags") or []
        if not isinstance(tags, list):
            raise CampaignInputError("tags", "must be a list of strings")
        segment = d.get("segment_id")
        return cls(
            app_id=int(app_id if app_id is not None else d.get("app_id") or 0),
            name=name,
            format=fmt,
            variants=tuple(variants),
            control_share=share,
            segment_id=int(segment) if segment not in (None, "") else None,
            schedule=d.get("schedule"),
            analytics_label=str(d.get("analytics_label") or ""),
            tags=tuple(str(t) for t in tags),
            sms_max_segments=int(d.get("sms_max_segments") or 3),
            id=d.get("id"),
            status=str(d.get("status") or "draft"),
        )


def _other_formats(raw: Any, where: str) -> dict[str, dict[str, Any]]:
    """``{format: content}`` for the formats not sent; refused by field when malformed."""
    if raw in (None, {}):
        return {}
    if not isinstance(raw, Mapping) or not all(isinstance(c, Mapping) for c in raw.values()):
        raise CampaignInputError(where, "must map formats to content objects")
    unknown = [str(f) for f in raw if f not in FORMATS]
    if unknown:
        raise CampaignInputError(where, f"unknown format {unknown[0]!r}")
    return {str(f): dict(c) for f, c in raw.items()}


def _number(value: Any, where: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise CampaignInputError(where, f"{value!r} is not a number") from None


TEMPLATE_FIELDS = {
    "push": ("title", "subtitle", "body", "image_url", "deep_link"),
    "rich_push": ("title", "body", "html"),
    "sms": ("body",),
    "email": ("subject", "preheader", "html", "text"),
    "in_app": ("header", "body"),
}
"""The texts of each format that may hold Liquid."""


def template_issues(fmt: str, content: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Liquid every profile would trip on, by field: (field, CodedText) like other issues.

    The code is ``template_<case>`` (``template_other`` for a case without one) and the
    arguments are line, column, then the case's own (or python-liquid's English message).
    """
    found: list[tuple[str, str]] = []
    for name in TEMPLATE_FIELDS.get(fmt, ()):
        problem = template_problem(str(content.get(name) or ""))
        if problem is not None:
            found.append((name, template_issue_text(problem)))
    return found


def validate_draft(draft: CampaignDraft) -> list[tuple[str, str]]:
    """All issues as (field, message), field paths prefixed by the variant key ("A.body").

    The one content check: the composer marks these, and scheduling, sending, test sends, the
    service's firing check and its compiler refuse content that has any.
    """
    issues: list[tuple[str, str]] = []
    if not draft.name.strip():
        issues.append(("name", CodedText("A campaign needs a name.", "no_name")))
    if not draft.variants:
        message = "A campaign needs at least one variant."
        issues.append(("variants", CodedText(message, "no_variant")))
    keys = [v.key for v in draft.variants]
    if len(set(keys)) != len(keys):
        issues.append(("variants", CodedText("Two variants have the same key.", "same_key")))
    for variant in draft.variants:
        found = variant_issues(
            draft.format,
            variant.content,
            analytics_label=draft.analytics_label or None,
            sms_max_segments=draft.sms_max_segments,
        )
        issues += [(f"{variant.key}.{f}", m) for f, m in found]
    return issues


def expired_before(draft: CampaignDraft, first_send: datetime) -> list[tuple[str, str]]:
    """In-app variants whose expiry comes before the send starts: nobody would ever see them.

    Separate from ``validate_draft`` because it depends on when the campaign goes out: sending,
    test sends and scheduling ask it with their own moment (an aware datetime).
    """
    if draft.format != CampaignFormat.IN_APP.value:
        return []
    issues: list[tuple[str, str]] = []
    for variant in draft.variants:
        try:
            expiry = inapp_expiry(variant.content)
        except ValueError:
            continue  # validate_draft names it
        if expiry is not None and expiry <= first_send.timestamp():
            shown = str(variant.content.get("expires_at")).strip()[:40]
            text = f"The message expires ({shown}) before it is sent: nobody would see it."
            issues.append((f"{variant.key}.expires_at", CodedText(text, "inapp_expired", shown)))
    return issues


def variant_issues(
    fmt: str,
    content: Mapping[str, Any],
    *,
    analytics_label: str | None = None,
    sms_max_segments: int = 3,
) -> list[tuple[str, str]]:
    """The issues of one variant's content, by field (no variant prefix)."""
    issues = template_issues(fmt, content)
    if fmt in FCM_FORMATS:
        _, _, found = check_format_message(fmt, content, analytics_label=analytics_label)
        issues += [(i.field, i.message) for i in found]
    elif fmt == "sms":
        issues += validate_sms(str(content.get("body") or ""), sms_max_segments)
    elif fmt == "email":
        if not str(content.get("subject") or "").strip():
            issues.append(("subject", CodedText("An email needs a subject.", "no_subject")))
        issues += sender_issues(str(content.get("from") or ""), str(content.get("reply_to") or ""))
    return issues
