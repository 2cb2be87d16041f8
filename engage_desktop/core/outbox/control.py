"""Pause, resume and cancel a send, send to test devices, and read a campaign's live progress.

The service only claims rows of campaigns that are ``sending`` (and test rows), so pausing is a
status change: rows in flight finish, nothing new starts. Cancelling marks what was not yet sent
as suppressed ("cancelled") so the counts still add up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session

from engage_desktop.core.campaigns.lifecycle import move
from engage_desktop.core.outbox.access import campaign_to_send
from engage_desktop.core.outbox.content_gate import never_started
from engage_desktop.core.outbox.expand import CANCELLED, SendError, start_send
from engage_desktop.core.outbox.message_ids import TEST_PREFIX as TEST_PREFIX
from engage_desktop.core.outbox.message_ids import TEST_PREFIX_END as TEST_PREFIX_END
from engage_desktop.core.outbox.trial import queue_test_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    DeliveryAttempt,
    OutboxMessage,
    OutboxState,
)

PENDING = (OutboxState.QUEUED, OutboxState.CLAIMED, OutboxState.RETRY)
RATE_WINDOW = timedelta(seconds=15)


def pause(ws: Workspace, campaign_id: int, reason: str | None = None) -> None:
    _transition(ws, campaign_id, CampaignStatus.SENDING, CampaignStatus.PAUSED, reason, "pause")


def resume(ws: Workspace, campaign_id: int) -> None:
    """Sending again; a campaign paused at its time before anything was queued (its content
    was invalid) is sent from the start instead, which checks its content again."""
    with ws.session() as session:
        unstarted = never_started(campaign_to_send(session, ws, campaign_id))
    if unstarted:
        start_send(ws, campaign_id)
        return
    _transition(ws, campaign_id, CampaignStatus.PAUSED, CampaignStatus.SENDING, None, "resume")


def _transition(
    ws: Workspace,
    campaign_id: int,
    expected: CampaignStatus,
    new: CampaignStatus,
    reason: str | None,
    verb: str,
) -> None:
    """Move a send between sending and paused, checked, audited, in one transaction."""
    with ws.session() as session:
        campaign = campaign_to_send(session, ws, campaign_id)
        if campaign.status != expected:
            raise SendError(
                f"Campaign {campaign_id} is {campaign.status.value}, not {expected.value}.",
                "wrong_status",
            )
        move(campaign, new)
        campaign.status_reason = reason
        record(
            session,
            member_id=ws.member_id,
            app_id=campaign.app_id,
            action=f"campaign.{verb}",
            target=f"campaign:{campaign_id}",
        )


def cancel(ws: Workspace, campaign_id: int) -> int:
    """Stop the send for good; returns how many messages will not be sent."""
    with ws.session() as session:
        campaign = campaign_to_send(session, ws, campaign_id)
        if campaign.status not in (
            CampaignStatus.SENDING,
            CampaignStatus.PAUSED,
            CampaignStatus.SCHEDULED,
        ):
            raise SendError(
                f"Campaign {campaign_id} is {campaign.status.value}; nothing to cancel.",
                "wrong_status",
            )
        move(campaign, CampaignStatus.CANCELLED)
        campaign.status_reason = None
        campaign.finished_at = ws.clock.now()
        # Claimed rows are left to their service: it records what it already handed to FCM.
        result = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.campaign_id == campaign_id,
                OutboxMessage.state.in_([OutboxState.QUEUED, OutboxState.RETRY]),
            )
            .values(state=OutboxState.SUPPRESSED, suppression_reason=CANCELLED, address=None)
        )
        dropped = cast(CursorResult[Any], result).rowcount
        record(
            session,
            member_id=ws.member_id,
            app_id=campaign.app_id,
            action="campaign.cancel",
            target=f"campaign:{campaign_id}",
            details={"not_sent": dropped},
        )
        return int(dropped)


def send_to_test_devices(ws: Workspace, campaign_id: int, variant_key: str | None = None) -> int:
    """Queue the campaign (any status) to the app's test devices; returns how many were queued."""
    return len(queue_test_send(ws, campaign_id, variant_key))


@dataclass
class CampaignProgress:
    """Live counts of one campaign's send (test sends excluded)."""

    campaign_id: int
    status: CampaignStatus
    status_reason: str | None
    queued: int = 0  # waiting, claimed or waiting to retry
    sent: int = 0
    failed: int = 0
    suppressed: dict[str, int] = field(default_factory=dict)
    rate: float = 0.0  # messages handed to the provider per second, lately
    started_at: datetime | None = None
    finished_at: datetime | None = None
    format: str = "push"  # SMS and email campaigns have no test send

    @property
    def total(self) -> int:
        return self.queued + self.sent + self.failed + sum(self.suppressed.values())

    @property
    def done(self) -> int:
        return self.total - self.queued

    @property
    def seconds_left(self) -> float | None:
        if self.queued == 0:
            return 0.0
        return self.queued / self.rate if self.rate > 0 else None


def campaign_progress(
    session: Session, member_id: int, campaign_id: int, now: datetime
) -> CampaignProgress:
    """Where a send stands (needs ``VIEW_CAMPAIGNS`` on the campaign's app)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise SendError(f"No campaign with id {campaign_id}.", "not_found")
    require(session, member_id, campaign.app_id, Permission.VIEW_CAMPAIGNS)
    progress = CampaignProgress(
        campaign_id,
        campaign.status,
        campaign.status_reason,
        started_at=campaign.started_at,
        finished_at=campaign.finished_at,
        format=campaign.format.value,
    )
    rows = session.execute(
        select(OutboxMessage.state, OutboxMessage.suppression_reason, func.count())
        .where(OutboxMessage.campaign_id == campaign_id)
        .where(~OutboxMessage.message_id.startswith(TEST_PREFIX, autoescape=True))
        .group_by(OutboxMessage.state, OutboxMessage.suppression_reason)
    )
    for state, reason, count in rows:
        if state in PENDING:
            progress.queued += count
        elif state == OutboxState.SENT:
            progress.sent += count
        elif state == OutboxState.FAILED:
            progress.failed += count
        else:
            key = reason or "unknown"
            progress.suppressed[key] = progress.suppressed.get(key, 0) + count
    recent = (
        session.scalar(
            select(func.count())
            .select_from(DeliveryAttempt)
            .where(
                DeliveryAttempt.campaign_id == campaign_id, DeliveryAttempt.at >= now - RATE_WINDOW
            )
        )
        or 0
    )
    progress.rate = recent / RATE_WINDOW.total_seconds()
    return progress
