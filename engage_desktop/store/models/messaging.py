"""Campaigns, the outbox that delivers them, and what happened to each message afterwards."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .audience import Channel
from .base import Base, JSONDoc, str_enum, utcnow

NOT_BEFORE_DEFAULT = "1970-01-01 00:00:00.000000"


class CampaignFormat(enum.StrEnum):
    PUSH = "push"
    IN_APP = "in_app"
    RICH_PUSH = "rich_push"
    SMS = "sms"
    EMAIL = "email"


class CampaignStatus(enum.StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class OutboxState(enum.StrEnum):
    QUEUED = "queued"
    CLAIMED = "claimed"
    RETRY = "retry"
    SENT = "sent"
    FAILED = "failed"
    SUPPRESSED = "suppressed"


class EngagementKind(enum.StrEnum):
    DELIVERED = "delivered"
    OPENED = "opened"
    DISMISSED = "dismissed"
    CONVERTED = "converted"
    OPTED_OUT = "opted_out"


class Campaign(Base):
    """A message to an audience on one channel, in one or more A/B variants."""

    __tablename__ = "campaign"
    __table_args__ = (Index("ix_campaign_app_status", "app_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    format: Mapped[CampaignFormat] = mapped_column(str_enum(CampaignFormat, 16))
    status: Mapped[CampaignStatus] = mapped_column(
        str_enum(CampaignStatus, 16), default=CampaignStatus.DRAFT
    )
    # Share of the audience held back as a control group (0.0-0.5): they receive nothing.
    control_share: Mapped[float] = mapped_column(Float, default=0.0)
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segment.id", ondelete="SET NULL"))
    # Schedule as chosen: {"mode": "now" | "at" | "local_time" | "best_hour", "at": ISO, ...}.
    schedule: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)
    scheduled_at: Mapped[datetime | None]
    # Who scheduled it: the service checks that member's send right again when it fires (0007).
    # No foreign key (so SQLite adds the column in place): a removed member has no right.
    scheduled_by: Mapped[int | None]
    analytics_label: Mapped[str | None] = mapped_column(String(50))
    tags: Mapped[list[str]] = mapped_column(JSONDoc, default=list)
    # Why the service paused the send (bad credentials, endpoint down, …), shown to the user.
    status_reason: Mapped[str | None] = mapped_column(String(2000))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # When a finished campaign was archived: hidden from the default list (0011).
    archived_at: Mapped[datetime | None]

    variants: Mapped[list[CampaignVariant]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="CampaignVariant.key"
    )


class CampaignVariant(Base):
    """One A/B variant's content: a JSON document whose shape depends on the campaign format."""

    __tablename__ = "campaign_variant"
    __table_args__ = (UniqueConstraint("campaign_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(8))  # "A", "B", …
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    content: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=dict)
    # The content written in the formats the campaign is not sent as (format → content), kept
    # so switching format in the composer loses nothing; never read by the sender (0016).
    other_formats: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc, nullable=True)

    campaign: Mapped[Campaign] = relationship(back_populates="variants")


class OutboxMessage(Base):
    """One message to one recipient on one channel: the unit the service claims and delivers.

    ``message_id`` is stable across retries and crashes; it is sent in ``data.message_id`` and as
    the collapse key, so a re-send after a crash collapses on the phone.
    """

    __tablename__ = "outbox_message"
    __table_args__ = (
        # Claims take the due rows of a campaign in ``not_before`` order (0009).
        Index("ix_outbox_campaign_state_due", "campaign_id", "state", "not_before"),
        # Frequency caps count a person's messages sent (or in flight) lately (0009).
        Index(
            "ix_outbox_profile_recent",
            "profile_id",
            "state",
            "sent_at",
            sqlite_where=text("state IN ('sent', 'claimed')"),
            postgresql_where=text("state IN ('sent', 'claimed')"),
        ),
        # Partial (0015): a claim or a result moves a row in or out of one of them at most.
        Index(
            "ix_outbox_retry_due",
            "next_attempt_at",
            sqlite_where=text("state = 'retry'"),
            postgresql_where=text("state = 'retry'"),
        ),
        Index(
            "ix_outbox_claimed_lease",
            "lease_until",
            sqlite_where=text("state = 'claimed'"),
            postgresql_where=text("state = 'claimed'"),
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id", ondelete="CASCADE"))
    profile_id: Mapped[int | None] = mapped_column(ForeignKey("profile.id", ondelete="SET NULL"))
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id", ondelete="SET NULL"))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, 16))
    variant_key: Mapped[str | None] = mapped_column(String(8))
    message_id: Mapped[str] = mapped_column(String(64), unique=True)
    # Recipient address frozen at expansion time (token, phone or email).
    address: Mapped[str | None] = mapped_column(String(512))
    state: Mapped[OutboxState] = mapped_column(
        str_enum(OutboxState, 16), default=OutboxState.QUEUED
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    # Not claimed before this time (local time, best hour, quiet hours, throttle: 0009). Rows
    # written without it are due at once (a constant far in the past, never NULL, so the claim
    # reads one index range).
    not_before: Mapped[datetime] = mapped_column(server_default=text(f"'{NOT_BEFORE_DEFAULT}'"))
    lease_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    # Bumped by every claim: a result is written only under the claim that sent it (0005).
    claim_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    provider_message_id: Mapped[str | None] = mapped_column(String(300))
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    suppression_reason: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]


class DeliveryAttempt(Base):
    """Every attempt to hand a message to a provider, kept for analytics and support."""

    __tablename__ = "delivery_attempt"
    __table_args__ = (Index("ix_delivery_attempt_campaign_at", "campaign_id", "at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    outbox_id: Mapped[int] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="CASCADE"), index=True
    )
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    outcome: Mapped[str] = mapped_column(String(16))  # sent | retry | failed
    http_status: Mapped[int | None] = mapped_column(Integer)
    provider_message_id: Mapped[str | None] = mapped_column(String(300))
    error_code: Mapped[str | None] = mapped_column(String(64))
    error_message: Mapped[str | None] = mapped_column(Text)
    duration_ms: Mapped[float | None] = mapped_column(Float)


class EngagementEvent(Base):
    """What a recipient did with a campaign message: delivered, opened, converted, opted out."""

    __tablename__ = "engagement_event"
    __table_args__ = (
        Index("ix_engagement_campaign_kind_at", "campaign_id", "kind", "at"),
        Index("ix_engagement_message", "message_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    profile_id: Mapped[int | None] = mapped_column(ForeignKey("profile.id", ondelete="SET NULL"))
    device_id: Mapped[int | None] = mapped_column(ForeignKey("device.id", ondelete="SET NULL"))
    message_id: Mapped[str | None] = mapped_column(String(64))
    variant_key: Mapped[str | None] = mapped_column(String(8))
    # True for members of the control group (conversions measured without a message).
    is_control: Mapped[bool] = mapped_column(default=False)
    kind: Mapped[EngagementKind] = mapped_column(str_enum(EngagementKind, 16))
    at: Mapped[datetime]
    value: Mapped[float | None] = mapped_column(Float)  # conversion value, EUR
