"""Read-only lists the main window shows: campaigns and profiles of one app, each checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import (
    Campaign,
    CampaignFormat,
    CampaignStatus,
    OutboxMessage,
    OutboxState,
    Profile,
    Segment,
)
from engage_desktop.store.visibility import app_profiles


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    format: CampaignFormat
    status: CampaignStatus
    segment_name: str | None
    sent: int
    updated_at: datetime
    scheduled_at: datetime | None
    archived: bool = False


def list_campaigns(
    session: Session, member_id: int, app_id: int, *, include_archived: bool = False
) -> list[CampaignRow]:
    """The app's campaigns, last edited first (needs ``VIEW_CAMPAIGNS``); archived ones only
    when asked for."""
    require(session, member_id, app_id, Permission.VIEW_CAMPAIGNS)
    sent = (
        select(OutboxMessage.campaign_id, func.count().label("n"))
        .where(OutboxMessage.app_id == app_id, OutboxMessage.state == OutboxState.SENT)
        .group_by(OutboxMessage.campaign_id)
        .subquery()
    )
    query = (
        select(Campaign, Segment.name, func.coalesce(sent.c.n, 0))
        .outerjoin(Segment, Segment.id == Campaign.segment_id)
        .outerjoin(sent, sent.c.campaign_id == Campaign.id)
        .where(Campaign.app_id == app_id)
        .order_by(Campaign.updated_at.desc())
    )
    if not include_archived:
        query = query.where(Campaign.archived_at.is_(None))
    return [
        CampaignRow(
            c.id,
            c.name,
            c.format,
            c.status,
            seg,
            int(n),
            c.updated_at,
            c.scheduled_at,
            c.archived_at is not None,
        )
        for c, seg, n in session.execute(query)
    ]


@dataclass(frozen=True)
class ProfileRow:
    id: int
    external_id: str
    first_name: str | None
    last_name: str | None
    email: str | None
    city: str | None
    last_seen_at: datetime | None


@dataclass(frozen=True)
class ProfilePage:
    rows: list[ProfileRow]
    total: int  # all profiles matching the search, not only the rows returned


def search_profiles(
    session: Session, member_id: int, app_id: int, text: str = "", *, limit: int = 500
) -> ProfilePage:
    """Profiles whose name, email, external id or city starts with or contains ``text``.

    Returns at most ``limit`` rows: a million profiles are searched, not scrolled. Needs
    ``VIEW_AUDIENCE``: names and emails are personal data.
    """
    require(session, member_id, app_id, Permission.VIEW_AUDIENCE)
    where = [app_profiles(session.get_bind().dialect.name, app_id)]  # not a running import's
    text = text.strip()
    if text:
        where.append(
            or_(
                *(
                    col.icontains(text, autoescape=True)
                    for col in (
                        Profile.first_name,
                        Profile.last_name,
                        Profile.email,
                        Profile.external_id,
                        Profile.city,
                    )
                )
            )
        )
    total = session.scalar(select(func.count()).select_from(Profile).where(*where)) or 0
    query = (
        select(
            Profile.id,
            Profile.external_id,
            Profile.first_name,
            Profile.last_name,
            Profile.email,
            Profile.city,
            Profile.last_seen_at,
        )
        .where(*where)
        .order_by(Profile.id)
        .limit(limit)
    )
    return ProfilePage([ProfileRow(*row) for row in session.execute(query)], int(total))
