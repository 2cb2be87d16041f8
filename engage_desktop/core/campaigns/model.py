"""What a campaign editor sends in and gets back: plain frozen data, JSON round-trippable.

The JSON form of ``CampaignDraft`` is the CLI's input and the export's output, so an exported
campaign can be edited in a text editor and created again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from engage_desktop.core.content.fcm import Issue, validate_push
from engage_desktop.core.content.push import PushContent
from engage_desktop.store.models import CampaignFormat, CampaignStatus

EDITABLE_STATUSES = frozenset({CampaignStatus.DRAFT, CampaignStatus.SCHEDULED})
SETTABLE_STATUSES = frozenset({CampaignStatus.DRAFT, CampaignStatus.SCHEDULED})


class CampaignError(ValueError):
    """A campaign request that cannot be carried out; the message says why."""


class CampaignNotFound(CampaignError):
    """No campaign with that id in this workspace."""


class CampaignInvalid(CampaignError):
    """The campaign has validation issues that forbid what was asked (e.g. scheduling)."""

    def __init__(self, message: str, issues: list[Issue]) -> None:
        details = "; ".join(f"{i.field}: {i.message}" for i in issues)
        super().__init__(f"{message} {details}".strip())
        self.issues = issues


@dataclass(frozen=True)
class VariantDraft:
    """One A/B variant: its key ("A"), weight and content JSON (schema per format)."""

    key: str
    content: Mapping[str, Any]
    weight: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "weight": self.weight, "content": dict(self.content)}


@dataclass(frozen=True)
class CampaignDraft:
    """The editable part of a campaign."""

    name: str
    variants: tuple[VariantDraft, ...]
    format: CampaignFormat = CampaignFormat.PUSH
    status: CampaignStatus = CampaignStatus.DRAFT
    analytics_label: str | None = None
    segment_id: int | None = None
    control_share: float = 0.0
    scheduled_at: datetime | None = None
    tags: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> CampaignDraft:
        """Parse the JSON form; raises CampaignError naming the bad field."""
        return _draft_from_dict(d)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "format": self.format.value,
            "status": self.status.value,
            "analytics_label": self.analytics_label,
            "segment_id": self.segment_id,
            "control_share": self.control_share,
            "scheduled_at": self.scheduled_at.isoformat() if self.scheduled_at else None,
            "tags": list(self.tags),
            "variants": [v.to_dict() for v in self.variants],
        }


@dataclass(frozen=True)
class CampaignSummary:
    """A row of the campaign list."""

    id: int
    app_id: int
    name: str
    format: CampaignFormat
    status: CampaignStatus
    variant_count: int
    updated_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "app_id": self.app_id,
            "name": self.name,
            "format": self.format.value,
            "status": self.status.value,
            "variants": self.variant_count,
            "updated_at": self.updated_at.isoformat(),
        }


@dataclass(frozen=True)
class CampaignView:
    """A stored campaign: its id, bookkeeping and the draft it holds."""

    id: int
    app_id: int
    draft: CampaignDraft
    created_at: datetime
    updated_at: datetime
    issues: tuple[Issue, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "app_id": self.app_id,
            **self.draft.to_dict(),
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "issues": [{"field": i.field, "message": i.message} for i in self.issues],
        }


def validate_campaign(draft: CampaignDraft) -> list[Issue]:
    """Issues of the whole campaign; variant issues are prefixed ``variants[A].``."""
    issues: list[Issue] = []
    if not draft.name.strip():
        issues.append(Issue("name", "The campaign needs a name."))
    if not draft.variants:
        issues.append(Issue("variants", "The campaign needs at least one variant."))
    if draft.format in (CampaignFormat.PUSH, CampaignFormat.RICH_PUSH):
        for v in draft.variants:
            issues.extend(_push_issues(v, draft.analytics_label))
    if draft.status is CampaignStatus.SCHEDULED and draft.scheduled_at is None:
        issues.append(Issue("scheduled_at", "A scheduled campaign needs a send time."))
    return issues


def _push_issues(variant: VariantDraft, label: str | None) -> list[Issue]:
    where = f"variants[{variant.key}]"
    try:
        content = PushContent.from_dict(variant.content)
    except ValueError as exc:
        return [Issue(where, str(exc))]
    found = validate_push(content, analytics_label=label)
    out = [Issue(f"{where}.{i.field}", i.message) for i in found if i.field != "analytics_label"]
    out += [i for i in found if i.field == "analytics_label"]
    return out


_DRAFT_KEYS = frozenset(
    {
        "name",
        "format",
        "status",
        "analytics_label",
        "segment_id",
        "control_share",
        "scheduled_at",
        "tags",
        "variants",
        # present in an export; ignored on the way back in
        "id",
        "app_id",
        "created_at",
        "updated_at",
        "issues",
    }
)


def _draft_from_dict(d: Mapping[str, Any]) -> CampaignDraft:
    if not isinstance(d, Mapping):
        raise CampaignError(f"campaign: expected a JSON object, got {type(d).__name__}")
    unknown = sorted(set(d) - _DRAFT_KEYS)
    if unknown:
        raise CampaignError(f"campaign: unknown field(s) {', '.join(map(str, unknown))}")
    name = d.get("name")
    if not isinstance(name, str):
        raise CampaignError("campaign: field 'name' must be a string")
    label = d.get("analytics_label")
    if label is not None and not isinstance(label, str):
        raise CampaignError("campaign: field 'analytics_label' must be a string")
    segment = d.get("segment_id")
    if segment is not None and (isinstance(segment, bool) or not isinstance(segment, int)):
        raise CampaignError("campaign: field 'segment_id' must be an integer")
    share = d.get("control_share", 0.0)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share < 1:
        raise CampaignError("campaign: field 'control_share' must be a number in [0, 1)")
    tags = d.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise CampaignError("campaign: field 'tags' must be a list of strings")
    return CampaignDraft(
        name=name,
        variants=_variants(d.get("variants")),
        format=_enum(CampaignFormat, d.get("format", "push"), "format"),
        status=_status(d.get("status", "draft")),
        analytics_label=label or None,
        segment_id=segment,
        control_share=float(share),
        scheduled_at=_when(d.get("scheduled_at")),
        tags=tuple(tags),
    )


def _enum(kind: type[CampaignFormat], value: Any, name: str) -> CampaignFormat:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in kind)
        raise CampaignError(f"campaign: field '{name}' must be one of {allowed}") from None


def _status(value: Any) -> CampaignStatus:
    try:
        status = CampaignStatus(value)
    except ValueError:
        status = None
    if status not in SETTABLE_STATUSES:
        raise CampaignError("campaign: field 'status' must be 'draft' or 'scheduled'")
    assert status is not None
    return status


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(str(value))
    except ValueError:
        raise CampaignError(
            f"campaign: field 'scheduled_at' is not an ISO date: {value!r}"
        ) from None
    if when.tzinfo is None:
        raise CampaignError("campaign: field 'scheduled_at' needs a time zone (e.g. +00:00)")
    return when


def _variants(value: Any) -> tuple[VariantDraft, ...]:
    if not isinstance(value, list):
        raise CampaignError("campaign: field 'variants' must be a list")
    out: list[VariantDraft] = []
    for i, v in enumerate(value):
        where = f"campaign: variants[{i}]"
        if not isinstance(v, Mapping) or set(v) - {"key", "weight", "content"}:
            raise CampaignError(f"{where} must be an object with key, weight and content")
        key = v.get("key", chr(ord("A") + i))
        if not isinstance(key, str) or not 1 <= len(key) <= 8:
            raise CampaignError(f"{where}.key must be 1 to 8 characters")
        weight = v.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise CampaignError(f"{where}.weight must be a positive number")
        content = v.get("content", {})
        if not isinstance(content, Mapping):
            raise CampaignError(f"{where}.content must be an object")
        out.append(VariantDraft(key, dict(content), float(weight)))
    keys = [v.key for v in out]
    if len(set(keys)) != len(keys):
        raise CampaignError("campaign: variant keys must be unique")
    return tuple(out)
