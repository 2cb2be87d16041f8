"""An edit after submission or approval voids the request: the approver said yes to other content.

Kept apart from ``workflow`` so ``core.campaigns.edit`` can call it without importing what the
workflow itself imports (the campaign editor, the audience count).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.approvals.fingerprint import content_fingerprint
from engage_desktop.security.audit import record
from engage_desktop.store.models import ApprovalState, CampaignApproval

OPEN = (ApprovalState.PENDING, ApprovalState.APPROVED)


def void_outdated_approvals(
    session: Session, member_id: int | None, campaign_id: int, at: datetime | None = None
) -> int:
    """Void the campaign's pending or approved requests made for other content than it has
    now; returns how many (each audited). Saving unchanged content voids nothing."""
    session.flush()
    current = content_fingerprint(session, campaign_id)
    outdated = list(
        session.scalars(
            select(CampaignApproval).where(
                CampaignApproval.campaign_id == campaign_id,
                CampaignApproval.state.in_(OPEN),
                CampaignApproval.fingerprint != (current or ""),
            )
        )
    )
    for request in outdated:
        record(
            session,
            member_id=member_id,
            app_id=request.app_id,
            action="approval.void",
            target=f"campaign:{campaign_id}",
            details={"request": request.id, "was": request.state.value, "why": "edited"},
            at=at,
        )
        request.state = ApprovalState.VOIDED
    return len(outdated)
