""" "Retry failed": send a campaign's failed messages again, and nothing it already delivered.

A failed row is put back in the queue *in place*, with its own message id. That id is the
recipient's idempotency key (``data.message_id``, the collapse keys and the Android notification
tag): if FCM did deliver a copy despite the failure it reported (a timeout after acceptance),
the retried copy replaces it on the phone instead of doubling it. A new row with a new id would
break that; the row's earlier attempts stay in ``delivery_attempt``.

Each row is checked again with today's device and consent, like an expansion: a device whose
token FCM has since rejected, whose owner withdrew consent or turned notifications off stays
failed and is counted by reason. An SMS or email row is checked with the person's consent on
that channel and their phone or address today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Update, bindparam, select, update

from engage_desktop.core.campaigns.lifecycle import move
from engage_desktop.core.outbox.access import campaign_to_send
from engage_desktop.core.outbox.errors import SendError
from engage_desktop.core.outbox.expand import NO_TOKEN, suppression_reason
from engage_desktop.core.outbox.expand_contacts import (
    CONSENT_CHANNEL,
    CONTACT_FORMATS,
    contact_retries,
)
from engage_desktop.core.outbox.message_ids import TEST_PREFIX
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.store.models import (
    CampaignStatus,
    Channel,
    Consent,
    Device,
    OutboxMessage,
    OutboxState,
)

OUTBOX = OutboxMessage.metadata.tables["outbox_message"]
RETRYABLE_FROM = (CampaignStatus.SENDING, CampaignStatus.PAUSED, CampaignStatus.COMPLETED)
CHUNK = 5_000


@dataclass
class RetryResult:
    """How many failed messages were queued again, and why the others stay failed."""

    campaign_id: int
    queued: int = 0
    kept: dict[str, int] = field(default_factory=dict)


def retry_failed(ws: Workspace, campaign_id: int) -> RetryResult:
    """Queue the campaign's failed messages again (send right checked, audited, one transaction).

    A completed campaign is sending again until they are done; a paused one stays paused (its
    retried messages go when it is resumed).
    """
    with ws.session() as session:
        campaign = campaign_to_send(session, ws, campaign_id)
        if campaign.status not in RETRYABLE_FROM or campaign.started_at is None:
            raise SendError(
                f"Campaign {campaign_id} is {campaign.status.value}; only the failed messages of "
                "a campaign that was sent can be retried.",
                "wrong_status",
            )
        consent_channel = CONSENT_CHANNEL.get(campaign.format.value, Channel.PUSH)
        consent = (
            select(Consent.profile_id, Consent.state)
            .where(Consent.channel == consent_channel)
            .subquery()
        )
        silent = campaign.format.value == "in_app"  # a data message: notifications may be off
        failed = session.execute(
            select(
                OutboxMessage.id,
                Device.id,
                Device.fcm_token,
                Device.token_invalidated_at,
                Device.push_enabled,
                consent.c.state,
            )
            .join(Device, Device.id == OutboxMessage.device_id, isouter=True)
            .join(consent, consent.c.profile_id == OutboxMessage.profile_id, isouter=True)
            .where(
                OutboxMessage.campaign_id == campaign_id,
                OutboxMessage.state == OutboxState.FAILED,
                ~OutboxMessage.message_id.startswith(TEST_PREFIX, autoescape=True),
            )
        ).all()
        result = RetryResult(campaign_id)
        ready: list[dict[str, object]] = []
        checked = [
            (outbox_id, token, reason_for(device_id, token, invalidated, push_on or silent, state))
            for outbox_id, device_id, token, invalidated, push_on, state in failed
        ]
        contact = CONTACT_FORMATS.get(campaign.format.value)
        if contact is not None:  # SMS, email: today's consent and address of the person
            checked = list(contact_retries(session, campaign, contact, [c[0] for c in checked]))
        for outbox_id, token, reason in checked:
            if reason is None:
                ready.append({"b_id": outbox_id, "b_token": token})
            else:
                result.kept[reason] = result.kept.get(reason, 0) + 1
        for start in range(0, len(ready), CHUNK):
            session.execute(_requeue(), ready[start : start + CHUNK])
        result.queued = len(ready)
        if ready and campaign.status == CampaignStatus.COMPLETED:
            move(campaign, CampaignStatus.SENDING)
            campaign.status_reason = None
            campaign.finished_at = None
        record(
            session,
            member_id=ws.member_id,
            app_id=campaign.app_id,
            action="campaign.retry_failed",
            target=f"campaign:{campaign_id}",
            details={"queued": result.queued, "kept_failed": result.kept},
        )
        return result


def reason_for(
    device_id: int | None,
    token: str | None,
    invalidated: datetime | None,
    push_on: bool | None,
    consent: str | None,
) -> str | None:
    """Why a failed push row stays failed today, or None when it may go again."""
    if device_id is None:
        return NO_TOKEN
    return suppression_reason(token, invalidated, bool(push_on), consent)


def _requeue() -> Update:
    """Back to the queue with today's token, a fresh attempt budget and no stale error."""
    return (
        update(OUTBOX)
        .where(OUTBOX.c.id == bindparam("b_id"), OUTBOX.c.state == OutboxState.FAILED)
        .values(
            state=OutboxState.QUEUED,
            address=bindparam("b_token"),
            attempts=0,
            next_attempt_at=None,
            lease_until=None,
            claimed_by=None,
            error_code=None,
            error_message=None,
            provider_message_id=None,
        )
    )
