"""The dispatcher's side of the channel seam: SMS and email rows, from claimed row to outcome.

The dispatcher asks ``owns(campaign_id)`` for each claimed row (the campaign's format, read
once per campaign) and hands the rows of SMS and email campaigns to ``send``. For each row
this module reads what it needs in a worker thread (the variant's content, the recipient's
template variables when the dispatcher did not load them, the app's provider account from this
machine's keyring), renders the message with the composer's core functions, sends it through
the app's sender for that channel (built once per app and channel) and turns the answer into
the outbox ``Outcome`` the dispatcher writes. A recipient's STOP reply or hard bounce withdraws
their consent; a provider refusing the account pauses the app's campaigns of that channel with
the reason, and the row waits (nothing is lost). An app on the sandbox sends to the sandbox's
local inboxes instead (``sandbox_inbox``).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from engage_desktop.core.content.email_message import email_parts
from engage_desktop.core.content.fcm import RenderFailed
from engage_desktop.core.content.sms_message import sms_text
from engage_desktop.core.credentials.providers import ProviderMissing, read_account
from engage_desktop.core.credentials.unsubscribe_key import (
    UnsubscribeKeyError,
    missing_here,
    signing_key,
)
from engage_desktop.core.endpoints import sandbox_data_dir, twilio_url
from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.core.outbox.content_gate import pause_sending_campaign
from engage_desktop.core.outbox.opt_outs import record_refusal, unsubscribe_url
from engage_desktop.core.outbox.pause_reasons import PAUSE_REASONS
from engage_desktop.security.vault import Vault, VaultUnavailable
from engage_desktop.services.channels.base import (
    ChannelResult,
    ChannelSender,
    EmailMessage,
    Kind,
    SmsMessage,
)
from engage_desktop.services.channels.sandbox_inbox import SandboxMail, SandboxSms
from engage_desktop.services.channels.smtp import SmtpSender
from engage_desktop.services.channels.twilio import TwilioSender
from engage_desktop.services.clock import ServiceClock
from engage_desktop.services.fcm.ratelimit import backoff, clamp_retry_after
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignStatus,
    CampaignVariant,
    Channel,
    OutboxState,
    Provider,
)

log = logging.getLogger(__name__)
CHANNEL_OF = {"sms": Channel.SMS, "email": Channel.EMAIL}
PROVIDER_OF = {Channel.SMS: Provider.TWILIO, Channel.EMAIL: Provider.SMTP}
RETRY_BUDGET = timedelta(hours=24)  # an SMS or email not out within a day is stale
ACCOUNT_FRESH = 30.0  # seconds an account read from the workspace and keyring is reused


@dataclass(frozen=True)
class _Work:
    """What one row needs, read in a worker thread."""

    channel: Channel
    content: dict[str, Any]
    context: dict[str, Any]
    settings: dict[str, Any]
    unsubscribe_key: bytes | None
    transactional: bool  # the campaign's schedule says so: no STOP mention, no unsubscribe


class ChannelDispatch:
    """SMS and email rows for the dispatcher (one per dispatcher)."""

    def __init__(self, engine: Engine, clock: ServiceClock, vault: Vault | None) -> None:
        self.engine, self.clock, self.vault = engine, clock, vault
        self._formats: dict[int, str] = {}  # campaign id → format (fixed once sending)
        self._senders: dict[tuple[int, Channel], ChannelSender[Any]] = {}
        self._accounts: dict[tuple[int, Channel], tuple[bool, dict[str, Any], str]] = {}
        self._read_at: dict[tuple[int, Channel], float] = {}  # when each account was read
        self._retired: list[ChannelSender[Any]] = []  # replaced senders, closed at the end

    async def owns(self, campaign_id: int) -> bool:
        """True for the rows of SMS and email campaigns."""
        fmt = self._formats.get(campaign_id)
        if fmt is None:
            fmt = await asyncio.to_thread(self._format_of, campaign_id)
            self._formats[campaign_id] = fmt
        return fmt in CHANNEL_OF

    def _format_of(self, campaign_id: int) -> str:
        with Session(self.engine) as session:
            found = session.scalar(select(Campaign.format).where(Campaign.id == campaign_id))
        return str(found or "")

    async def send(self, row: Claimed, context: dict[str, Any] | None) -> list[Outcome]:
        """The row's outcome (none when its campaign was paused and the row must be given
        back). ``context``: the recipient's template variables when already loaded."""
        channel = CHANNEL_OF[self._formats[row.campaign_id]]
        try:
            work = await asyncio.to_thread(self._load, row, channel, context)
        except (ProviderMissing, VaultUnavailable, UnsubscribeKeyError) as exc:
            log.error("app %d: no usable %s account: %s", row.app_id, channel.value, exc)
            provider = PROVIDER_OF[channel].value
            reason = PAUSE_REASONS.english("provider_missing", provider, str(row.app_id))
            await self._pause(row.app_id, channel, reason)
            return []
        try:
            message = self._render(row, work)
        except RenderFailed as exc:
            return [self._failed(row, "PAYLOAD", f"{exc.issue.field}: {exc.issue.message}")]
        sender = await self._sender(row.app_id, channel)
        result = (await sender.send([message]))[0]
        return await self._outcome(row, channel, result)

    def _load(self, row: Claimed, channel: Channel, context: dict[str, Any] | None) -> _Work:
        with Session(self.engine) as session:
            content = session.scalar(
                select(CampaignVariant.content).where(
                    CampaignVariant.campaign_id == row.campaign_id,
                    CampaignVariant.key == row.variant_key,
                )
            )
            schedule = session.scalar(
                select(Campaign.schedule).where(Campaign.id == row.campaign_id)
            )
            if context is None and row.profile_id is not None:
                found = claims.profile_contexts(session.connection(), [row.profile_id])
                context = found.get(row.profile_id, {})
            sandbox, settings, _secret = self._fresh_account(session, row.app_id, channel)
            transactional = bool((schedule or {}).get("transactional"))
            key = None
            if channel is Channel.EMAIL and self.vault is not None and not sandbox:
                key = signing_key(session, self.vault, row.app_id)
                if key is None and settings.get("unsubscribe_base_url") and not transactional:
                    raise missing_here(row.app_id)  # no marketing email without its opt-out
        return _Work(channel, dict(content or {}), context or {}, settings, key, transactional)

    def _fresh_account(
        self, session: Session, app_id: int, channel: Channel
    ) -> tuple[bool, dict[str, Any], str]:
        """The account, read again every ``ACCOUNT_FRESH`` seconds (the keyring is slow to ask
        per message); a changed one replaces the app's sender."""
        key = (app_id, channel)
        now = self.clock.monotonic()
        if key in self._accounts and now - self._read_at[key] < ACCOUNT_FRESH:
            return self._accounts[key]
        found = self._account(session, app_id, channel)
        if self._accounts.get(key) != found:
            self._retire(key)
        self._accounts[key], self._read_at[key] = found, now
        return found

    def _account(
        self, session: Session, app_id: int, channel: Channel
    ) -> tuple[bool, dict[str, Any], str]:
        """(on the sandbox?, settings, secret): a sandbox app needs no provider account."""
        app = session.get(App, app_id)
        if app is None or app.use_sandbox:
            return True, {}, ""
        if self.vault is None:
            raise VaultUnavailable("No keyring was given to this service.", "refused", "", "")
        account = read_account(session, self.vault, app_id, PROVIDER_OF[channel])
        return False, dict(account.settings), account.secret

    def _render(self, row: Claimed, work: _Work) -> SmsMessage | EmailMessage:
        if work.channel is Channel.SMS:
            stop = str(work.settings.get("stop_mention") or "")
            text = sms_text(
                work.content, work.context, marketing=not work.transactional, stop_mention=stop
            )
            return SmsMessage(row.outbox_id, row.token, text.text)
        parts = email_parts(work.content, work.context)
        headers: dict[str, str] = {}
        base = str(work.settings.get("unsubscribe_base_url") or "")
        if base and work.unsubscribe_key is not None and not work.transactional:
            url = unsubscribe_url(base, work.unsubscribe_key, row.message_id)
            headers["List-Unsubscribe"] = f"<{url}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        return EmailMessage(
            row.outbox_id, row.token, parts.subject, parts.html, parts.text, headers
        )

    async def _sender(self, app_id: int, channel: Channel) -> ChannelSender[Any]:
        key = (app_id, channel)
        sender = self._senders.get(key)
        if sender is None:
            sandbox, settings, secret = self._accounts[key]
            sender = _build_sender(channel, sandbox, settings, secret)
            self._senders[key] = sender
        return sender

    async def _outcome(
        self, row: Claimed, channel: Channel, result: ChannelResult
    ) -> list[Outcome]:
        now = self.clock.now()
        if result.kind is Kind.DELIVERED:
            return [
                Outcome(
                    row.outbox_id,
                    row.campaign_id,
                    OutboxState.SENT,
                    now,
                    result.status,
                    result.provider_id,
                )
            ]
        if result.kind is Kind.RECIPIENT:
            if result.refusal is not None:
                await asyncio.to_thread(self._refuse, row.outbox_id, channel, result.refusal, now)
            return [
                self._failed(row, result.code or "REFUSED", result.message or "", result.status)
            ]
        if result.kind is Kind.PROVIDER:
            said = (result.message or result.code or "").replace("\n", " ")[:300]
            provider = PROVIDER_OF[channel].value
            reason = PAUSE_REASONS.english("provider_refused", provider, str(row.app_id), said)
            await self._pause(row.app_id, channel, reason)
            return []
        return [self._retry(row, result, now)]

    def _retry(self, row: Claimed, result: ChannelResult, now: datetime) -> Outcome:
        delay = max(backoff(row.attempts + 1), clamp_retry_after(result.retry_after) or 0.0)
        if now + timedelta(seconds=delay) > (row.created_at or now) + RETRY_BUDGET:
            return self._failed(row, "TTL_EXPIRED", f"Not sent within a day; last {result.code}")
        return Outcome(
            row.outbox_id,
            row.campaign_id,
            OutboxState.RETRY,
            now,
            result.status,
            error_code=result.code,
            error_message=result.message,
            next_attempt_at=now + timedelta(seconds=delay),
        )

    def _failed(self, row: Claimed, code: str, text: str, status: int | None = None) -> Outcome:
        return Outcome(
            row.outbox_id,
            row.campaign_id,
            OutboxState.FAILED,
            self.clock.now(),
            status,
            error_code=code,
            error_message=text,
        )

    def _refuse(self, outbox_id: int, channel: Channel, cause: str, at: datetime) -> None:
        with Session(self.engine) as session, session.begin():
            record_refusal(session, outbox_id, channel, cause, at)

    async def _pause(self, app_id: int, channel: Channel, reason: str) -> None:
        """Pause the app's sending campaigns of this channel (the rows wait, nothing lost)."""
        log.error("app %d: %s campaigns paused: %s", app_id, channel.value, reason)
        await asyncio.to_thread(self._pause_channel, app_id, channel, reason)

    def _pause_channel(self, app_id: int, channel: Channel, reason: str) -> None:
        fmt = next(f for f, c in CHANNEL_OF.items() if c is channel)
        with self.engine.begin() as conn:
            ids = conn.execute(
                select(Campaign.id).where(
                    Campaign.app_id == app_id,
                    Campaign.format == fmt,
                    Campaign.status == CampaignStatus.SENDING,
                )
            ).scalars()
            for campaign_id in list(ids):
                pause_sending_campaign(conn, campaign_id, reason)
        self._retire((app_id, channel))
        self._read_at.pop((app_id, channel), None)  # a fixed account is read afresh

    def _retire(self, key: tuple[int, Channel]) -> None:
        sender = self._senders.pop(key, None)
        if sender is not None:
            self._retired.append(sender)

    async def close(self) -> None:
        for sender in [*self._senders.values(), *self._retired]:
            await sender.close()
        self._senders.clear()
        self._retired.clear()


def _build_sender(
    channel: Channel, sandbox: bool, settings: dict[str, Any], secret: str
) -> ChannelSender[Any]:
    if sandbox:
        folder = sandbox_data_dir()
        return SandboxSms(folder) if channel is Channel.SMS else SandboxMail(folder)
    if channel is Channel.SMS:
        return TwilioSender(
            twilio_url(),
            str(settings["account_sid"]),
            secret,
            str(settings["sender"]),
            status_callback=str(settings.get("status_callback_url") or ""),
        )
    return SmtpSender(settings, secret)
