"""The campaign a send action is about, after checking the member may send for its app."""

from __future__ import annotations

from sqlalchemy.orm import Session

from engage_desktop.core.outbox.errors import SendError
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Campaign


def campaign_to_send(session: Session, ws: Workspace, campaign_id: int) -> Campaign:
    """The campaign, or ``SendError("not_found")``; ``PermissionDenied`` without the send right."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise SendError(f"No campaign with id {campaign_id}.", "not_found")
    require(session, ws.member_id, campaign.app_id, Permission.SEND_CAMPAIGNS)
    return campaign
