"""Create, update, read, duplicate, export and schedule campaigns, with permissions and audit.

Every write checks ``EDIT_CAMPAIGNS`` on the campaign's app and adds an audit entry in the same
transaction. Autosave goes through ``save_draft`` like any other edit: drafts are ordinary
campaign rows in status ``draft``, so a crash loses at most the debounce interval.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.approvals.voiding import void_outdated_approvals
from engage_desktop.core.messages import CodedError
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Campaign, CampaignFormat, CampaignStatus, CampaignVariant

from .lifecycle import is_editable, move
from .model import CampaignDraft, CampaignInputError, Variant, expired_before, validate_draft

EDITABLE = (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)


def never_started(campaign: Campaign) -> bool:
    """Paused before any row was queued (its content was invalid at its scheduled time): it
    can still be edited, scheduled again or sent, like a draft."""
    return campaign.status == CampaignStatus.PAUSED and campaign.started_at is None


class CampaignNotFound(CodedError, LookupError):
    """No campaign with that id (deleted meanwhile); code ``campaign_not_found``."""


def _apply(row: Campaign, draft: CampaignDraft) -> None:
    row.name = draft.name
    row.format = CampaignFormat(draft.format)
    row.control_share = draft.control_share
    row.segment_id = draft.segment_id
    schedule = dict(draft.schedule) if draft.schedule is not None else None
    if schedule is not None:
        schedule["sms_max_segments"] = draft.sms_max_segments
    row.schedule = schedule
    row.analytics_label = draft.analytics_label or None
    row.tags = list(draft.tags)
    by_key = {v.key: v for v in row.variants}
    keep = {v.key for v in draft.variants}
    for key, old in list(by_key.items()):
        if key not in keep:
            row.variants.remove(old)
    for variant in draft.variants:
        existing = by_key.get(variant.key)
        if existing is None:
            existing = CampaignVariant(key=variant.key)
            row.variants.append(existing)
        existing.weight = variant.weight
        existing.content = dict(variant.content)
        others = {f: dict(c) for f, c in variant.other_formats.items() if f != draft.format}
        existing.other_formats = others or None


def to_draft(row: Campaign) -> CampaignDraft:
    schedule = dict(row.schedule) if row.schedule is not None else None
    max_segments = int(schedule.pop("sms_max_segments", 3)) if schedule is not None else 3
    return CampaignDraft(
        app_id=row.app_id,
        name=row.name,
        format=row.format.value,
        variants=tuple(
            Variant(v.key, v.weight, dict(v.content), dict(v.other_formats or {}))
            for v in row.variants
        ),
        control_share=row.control_share,
        segment_id=row.segment_id,
        schedule=schedule or None,
        analytics_label=row.analytics_label or "",
        tags=tuple(row.tags or ()),
        sms_max_segments=max_segments,
        id=row.id,
        status=row.status.value,
        started=row.started_at is not None,
        archived=row.archived_at is not None,
    )


def save_draft(session: Session, member_id: int, draft: CampaignDraft) -> int:
    """Insert or update; returns the campaign id. Only drafts and scheduled campaigns change."""
    require(session, member_id, draft.app_id, Permission.EDIT_CAMPAIGNS)
    if draft.id is None:
        row = Campaign(app_id=draft.app_id, name=draft.name, format=CampaignFormat(draft.format))
        row.created_by = member_id
        row.status = CampaignStatus.DRAFT
        session.add(row)
        _apply(row, draft)
        session.flush()
        action = "campaign.create"
    else:
        row = _get(session, draft.id)
        if row.app_id != draft.app_id:
            raise CampaignInputError("app_id", "a campaign cannot move to another app")
        if not is_editable(row):
            raise CampaignInputError(
                "status",
                f"a {row.status.value} campaign can no longer be edited",
                "not_editable",
                row.status.value,
            )
        _apply(row, draft)
        void_outdated_approvals(session, member_id, row.id)  # an approval is for content
        action = "campaign.update"
    record(
        session,
        member_id=member_id,
        app_id=row.app_id,
        action=action,
        target=f"campaign:{row.id}",
        details={"name": row.name},
    )
    return row.id


def _get(session: Session, campaign_id: int) -> Campaign:
    row = session.get(Campaign, campaign_id)
    if row is None:
        raise CampaignNotFound(
            f"No campaign with id {campaign_id}.", "campaign_not_found", str(campaign_id)
        )
    return row


def get_draft(session: Session, member_id: int, campaign_id: int) -> CampaignDraft:
    row = _get(session, campaign_id)
    require(session, member_id, row.app_id, Permission.VIEW_CAMPAIGNS)
    return to_draft(row)


def duplicate(
    session: Session, member_id: int, campaign_id: int, copy_name: str = "%1 (copy)"
) -> int:
    """A new draft with the same content, named from ``copy_name`` (``%1`` is the source's
    name): the GUI passes its translated "%1 (copie)", the CLI keeps the English default."""
    source = get_draft(session, member_id, campaign_id)
    name = copy_name.replace("%1", source.name)[:200]
    copy = CampaignDraft.from_dict(
        {**source.to_dict(), "id": None, "status": "draft", "name": name}
    )
    return save_draft(session, member_id, copy)


def export_campaign(session: Session, member_id: int, campaign_id: int) -> dict[str, Any]:
    """JSON for scripting and review: the campaign plus its current validation issues."""
    draft = get_draft(session, member_id, campaign_id)
    out = draft.to_dict()
    out["issues"] = [{"field": f, "message": m} for f, m in validate_draft(draft)]
    return out


def schedule_campaign(
    session: Session, member_id: int, campaign_id: int, at: datetime | None
) -> None:
    """Move a draft to scheduled; refused while the content has errors or without a time
    (``core.scheduling`` checks the time itself)."""
    row = _get(session, campaign_id)
    require(session, member_id, row.app_id, Permission.SEND_CAMPAIGNS)
    draft = to_draft(row)
    issues = validate_draft(draft) + (expired_before(draft, at) if at is not None else [])
    if issues:
        field, message = issues[0]
        raise CampaignInputError(
            field,
            f"cannot schedule: {message} ({len(issues)} problem(s) in all)",
            "schedule_has_issues",
            str(len(issues)),
        )
    if not is_editable(row):
        raise CampaignInputError(
            "status",
            f"a {row.status.value} campaign cannot be scheduled",
            "not_schedulable",
            row.status.value,
        )
    if at is None:
        raise CampaignInputError(
            "scheduled_at", "a scheduled campaign needs a date and time", "schedule_missing"
        )
    move(row, CampaignStatus.SCHEDULED)
    row.status_reason = None
    row.scheduled_at = at
    row.scheduled_by = member_id  # whose send right is checked again when it fires
    record(
        session,
        member_id=member_id,
        app_id=row.app_id,
        action="campaign.schedule",
        target=f"campaign:{row.id}",
        details={"at": at.isoformat()},
    )


def latest_drafts(
    session: Session, member_id: int, app_id: int, limit: int = 5
) -> list[CampaignDraft]:
    """The most recently edited drafts (the composer offers to reopen them)."""
    require(session, member_id, app_id, Permission.VIEW_CAMPAIGNS)
    rows = session.scalars(
        select(Campaign)
        .where(Campaign.app_id == app_id, Campaign.status == CampaignStatus.DRAFT)
        .order_by(Campaign.updated_at.desc())
        .limit(limit)
    )
    return [to_draft(r) for r in rows]
