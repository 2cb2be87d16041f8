"""Tidying the campaign list: archive finished campaigns, delete drafts.

Both check ``EDIT_CAMPAIGNS`` on the campaign's app and leave an audit entry in the same
transaction. Archiving keeps everything (status, outbox, results) and only hides the campaign
from the default list; deleting is for drafts alone, since a campaign that was scheduled or sent
has history (outbox rows, approvals, results) that must stay.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from engage_desktop.core.messages import CodedError
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Campaign, CampaignStatus

from .edit import CampaignNotFound
from .lifecycle import FINISHED


class CampaignKept(CodedError, ValueError):
    """A campaign that may not be archived or deleted in its status; codes ``not_archivable``
    and ``not_deletable`` (the status as argument)."""


def _campaign(session: Session, member_id: int, campaign_id: int) -> Campaign:
    row = session.get(Campaign, campaign_id)
    if row is None:
        raise CampaignNotFound(
            f"No campaign with id {campaign_id}.", "campaign_not_found", str(campaign_id)
        )
    require(session, member_id, row.app_id, Permission.EDIT_CAMPAIGNS)
    return row


def set_archived(
    session: Session, member_id: int, campaign_id: int, now: datetime, archived: bool = True
) -> None:
    """Archive a completed or cancelled campaign at ``now`` (or bring it back to the list)."""
    row = _campaign(session, member_id, campaign_id)
    if archived and row.status not in FINISHED:
        raise CampaignKept(
            f"Campaign {campaign_id} is {row.status.value}: only a completed or cancelled "
            "campaign can be archived.",
            "not_archivable",
            row.status.value,
        )
    row.archived_at = now if archived else None
    record(
        session,
        member_id=member_id,
        app_id=row.app_id,
        action="campaign.archive" if archived else "campaign.unarchive",
        target=f"campaign:{row.id}",
        details={"name": row.name},
    )


def delete_draft(session: Session, member_id: int, campaign_id: int) -> str:
    """Delete a draft (its variants and test sends go with it); returns its name."""
    row = _campaign(session, member_id, campaign_id)
    if row.status != CampaignStatus.DRAFT:
        raise CampaignKept(
            f"Campaign {campaign_id} is {row.status.value}: only a draft can be deleted "
            "(archive a finished campaign instead).",
            "not_deletable",
            row.status.value,
        )
    name = row.name
    record(
        session,
        member_id=member_id,
        app_id=row.app_id,
        action="campaign.delete",
        target=f"campaign:{row.id}",
        details={"name": name},
    )
    session.delete(row)
    return name
