"""Send a campaign's content to the app's test devices, and follow what became of each message.

Test messages go through the same outbox and service as a real send (same payload builder, same
FCM path), whatever the campaign's status; their message ids start with ``edt-`` so progress
counts leave them out and the service claims them even for a draft.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from engage_desktop.core.outbox.access import campaign_to_send
from engage_desktop.core.outbox.content_gate import require_valid_content
from engage_desktop.core.outbox.expand import SendError, suppression_reason
from engage_desktop.core.outbox.expand_contacts import CONTACT_FORMATS
from engage_desktop.core.outbox.message_ids import test_message_id
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Channel, Device, OutboxMessage, OutboxState


@dataclass(frozen=True)
class TrialRecipient:
    device_id: int
    label: str
    platform: str
    message_id: str


@dataclass(frozen=True)
class TrialOutcome:
    message_id: str
    state: OutboxState
    error: str | None = None  # FCM's code and message when it failed or is retried

    @property
    def final(self) -> bool:
        return self.state in (OutboxState.SENT, OutboxState.FAILED, OutboxState.SUPPRESSED)


def queue_test_send(
    ws: Workspace, campaign_id: int, variant_key: str | None = None
) -> list[TrialRecipient]:
    """Queue one message per usable test device of the campaign's app (checked: send right)."""
    with ws.session() as session:
        campaign = campaign_to_send(session, ws, campaign_id)
        key = variant_key or (campaign.variants[0].key if campaign.variants else None)
        if key is None or key not in {v.key for v in campaign.variants}:
            raise SendError(f"Campaign {campaign_id} has no content variant to send.", "no_variant")
        require_valid_content(campaign, key, first_send=ws.clock.now())
        if campaign.format.value in CONTACT_FORMATS:
            raise SendError(
                f"Campaign {campaign_id} is an {campaign.format.value} campaign: test sends go to "
                "test devices; send it to a segment of testers instead.",
                "no_test_for_channel",
            )
        devices = session.scalars(
            select(Device)
            .where(Device.app_id == campaign.app_id, Device.is_test.is_(True))
            .order_by(Device.id)
        )
        usable = [
            d
            for d in devices
            if suppression_reason(d.fcm_token, d.token_invalidated_at, True, "granted") is None
        ]
        if not usable:
            raise SendError(
                "This app has no test device with a valid push token.", "no_test_device"
            )
        now = ws.clock.now()
        stamp = int(now.timestamp() * 1000)
        recipients = [
            TrialRecipient(
                d.id,
                d.label or d.model or f"#{d.id}",
                d.platform,
                test_message_id(campaign_id, d.id, stamp),
            )
            for d in usable
        ]
        session.execute(
            insert(OutboxMessage.metadata.tables["outbox_message"]),
            [
                {
                    "campaign_id": campaign_id,
                    "app_id": campaign.app_id,
                    "profile_id": d.profile_id,
                    "device_id": d.id,
                    "channel": Channel.PUSH,
                    "variant_key": key,
                    "message_id": r.message_id,
                    "address": d.fcm_token,
                    "state": OutboxState.QUEUED,
                    "created_at": now,
                }
                for d, r in zip(usable, recipients, strict=True)
            ],
        )
        record(
            session,
            member_id=ws.member_id,
            app_id=campaign.app_id,
            action="campaign.test_send",
            target=f"campaign:{campaign_id}",
            details={"devices": len(usable), "variant": key},
        )
        return recipients


def trial_outcomes(
    session: Session, member_id: int, app_id: int, message_ids: Sequence[str]
) -> dict[str, TrialOutcome]:
    """Where each of the app's test messages stands (queued, sent, failed with FCM's reason…)."""
    require(session, member_id, app_id, Permission.VIEW_CAMPAIGNS)
    rows = session.execute(
        select(
            OutboxMessage.message_id,
            OutboxMessage.state,
            OutboxMessage.error_code,
            OutboxMessage.error_message,
        ).where(OutboxMessage.app_id == app_id, OutboxMessage.message_id.in_(list(message_ids)))
    )
    out = {}
    for message_id, state, code, message in rows:
        error = " — ".join(p for p in (code, message) if p) or None
        out[message_id] = TrialOutcome(message_id, state, error)
    return out
