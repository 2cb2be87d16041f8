"""Campaign use cases against the workspace database, with permission checks and audit entries.

A campaign with validation issues can be saved as a draft (the composer autosaves half-written
content) but never put in ``scheduled``: the send pipeline must only ever see sendable content.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage_desktop.core.campaigns.model import (
    EDITABLE_STATUSES,
    CampaignDraft,
    CampaignError,
    CampaignInvalid,
    CampaignNotFound,
    CampaignSummary,
    CampaignView,
    VariantDraft,
    validate_campaign,
)
from engage_desktop.core.workspace import Workspace
from engage_desktop.security import audit
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Campaign, CampaignStatus, CampaignVariant


def create_campaign(ws: Workspace, app_id: int, draft: CampaignDraft) -> CampaignView:
    """Store a new campaign (draft or scheduled) for ``app_id``."""
    with ws.session() as session:
        _require_write(session, ws, app_id, draft)
        campaign = Campaign(
            app_id=app_id,
            name=draft.name,
            format=draft.format,
            created_by=ws.member_id,
            created_at=ws.clock.now(),
            updated_at=ws.clock.now(),
        )
        _apply(campaign, draft)
        session.add(campaign)
        session.flush()
        audit.record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="campaign.create",
            target=f"campaign:{campaign.id}",
            details={"name": draft.name, "status": draft.status.value},
        )
        return _view(campaign)


def update_campaign(ws: Workspace, campaign_id: int, draft: CampaignDraft) -> CampaignView:
    """Replace a draft or scheduled campaign's fields and variants."""
    with ws.session() as session:
        campaign = _load(session, campaign_id)
        _require_write(session, ws, campaign.app_id, draft)
        if campaign.status not in EDITABLE_STATUSES:
            raise CampaignError(
                f"Campaign {campaign_id} is {campaign.status.value}; only draft and scheduled "
                "campaigns can be edited."
            )
        if draft.format is not campaign.format:
            raise CampaignError("A campaign's format cannot change once created.")
        _apply(campaign, draft)
        campaign.updated_at = ws.clock.now()
        audit.record(
            session,
            member_id=ws.member_id,
            app_id=campaign.app_id,
            action="campaign.update",
            target=f"campaign:{campaign.id}",
            details={"name": draft.name, "status": draft.status.value},
        )
        session.flush()
        return _view(campaign)


def get_campaign(ws: Workspace, campaign_id: int) -> CampaignView:
    """One campaign with its variants and current validation issues."""
    with ws.session() as session:
        campaign = _load(session, campaign_id)
        require(session, ws.member_id, campaign.app_id, Permission.VIEW_CAMPAIGNS)
        return _view(campaign)


def export_campaign(ws: Workspace, campaign_id: int) -> dict[str, Any]:
    """The JSON form, acceptable again by ``CampaignDraft.from_dict`` (create from export)."""
    view = get_campaign(ws, campaign_id)
    with ws.session() as session:
        audit.record(
            session,
            member_id=ws.member_id,
            app_id=view.app_id,
            action="campaign.export",
            target=f"campaign:{campaign_id}",
        )
    return view.to_dict()


def list_campaigns(
    ws: Workspace, app_id: int, status: CampaignStatus | None = None
) -> list[CampaignSummary]:
    """Campaigns of an app, most recently updated first."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_CAMPAIGNS)
        counts = (
            select(CampaignVariant.campaign_id, func.count().label("n"))
            .group_by(CampaignVariant.campaign_id)
            .subquery()
        )
        query = (
            select(Campaign, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.campaign_id == Campaign.id)
            .where(Campaign.app_id == app_id)
            .order_by(Campaign.updated_at.desc(), Campaign.id.desc())
        )
        if status is not None:
            query = query.where(Campaign.status == status)
        return [
            CampaignSummary(c.id, c.app_id, c.name, c.format, c.status, n, c.updated_at)
            for c, n in session.execute(query)
        ]


def _require_write(session: Session, ws: Workspace, app_id: int, draft: CampaignDraft) -> None:
    require(session, ws.member_id, app_id, Permission.EDIT_CAMPAIGNS)
    if draft.status is CampaignStatus.SCHEDULED:
        require(session, ws.member_id, app_id, Permission.SEND_CAMPAIGNS)
        issues = validate_campaign(draft)
        if issues:
            raise CampaignInvalid("This campaign cannot be scheduled:", issues)


def _load(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise CampaignNotFound(f"No campaign with id {campaign_id}.")
    return campaign


def _apply(campaign: Campaign, draft: CampaignDraft) -> None:
    campaign.name = draft.name
    campaign.status = draft.status
    campaign.analytics_label = draft.analytics_label
    campaign.segment_id = draft.segment_id
    campaign.control_share = draft.control_share
    campaign.scheduled_at = draft.scheduled_at
    campaign.tags = list(draft.tags)
    by_key = {v.key: v for v in campaign.variants}
    wanted = {v.key for v in draft.variants}
    for key, row in by_key.items():
        if key not in wanted:
            campaign.variants.remove(row)
    for v in draft.variants:
        existing = by_key.get(v.key)
        if existing is None:
            campaign.variants.append(
                CampaignVariant(key=v.key, weight=v.weight, content=dict(v.content))
            )
        else:
            existing.weight = v.weight
            existing.content = dict(v.content)


def _view(campaign: Campaign) -> CampaignView:
    draft = CampaignDraft(
        name=campaign.name,
        variants=tuple(
            VariantDraft(v.key, dict(v.content), v.weight)
            for v in sorted(campaign.variants, key=lambda v: v.key)
        ),
        format=campaign.format,
        status=campaign.status,
        analytics_label=campaign.analytics_label,
        segment_id=campaign.segment_id,
        control_share=campaign.control_share,
        scheduled_at=campaign.scheduled_at,
        tags=tuple(campaign.tags or ()),
    )
    return CampaignView(
        campaign.id,
        campaign.app_id,
        draft,
        campaign.created_at,
        campaign.updated_at,
        tuple(validate_campaign(draft)),
    )
