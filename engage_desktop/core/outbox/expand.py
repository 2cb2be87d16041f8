"""Turn a campaign into outbox rows: the audience is frozen at send time, nothing silently dropped.

Every device of every targeted profile gets a row. Devices that must not receive the message
are written as ``suppressed`` with the reason (no consent, push disabled, no or invalidated token,
control group), so counts add up and analysts can see why.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.campaigns.lifecycle import move
from engage_desktop.core.outbox.content_gate import never_started, require_valid_content
from engage_desktop.core.outbox.errors import SendError as SendError
from engage_desktop.core.outbox.expand_chunks import (
    delete_unreleased_rows,
    expansion_lock,
    write_in_chunks,
)
from engage_desktop.core.outbox.expand_contacts import (
    CONSENT_CHANNEL,
    CONTACT_FORMATS,
    NO_IN_APP_CONSENT,
    contact_rows,
)
from engage_desktop.core.outbox.message_ids import contact_message_id
from engage_desktop.core.outbox.message_ids import message_id_for as message_id_for

if TYPE_CHECKING:
    from engage_desktop.core.imports.store import Writer
from engage_desktop.core.approvals.gate import send_refusal
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, can, require
from engage_desktop.store.models import (
    Campaign,
    CampaignFormat,
    CampaignStatus,
    Channel,
    Consent,
    ConsentState,
    Device,
    Member,
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


@dataclass
class ExpandResult:
    campaign_id: int
    queued: int = 0
    suppressed: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.queued + sum(self.suppressed.values())


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

    All or nothing: a failure leaves the campaign as it was and no outbox row behind.
    ``scheduled`` is the service starting a campaign whose time has come: the member who
    scheduled it must still have the send right then (a role revoked since stops it).
    Above the app's approval threshold the send needs an approval of the campaign's current
    content (``core.approvals``), scheduled or not.

    On SQLite the rows are committed in chunks while the campaign is still unreleased, so the
    service's writes are never held up for the length of a large expansion
    (``expand_chunks``); on PostgreSQL it is one transaction.
    """
    database = ws.location.sqlite_path
    if database is None:
        with ws.session() as session:
            campaign = _checked(ws, session, campaign_id, scheduled)
            result = _expand(session, campaign, ws.clock.now(), progress)
            _release(ws, session, campaign, result, scheduled)
            return result
    with expansion_lock(database):
        with ws.session() as session:
            _checked(ws, session, campaign_id, scheduled)
        delete_unreleased_rows(ws.engine, campaign_id)  # left by an interrupted expansion
        try:
            result = _expand_in_chunks(ws, campaign_id, progress)
            with ws.session() as session:
                _release(
                    ws, session, _checked(ws, session, campaign_id, scheduled), result, scheduled
                )
        except BaseException:
            delete_unreleased_rows(ws.engine, campaign_id)
            raise
        return result


def _checked(ws: Workspace, session: Session, campaign_id: int, scheduled: bool) -> Campaign:
    """The campaign, once it passed every check a send needs (raises ``SendError``)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise SendError(f"No campaign with id {campaign_id}.", "not_found")
    if scheduled:
        _check_scheduler(session, campaign)
    else:
        require(session, ws.member_id, campaign.app_id, Permission.SEND_CAMPAIGNS)
    _check_sendable(campaign)
    require_valid_content(campaign)
    return campaign


def _release(
    ws: Workspace, session: Session, campaign: Campaign, result: ExpandResult, scheduled: bool
) -> None:
    """The approval check, then the campaign is sending: its rows may be claimed."""
    refusal = send_refusal(session, campaign.id, campaign.app_id, result.queued)
    if refusal is not None:  # the caller removes the rows written (or rolls them back)
        raise SendError(str(refusal), refusal.code, *refusal.args_text)
    move(campaign, CampaignStatus.SENDING)
    campaign.status_reason = None
    campaign.started_at = ws.clock.now()
    record(
        session,
        member_id=campaign.scheduled_by if scheduled else ws.member_id,
        app_id=campaign.app_id,
        action="campaign.send",
        target=f"campaign:{campaign.id}",
        details={"queued": result.queued, "suppressed": result.suppressed},
    )


def _check_scheduler(session: Session, campaign: Campaign) -> None:
    """Refuse a scheduled send whose scheduler may no longer send on the campaign's app."""
    by = campaign.scheduled_by
    if by is not None and can(session, by, campaign.app_id, Permission.SEND_CAMPAIGNS):
        return
    login = session.scalar(select(Member.login).where(Member.id == by)) if by else None
    who = login or "a former member"
    raise SendError(
        f"Campaign {campaign.id} was scheduled by {who}, who may no longer send on this app: "
        "someone allowed to send must schedule it again.",
        "scheduler_lost_right",
        who,
    )


