"""What providers tell us about recipients, recorded: opt-outs, bounces, delivery statuses.

- A one-click unsubscribe (RFC 8058): every marketing email carries a ``List-Unsubscribe`` URL
  under the app's ``unsubscribe_base_url`` with a token signed by the app's unsubscribe key
  (HMAC-SHA256; the workspace's key, in the keyring of each machine that sends or verifies:
  ``core.credentials.unsubscribe_key``). Whatever serves that
  URL hands the token back to the workspace (``engage-desktop optout record TOKEN``, or
  ``record_unsubscribe`` directly); a forged or altered token is refused.
- Twilio's 21610 (the recipient replied STOP): their SMS consent is withdrawn.
- An SMTP 5xx refusal of a recipient (a hard bounce): their email consent is withdrawn with
  the bounce as its source, so the address is not mailed again.
- A Twilio status callback: ``delivered`` is recorded as a delivery engagement; ``failed`` or
  ``undelivered`` fail the row with Twilio's error code.

Each records its cause in ``consent.source``; nothing is deleted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from engage_desktop.core.credentials.unsubscribe_key import missing_here, signing_key
from engage_desktop.core.messages import CodedError
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission, require
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import (
    Channel,
    Consent,
    ConsentState,
    EngagementEvent,
    EngagementKind,
    OutboxMessage,
    OutboxState,
)


class BadToken(CodedError, ValueError):
    """An unsubscribe token that was not signed by this app's key (or was altered)."""


def _signature(key: bytes, message_id: str) -> str:
    digest = hmac.new(key, message_id.encode(), hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def unsubscribe_token(key: bytes, message_id: str) -> str:
    """``<message id>.<signature>``: URL-safe, and useless to anyone without the key."""
    return f"{message_id}.{_signature(key, message_id)}"


def unsubscribe_url(base_url: str, key: bytes, message_id: str) -> str:
    return f"{base_url.rstrip('/')}/{unsubscribe_token(key, message_id)}"


def _set_consent(
    session: Session, profile_id: int, channel: Channel, source: str, at: datetime
) -> None:
    row = session.get(Consent, (profile_id, channel))
    if row is None:
        row = Consent(profile_id=profile_id, channel=channel)
        session.add(row)
    row.state, row.source, row.changed_at = ConsentState.DENIED, source[:120], at


def record_unsubscribe(session: Session, vault: Vault, token: str, at: datetime) -> int:
    """Withdraw the email consent of the message's recipient; returns the profile id."""
    message_id, _, signature = token.strip().rpartition(".")
    row = session.scalar(select(OutboxMessage).where(OutboxMessage.message_id == message_id))
    key = signing_key(session, vault, row.app_id) if row is not None else None
    if row is not None and key is None:
        missing = missing_here(row.app_id)
        raise BadToken(str(missing), missing.code, *missing.args_text)
    if (
        row is None
        or key is None
        or not hmac.compare_digest(signature, _signature(key, message_id))
    ):
        raise BadToken("This unsubscribe link is not one this workspace sent.", "bad_unsubscribe")
    if row.profile_id is None:
        raise BadToken("The recipient of this message no longer exists.", "unsubscribe_gone")
    _set_consent(session, row.profile_id, Channel.EMAIL, "list-unsubscribe", at)
    session.add(
        EngagementEvent(
            campaign_id=row.campaign_id,
            profile_id=row.profile_id,
            message_id=message_id,
            variant_key=row.variant_key,
            kind=EngagementKind.OPTED_OUT,
            at=at,
        )
    )
    return row.profile_id


def record_refusal(
    session: Session, outbox_id: int, channel: Channel, cause: str, at: datetime
) -> None:
    """A provider's word that this recipient must not be sent to again on ``channel`` (STOP
    reply, hard bounce): their consent is withdrawn, ``cause`` kept as its source."""
    profile_id = session.scalar(
        select(OutboxMessage.profile_id).where(OutboxMessage.id == outbox_id)
    )
    if profile_id is not None:
        _set_consent(session, profile_id, channel, cause, at)


def record_sms_status(
    session: Session, provider_id: str, status: str, error_code: str | None, at: datetime
) -> bool:
    """A Twilio status callback; False when no row carries that message SID."""
    row = session.scalar(
        select(OutboxMessage).where(OutboxMessage.provider_message_id == provider_id)
    )
    if row is None:
        return False
    if status == "delivered":
        session.add(
            EngagementEvent(
                campaign_id=row.campaign_id,
                profile_id=row.profile_id,
                message_id=row.message_id,
                variant_key=row.variant_key,
                kind=EngagementKind.DELIVERED,
                at=at,
            )
        )
    elif status in ("failed", "undelivered"):
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id)
            .values(
                state=OutboxState.FAILED,
                error_code=f"TWILIO_{error_code or status.upper()}",
                error_message=f"Twilio reported the SMS {status}",
            )
        )
    return True


def relay_sms_status(
    ws: Workspace, provider_id: str, status: str, error_code: str | None = None
) -> bool:
    """A status callback handed in by a member (what serves the callback URL relays it):
    recorded if they may send on the message's app."""
    with ws.session() as session:
        app_id = session.scalar(
            select(OutboxMessage.app_id).where(OutboxMessage.provider_message_id == provider_id)
        )
        if app_id is None:
            return False
        require(session, ws.member_id, app_id, Permission.SEND_CAMPAIGNS)
        return record_sms_status(session, provider_id, status, error_code, ws.clock.now())


def relay_unsubscribe(ws: Workspace, vault: Vault, token: str) -> int:
    """A one-click unsubscribe handed in by a member: the recipient's email consent is
    withdrawn (the token's signature is the proof, so any member may relay it)."""
    with ws.session() as session:
        return record_unsubscribe(session, vault, token, ws.clock.now())
