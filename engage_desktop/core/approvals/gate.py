"""The two places a send is stopped without an approval: starting it, and claiming its rows.

``start_send`` asks ``send_refusal`` once it knows how many messages the send would queue. The
dispatch service asks ``cleared_to_claim`` before it claims a campaign's rows, so rows that
reached the outbox without going through ``start_send`` (a script, a database tool) are not sent
either.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from engage_desktop.core.approvals.fingerprint import content_fingerprint
from engage_desktop.core.approvals.messages import APPROVAL_MESSAGES
from engage_desktop.core.messages import CodedText
from engage_desktop.store.models import (
    ApprovalRule,
    ApprovalState,
    Campaign,
    CampaignApproval,
    Member,
    OutboxMessage,
    OutboxState,
)

# Test sends need no approval; their ids are "edt-<campaign>-<device>-<stamp>"
# (core.outbox.trial), so a campaign's are one range of the message id's unique index.
TEST_ID_PREFIX = "edt-"


def latest_approval(session: Session, campaign_id: int) -> CampaignApproval | None:
    return session.scalars(
        select(CampaignApproval)
        .where(CampaignApproval.campaign_id == campaign_id)
        .order_by(CampaignApproval.id.desc())
        .limit(1)
    ).first()


def send_refusal(
    session: Session, campaign_id: int, app_id: int, recipients: int
) -> CodedText | None:
    """Why this send may not start now, or None when it may."""
    rule = session.get(ApprovalRule, app_id)
    if rule is None or recipients <= rule.above:
        return None
    approval = latest_approval(session, campaign_id)
    state = approval.state if approval is not None else None
    if approval is not None and state == ApprovalState.APPROVED:
        if approval.fingerprint == content_fingerprint(session, campaign_id):
            return None
    elif approval is not None and state == ApprovalState.PENDING:
        return APPROVAL_MESSAGES.text("approval_pending", str(campaign_id))
    elif approval is not None and state == ApprovalState.REJECTED:
        who = session.get(Member, approval.decided_by) if approval.decided_by else None
        return APPROVAL_MESSAGES.text(
            "approval_rejected",
            str(campaign_id),
            who.display_name if who is not None else "?",
            approval.comment or "—",
        )
    return APPROVAL_MESSAGES.text(
        "needs_approval", str(campaign_id), str(recipients), str(rule.above)
    )


def cleared_to_claim(conn: Connection, campaign_id: int) -> bool:
    """May the service send this campaign's rows? Yes without a threshold, with an approval
    of the current content, or when the rows to send are no more than the threshold."""
    above = conn.scalar(
        select(ApprovalRule.above)
        .join(Campaign, Campaign.app_id == ApprovalRule.app_id)
        .where(Campaign.id == campaign_id)
    )
    if above is None:
        return True
    approved = conn.scalar(
        select(CampaignApproval.fingerprint)
        .where(
            CampaignApproval.campaign_id == campaign_id,
            CampaignApproval.state == ApprovalState.APPROVED,
        )
        .order_by(CampaignApproval.id.desc())
        .limit(1)
    )
    if approved is not None and approved == content_fingerprint(conn, campaign_id):
        return True
    outbox = OutboxMessage.__table__
    tests = (
        conn.scalar(
            select(func.count()).where(  # "edt-<campaign>-…": through the message id's index
                outbox.c.message_id >= f"{TEST_ID_PREFIX}{campaign_id}-",
                outbox.c.message_id < f"{TEST_ID_PREFIX}{campaign_id}.",
            )
        )
        or 0
    )
    # Read from the (campaign_id, state) index alone, and stop counting past the threshold: a
    # campaign within it costs at most ``above`` index entries per claim, a big one no more.
    to_send = (
        select(outbox.c.id)
        .where(outbox.c.campaign_id == campaign_id, outbox.c.state != OutboxState.SUPPRESSED)
        .limit(above + tests + 1)
        .subquery()
    )
    count = conn.scalar(select(func.count()).select_from(to_send)) or 0
    return count - tests <= above
