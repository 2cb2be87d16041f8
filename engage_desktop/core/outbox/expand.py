"""Turn a campaign into outbox rows: the audience is frozen at send time, nothing silently dropped.

Every device of every targeted profile gets a row. Devices that must not receive the message
are written as ``suppressed`` with the reason (no consent, push disabled, no or invalidated token,
control group), so counts add up and analysts can see why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from engage_desktop.core.approvals.gate import send_refusal
from engage_desktop.core.messages import CodedError
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import (
    Campaign,
    CampaignFormat,
    CampaignStatus,
    Channel,
    Consent,
    ConsentState,
    Device,
    OutboxMessage,
    OutboxState,
    Profile,
    SegmentMember,
)

CHUNK = 5_000

# Suppression reasons (stable strings: shown translated by the GUI, grouped in progress).
NO_CONSENT = "no_push_consent"
PUSH_DISABLED = "push_disabled"
NO_TOKEN = "no_token"
TOKEN_INVALIDATED = "token_invalidated"
CONTROL_GROUP = "control_group"
CANCELLED = "cancelled"

SENDABLE_FROM = (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)


class SendError(CodedError):
    """The campaign cannot be sent as asked; the message says why.

    ``code`` names the case (``not_found``, ``wrong_status``, ``not_push``, ``no_variant``,
    ``no_test_device``) so the GUI can say it in the user's language.
    """

    def __init__(self, message: str, code: str = "other", *args: str) -> None:
        super().__init__(message, code, *args)


@dataclass
class ExpandResult:
    campaign_id: int
    queued: int = 0
    suppressed: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.queued + sum(self.suppressed.values())


def message_id_for(campaign_id: int, device_id: int) -> str:
    """Stable across retries and restarts: the same recipient always gets the same id."""
    return f"ed-{campaign_id}-{device_id}"


def _bucket(profile_id: int, salt: str) -> float:
    """A deterministic number in [0, 1) per profile, for control groups and variant split."""
    digest = hashlib.blake2b(f"{salt}:{profile_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def _variant_for(profile_id: int, campaign_id: int, keys: Sequence[tuple[str, float]]) -> str:
    total = sum(w for _, w in keys) or 1.0
    point = _bucket(profile_id, f"variant:{campaign_id}") * total
    for key, weight in keys:
        if point < weight:
            return key
        point -= weight
    return keys[-1][0]


def start_send(
    ws: Workspace, campaign_id: int, *, progress: Progress = NO_PROGRESS, scheduled: bool = False
) -> ExpandResult:
    """Check the permission, snapshot the audience into the outbox and mark the campaign sending.

    One transaction: a failure leaves the campaign as it was and no outbox row behind.
    ``scheduled`` is the service starting a campaign whose time has come (the permission was
    checked when it was scheduled). Above the app's approval threshold the send needs an
    approval of the campaign's current content (``core.approvals``), scheduled or not.
    """
    with ws.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise SendError(f"No campaign with id {campaign_id}.", "not_found")
        if not scheduled:
            require(session, ws.member_id, campaign.app_id, Permission.SEND_CAMPAIGNS)
        _check_sendable(campaign)
        result = _expand(session, campaign, ws.clock.now(), progress)
        refusal = send_refusal(session, campaign_id, campaign.app_id, result.queued)
        if refusal is not None:  # the rows just written roll back with the transaction
            raise SendError(str(refusal), refusal.code, *refusal.args_text)
        campaign.status = CampaignStatus.SENDING
        campaign.status_reason = None
        campaign.started_at = ws.clock.now()
        record(
            session,
            member_id=None if scheduled else ws.member_id,
            app_id=campaign.app_id,
            action="campaign.send",
            target=f"campaign:{campaign_id}",
            details={"queued": result.queued, "suppressed": result.suppressed},
        )
        return result


def _check_sendable(campaign: Campaign) -> None:
    if campaign.format not in (CampaignFormat.PUSH, CampaignFormat.RICH_PUSH):
        raise SendError(
            f"Campaign {campaign.id} is a {campaign.format.value} campaign; "
            "the dispatch service sends push campaigns only for now.",
            "not_push",
        )
    if campaign.status not in SENDABLE_FROM:
        raise SendError(
            f"Campaign {campaign.id} is {campaign.status.value}; only a draft or scheduled "
            "campaign can be sent.",
            "wrong_status",
        )
    if not campaign.variants:
        raise SendError(f"Campaign {campaign.id} has no content variant to send.", "no_variant")


def _audience_rows(
    session: Session, campaign: Campaign
) -> Iterator[tuple[int, int | None, str | None, datetime | None, bool, str | None]]:
    """(profile, device, token, invalidated_at, push_enabled, consent) for every target."""
    consent = (
        select(Consent.profile_id, Consent.state).where(Consent.channel == Channel.PUSH).subquery()
    )
    query = (
        select(
            Profile.id,
            Device.id,
            Device.fcm_token,
            Device.token_invalidated_at,
            Device.push_enabled,
            consent.c.state,
        )
        .join(Device, Device.profile_id == Profile.id, isouter=True)
        .join(consent, consent.c.profile_id == Profile.id, isouter=True)
        .where(Profile.app_id == campaign.app_id)
        .order_by(Profile.id, Device.id)
    )
    if campaign.segment_id is not None:
        members = select(SegmentMember.profile_id).where(
            SegmentMember.segment_id == campaign.segment_id
        )
        query = query.where(Profile.id.in_(members))
    for row in session.execute(query).yield_per(CHUNK):
        yield row[0], row[1], row[2], row[3], bool(row[4]), row[5]


def suppression_reason(
    token: str | None, invalidated: datetime | None, push_enabled: bool, consent: str | None
) -> str | None:
    """Why a device must not get a push, or None when it may (the one rule, also for tests)."""
    if consent != ConsentState.GRANTED:
        return NO_CONSENT
    if not push_enabled:
        return PUSH_DISABLED
    if not token:
        return NO_TOKEN
    if invalidated is not None:
        return TOKEN_INVALIDATED
    return None


def audience_summary(ws: Workspace, campaign_id: int) -> ExpandResult:
    """What sending now would queue and suppress (by reason), written nowhere: the numbers a
    confirmation dialog shows. Same rules as ``start_send``; the audience may move after."""
    with ws.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise SendError(f"No campaign with id {campaign_id}.", "not_found")
        require(session, ws.member_id, campaign.app_id, Permission.SEND_CAMPAIGNS)
        _check_sendable(campaign)
        result = ExpandResult(campaign.id)
        for _profile, _device, _token, reason in _classified(session, campaign):
            _count(result, reason)
        return result


def _count(result: ExpandResult, reason: str | None) -> None:
    if reason is None:
        result.queued += 1
    else:
        result.suppressed[reason] = result.suppressed.get(reason, 0) + 1


def _classified(
    session: Session, campaign: Campaign
) -> Iterator[tuple[int, int, str | None, str | None]]:
    """(profile, device, token, suppression reason or None) for every addressable device."""
    for profile_id, device_id, token, invalidated, push_ok, consent in _audience_rows(
        session, campaign
    ):
        if device_id is None:
            continue  # a profile without any device: nothing to address
        reason = suppression_reason(token, invalidated, push_ok, consent)
        in_control = _bucket(profile_id, f"control:{campaign.id}") < campaign.control_share
        if reason is None and in_control:
            reason = CONTROL_GROUP
        yield profile_id, device_id, token, reason


def _expand(
    session: Session, campaign: Campaign, now: datetime, progress: Progress
) -> ExpandResult:
    result = ExpandResult(campaign.id)
    keys = [(v.key, max(v.weight, 0.0)) for v in campaign.variants]
    batch: list[dict[str, object]] = []
    done = 0
    for profile_id, device_id, token, reason in _classified(session, campaign):
        batch.append(
            {
                "campaign_id": campaign.id,
                "app_id": campaign.app_id,
                "profile_id": profile_id,
                "device_id": device_id,
                "channel": Channel.PUSH,
                "variant_key": _variant_for(profile_id, campaign.id, keys),
                "message_id": message_id_for(campaign.id, device_id),
                "address": token if reason is None else None,
                "state": OutboxState.QUEUED if reason is None else OutboxState.SUPPRESSED,
                "suppression_reason": reason,
                "created_at": now,
            }
        )
        _count(result, reason)
        if len(batch) >= CHUNK:
            done += _flush(session, batch)
            progress.report(done, None, "recipients")
    done += _flush(session, batch)
    progress.report(done, done, "recipients")
    return result


def _flush(session: Session, batch: list[dict[str, object]]) -> int:
    if not batch:
        return 0
    session.execute(insert(OutboxMessage.metadata.tables["outbox_message"]), batch)
    count = len(batch)
    batch.clear()
    return count
