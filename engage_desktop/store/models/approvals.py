"""Approvals: per app, the recipient count above which a send needs an approver's yes."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, str_enum, utcnow


class ApprovalState(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    VOIDED = "voided"  # the campaign changed after it was submitted or approved


class ApprovalRule(Base):
    """An app's threshold: a send of more than ``above`` recipients needs an approval."""

    __tablename__ = "approval_rule"

    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"), primary_key=True)
    above: Mapped[int] = mapped_column(Integer)
    set_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)


class CampaignApproval(Base):
    """One request to send a campaign, and the approver's answer.

    ``fingerprint`` is the hash of the campaign's content when it was submitted: a send is only
    approved for that content, so an edit (by any path) leaves the approval behind.
    """

    __tablename__ = "campaign_approval"
    __table_args__ = (Index("ix_campaign_approval_campaign_state", "campaign_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    state: Mapped[ApprovalState] = mapped_column(
        str_enum(ApprovalState, 16), default=ApprovalState.PENDING
    )
    fingerprint: Mapped[str] = mapped_column(String(64))
    recipients: Mapped[int] = mapped_column(Integer)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None]
    comment: Mapped[str | None] = mapped_column(String(2000))
