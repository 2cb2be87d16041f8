"""Submit a campaign for approval; approvers approve or reject it with a comment. Audited.

A request records the campaign's content fingerprint and its recipient count when submitted.
Approvers need ``APPROVE_SENDS`` on the campaign's app and may not decide on a request they
submitted themselves: the point of an approval is a second pair of eyes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from engage_desktop.core.approvals.fingerprint import content_fingerprint
from engage_desktop.core.approvals.gate import latest_approval
from engage_desktop.core.approvals.messages import approval_error
from engage_desktop.core.approvals.rules import approval_threshold
from engage_desktop.core.campaigns.edit import EDITABLE, to_draft
from engage_desktop.core.campaigns.model import validate_draft
from engage_desktop.core.outbox.expand import audience_summary
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, can, require
from engage_desktop.store.models import ApprovalState, Campaign, CampaignApproval, Member

COMMENT_MAX = 2000


@dataclass(frozen=True)
class ApprovalView:
    """What the GUI and ``campaign status`` show of a campaign's approval."""

    campaign_id: int
    threshold: int | None
    state: ApprovalState | None  # of the latest request; None: never submitted
    current: bool  # the latest request is for the campaign's current content
    recipients: int | None
    requested_by: str | None
    requested_at: datetime | None
    decided_by: str | None
    decided_at: datetime | None
    comment: str | None
    may_submit: bool
    may_decide: bool


def submit(ws: Workspace, campaign_id: int) -> CampaignApproval:
    """Ask for approval of the campaign as it is now (its audience counted first)."""
    summary = audience_summary(ws, campaign_id)  # checks SEND_CAMPAIGNS, and that it exists
    with ws.session() as session:
        campaign = _campaign(session, campaign_id)
        require(session, ws.member_id, campaign.app_id, Permission.SEND_CAMPAIGNS)
        if campaign.status not in EDITABLE:
            raise approval_error("not_submittable", campaign_id, campaign.status.value)
        issues = validate_draft(to_draft(campaign))
        if issues:
            raise approval_error("has_issues", campaign_id, len(issues))
        fingerprint = content_fingerprint(session, campaign_id) or ""
        latest = latest_approval(session, campaign_id)
        if latest is not None and latest.state == ApprovalState.PENDING:
            raise approval_error("already_pending", campaign_id)
        if (
            latest is not None
            and latest.state == ApprovalState.APPROVED
            and latest.fingerprint == fingerprint
        ):
            raise approval_error("already_approved", campaign_id)
        now = ws.clock.now()
        request = CampaignApproval(
            campaign_id=campaign_id,
            app_id=campaign.app_id,
            state=ApprovalState.PENDING,
            fingerprint=fingerprint,
            recipients=summary.queued,
            requested_by=ws.member_id,
            requested_at=now,
        )
        session.add(request)
        session.flush()
        record(
            session,
            member_id=ws.member_id,
            app_id=campaign.app_id,
            action="approval.submit",
            target=f"campaign:{campaign_id}",
            details={"request": request.id, "recipients": summary.queued},
            at=now,
        )
        return request


def approve(ws: Workspace, campaign_id: int, comment: str | None = None) -> CampaignApproval:
    return _decide(ws, campaign_id, ApprovalState.APPROVED, comment)


def reject(ws: Workspace, campaign_id: int, comment: str | None = None) -> CampaignApproval:
    return _decide(ws, campaign_id, ApprovalState.REJECTED, comment)


def _decide(
    ws: Workspace, campaign_id: int, decision: ApprovalState, comment: str | None
) -> CampaignApproval:
    text = (comment or "").strip() or None
    if text is not None and len(text) > COMMENT_MAX:
        raise approval_error("comment_too_long", len(text), COMMENT_MAX)
    with ws.session() as session:
        campaign = _campaign(session, campaign_id)
        require(session, ws.member_id, campaign.app_id, Permission.APPROVE_SENDS)
        request = latest_approval(session, campaign_id)
        if request is None or request.state != ApprovalState.PENDING:
            raise approval_error("nothing_pending", campaign_id)
        if request.requested_by == ws.member_id:
            raise approval_error("own_request", campaign_id)
        now = ws.clock.now()
        request.state = decision
        request.decided_by = ws.member_id
        request.decided_at = now
        request.comment = text
        verb = "approve" if decision == ApprovalState.APPROVED else "reject"
        record(
            session,
            member_id=ws.member_id,
            app_id=campaign.app_id,
            action=f"approval.{verb}",
            target=f"campaign:{campaign_id}",
            details={"request": request.id, "recipients": request.recipients, "comment": text},
            at=now,
        )
        return request


def approval_view(ws: Workspace, campaign_id: int) -> ApprovalView:
    """The campaign's approval state as the member may act on it (a read, nothing written)."""
    with ws.session() as session:
        campaign = _campaign(session, campaign_id)
        require(session, ws.member_id, campaign.app_id, Permission.VIEW_CAMPAIGNS)
        request = latest_approval(session, campaign_id)
        fingerprint = content_fingerprint(session, campaign_id)
        editable = campaign.status in EDITABLE
        pending = request is not None and request.state == ApprovalState.PENDING
        current = request is not None and request.fingerprint == fingerprint
        return ApprovalView(
            campaign_id=campaign_id,
            threshold=approval_threshold(session, campaign.app_id),
            state=request.state if request is not None else None,
            current=current,
            recipients=request.recipients if request is not None else None,
            requested_by=_login(session, request.requested_by if request else None),
            requested_at=request.requested_at if request is not None else None,
            decided_by=_login(session, request.decided_by if request else None),
            decided_at=request.decided_at if request is not None else None,
            comment=request.comment if request is not None else None,
            may_submit=editable
            and not pending
            and not (current and request is not None and request.state == ApprovalState.APPROVED)
            and can(session, ws.member_id, campaign.app_id, Permission.SEND_CAMPAIGNS),
            may_decide=pending
            and request is not None
            and request.requested_by != ws.member_id
            and can(session, ws.member_id, campaign.app_id, Permission.APPROVE_SENDS),
        )


def _campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise approval_error("no_campaign", campaign_id)
    return campaign


def _login(session: Session, member_id: int | None) -> str | None:
    member = session.get(Member, member_id) if member_id is not None else None
    return member.display_name if member is not None else None