def _check_sendable(campaign: Campaign) -> None:
    if campaign.status not in SENDABLE_FROM and not never_started(campaign):
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
    """(profile, device, token, invalidated_at, push_enabled, consent) for every target.

    Read through Core, not the ORM: the rows are plain tuples, a few µs each cheaper.
    """
    channel = CONSENT_CHANNEL.get(campaign.format.value, Channel.PUSH)
    consent = select(Consent.profile_id, Consent.state).where(Consent.channel == channel).subquery()
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
    rows = session.connection().execute(query.execution_options(yield_per=CHUNK))
    for row in rows:
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
) -> Iterator[tuple[int, int | None, str | None, str | None]]:
    """(profile, device, token, suppression reason or None) for every addressable device;
    for SMS and email, (profile, None, address, reason) for every person."""
    share = campaign.control_share
    salt = f"control:{campaign.id}"
    for profile_id, device_id, token, reason in _recipients(session, campaign):
        # a bucket is in [0, 1): without a control share nobody is in it, no need to hash
        if reason is None and share > 0 and _bucket(profile_id, salt) < share:
            reason = CONTROL_GROUP
        yield profile_id, device_id, token, reason


def _recipients(
    session: Session, campaign: Campaign
) -> Iterator[tuple[int, int | None, str | None, str | None]]:
    contact = CONTACT_FORMATS.get(campaign.format.value)
    if contact is not None:
        for profile_id, address, reason in contact_rows(session, campaign, contact):
            yield profile_id, None, address, reason
        return
    in_app = campaign.format == CampaignFormat.IN_APP
    for profile_id, device_id, token, invalidated, push_ok, consent in _audience_rows(
        session, campaign
    ):
        if device_id is None:
            continue  # a profile without any device: nothing to address
        # an in-app message is a data message: it arrives with notifications turned off
        reason = suppression_reason(token, invalidated, push_ok or in_app, consent)
        if in_app and reason == NO_CONSENT:
            reason = NO_IN_APP_CONSENT
        yield profile_id, device_id, token, reason


def _variant_chooser(campaign_id: int, keys: Sequence[tuple[str, float]]) -> Callable[[int], str]:
    """``_variant_for`` with the campaign fixed: one variant needs no hashing at all."""
    if len(keys) == 1:
        only = keys[0][0]
        return lambda _profile_id: only
    return lambda profile_id: _variant_for(profile_id, campaign_id, keys)


OUTBOX_COLUMNS = (
    "campaign_id",
    "app_id",
    "profile_id",
    "device_id",
    "channel",
    "variant_key",
    "message_id",
    "address",
    "state",
    "suppression_reason",
    "attempts",
    "created_at",
)


def _expand(
    session: Session, campaign: Campaign, now: datetime, progress: Progress
) -> ExpandResult:
    """Rows as tuples of stored values, written by the bulk writer in the session's transaction.

    Why not ``insert()`` with dicts: SQLAlchemy then converts every value of every row, which
    cost ~20 µs a row, most of the ~36 µs expansion took (see ``benchmarks/dispatch.py``).
    """
    from engage_desktop.core.imports.store import Writer  # numpy inside: not at GUI start

    result = ExpandResult(campaign.id)
    writer = Writer(session.connection())
    batch: list[tuple[object, ...]] = []
    done = 0
    for row in _outbox_rows(session, campaign, writer.timestamp(now), result):
        batch.append(row)
        if len(batch) >= CHUNK:
            done += _flush(writer, batch)
            progress.report(done, None, "recipients")
    done += _flush(writer, batch)
    progress.report(done, done, "recipients")
    return result


def _expand_in_chunks(ws: Workspace, campaign_id: int, progress: Progress) -> ExpandResult:
    """The audience read in one snapshot, its rows committed chunk by chunk (SQLite)."""
    result = ExpandResult(campaign_id)
    created = ws.clock.now().astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    with ws.session() as reading:
        campaign = reading.get(Campaign, campaign_id)
        if campaign is None:
            raise SendError(f"No campaign with id {campaign_id}.", "not_found")
        rows = _outbox_rows(reading, campaign, created, result)
        write_in_chunks(ws.engine, OUTBOX_COLUMNS, rows, progress)
    return result


def _outbox_rows(
    session: Session, campaign: Campaign, created: str, result: ExpandResult
) -> Iterator[tuple[object, ...]]:
    """One tuple of stored values per addressable device (per person for SMS and email),
    counted into ``result``."""
    campaign_id, app_id = campaign.id, campaign.app_id
    variant_of = _variant_chooser(
        campaign_id, [(v.key, max(v.weight, 0.0)) for v in campaign.variants]
    )
    contact = CONTACT_FORMATS.get(campaign.format.value)
    channel = (contact or CONSENT_CHANNEL[campaign.format.value]).value
    queued, suppressed = OutboxState.QUEUED.value, OutboxState.SUPPRESSED.value
    for profile_id, device_id, token, reason in _classified(session, campaign):
        sendable = reason is None
        _count(result, reason)
        yield (
            campaign_id,
            app_id,
            profile_id,
            device_id,
            channel,
            variant_of(profile_id),
            message_id_for(campaign_id, device_id)
            if device_id is not None
            else contact_message_id(campaign_id, profile_id),
            token if sendable else None,
            queued if sendable else suppressed,
            reason,
            0,
            created,
        )


def _flush(writer: Writer, batch: list[tuple[object, ...]]) -> int:
    if not batch:
        return 0
    writer.insert_as_member("outbox_message", OUTBOX_COLUMNS, batch)
    count = len(batch)
    batch.clear()
    return count
