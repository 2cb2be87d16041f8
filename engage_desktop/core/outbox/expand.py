"""Turn a campaign into outbox rows: the audience is frozen at send time, nothing silently dropped.

Every device of every targeted profile gets a row. Devices that must not receive the message
are written as ``suppressed`` with the reason (no consent, push disabled, no or invalidated token,
control group, expired), so counts add up and analysts can see why. Each sendable row gets the
time it may leave (``not_before``: schedule, local time, best hour, quiet hours, throttle), from
``core.delivery.plan``; the variant and the control group come from ``core.delivery.ab``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
from engage_desktop.core.delivery.ab import in_control, variant_chooser
from engage_desktop.core.delivery.plan import Planner, Window, planner_for
from engage_desktop.core.delivery.reasons import CANCELLED as CANCELLED
from engage_desktop.core.delivery.reasons import CONTROL_GROUP as CONTROL_GROUP
from engage_desktop.core.delivery.reasons import EXPIRED as EXPIRED
from engage_desktop.core.delivery.reasons import NO_CONSENT as NO_CONSENT
from engage_desktop.core.delivery.reasons import NO_TOKEN as NO_TOKEN
from engage_desktop.core.delivery.reasons import PUSH_DISABLED as PUSH_DISABLED
from engage_desktop.core.delivery.reasons import TOKEN_INVALIDATED as TOKEN_INVALIDATED
from engage_desktop.core.delivery.schedule import (
    DeliverySchedule,
    check_against_now,
    for_send_now,
    parse_schedule,
)
from engage_desktop.core.delivery.summary import ExpandResult as ExpandResult
from engage_desktop.core.delivery.summary import Planned
from engage_desktop.core.delivery.zones import app_zone, recipient_zone
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, can, require
from engage_desktop.store.models import (
    App,
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


SENDABLE_FROM = (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)


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
            result = _expand(session, campaign, ws.clock.now(), progress, scheduled)
            _release(ws, session, campaign, result, scheduled)
            return result
    with expansion_lock(database):
        with ws.session() as session:
            _checked(ws, session, campaign_id, scheduled)
        delete_unreleased_rows(ws.engine, campaign_id)  # left by an interrupted expansion
        try:
            result = _expand_in_chunks(ws, campaign_id, progress, scheduled)
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
    require_valid_content(campaign, first_send=ws.clock.now())
    if not scheduled:  # the service starting a scheduled send late is not an error
        check_against_now(_schedule(session, campaign), ws.clock.now())
    return campaign


def _schedule(session: Session, campaign: Campaign) -> DeliverySchedule:
    app = session.get(App, campaign.app_id)
    zone = app_zone(app.time_zone if app else None)
    return for_send_now(parse_schedule(campaign.schedule, zone))


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


AudienceRow = tuple[
    int, int | None, str | None, datetime | None, bool, str | None, str | None, str | None
]


def _audience_rows(session: Session, campaign: Campaign) -> Iterator[AudienceRow]:
    """(profile, device, token, invalidated_at, push_enabled, consent, profile zone, device
    zone) for every target.

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
            Profile.time_zone,
            Device.time_zone,
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
        yield row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6], row[7]


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
    """What sending now would queue and suppress (by reason, per variant, deferred by quiet
    hours, the estimated end), written nowhere: the numbers a confirmation dialog and
    ``campaign send --dry-run`` show. Same rules as ``start_send``; the audience may move."""
    with ws.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise SendError(f"No campaign with id {campaign_id}.", "not_found")
        require(session, ws.member_id, campaign.app_id, Permission.SEND_CAMPAIGNS)
        _check_sendable(campaign)
        now = ws.clock.now()
        planner = planner_for(session, campaign, now)
        result = ExpandResult(campaign.id, now=now, until=planner.schedule.until)
        for row in _classified(session, campaign, planner):
            result.count(row)
        result.finish(planner)
        return result


def _classified(session: Session, campaign: Campaign, planner: Planner) -> Iterator[Planned]:
    """Every addressable device (every person for SMS and email), planned: its variant, its
    time, or why it is not sent."""
    share, campaign_id = campaign.control_share, campaign.id
    variant_of = variant_chooser(
        campaign_id, [(v.key, max(v.weight, 0.0)) for v in campaign.variants]
    )
    app = session.get(App, campaign.app_id)
    fallback = app_zone(app.time_zone if app else None)
    for profile_id, device_id, token, reason, p_zone, d_zone in _recipients(session, campaign):
        if reason is None and in_control(profile_id, campaign_id, share):
            reason = CONTROL_GROUP
        at: datetime | None = None
        moved: Window | None = None
        if reason is None:
            zone = recipient_zone(p_zone, d_zone, fallback)
            when, moved = planner.plan(profile_id, zone, token)
            if isinstance(when, str):
                reason = when  # expired, no send window
            else:
                at = when
        yield Planned(profile_id, device_id, token, reason, variant_of(profile_id), at, moved)


Recipient = tuple[int, int | None, str | None, str | None, str | None, str | None]


def _recipients(session: Session, campaign: Campaign) -> Iterator[Recipient]:
    """(profile, device, address, reason, profile zone, device zone); SMS and email rows have
    no device: their device zone is the person's latest device's (``contact_rows``)."""
    contact = CONTACT_FORMATS.get(campaign.format.value)
    if contact is not None:
        for profile_id, address, reason, p_zone, d_zone in contact_rows(session, campaign, contact):
            yield profile_id, None, address, reason, p_zone, d_zone
        return
    in_app = campaign.format == CampaignFormat.IN_APP
    for row in _audience_rows(session, campaign):
        profile_id, device_id, token, invalidated, push_ok, consent, p_zone, d_zone = row
        if device_id is None:
            continue  # a profile without any device: nothing to address
        # an in-app message is a data message: it arrives with notifications turned off
        reason = suppression_reason(token, invalidated, push_ok or in_app, consent)
        if in_app and reason == NO_CONSENT:
            reason = NO_IN_APP_CONSENT
        yield profile_id, device_id, token, reason, p_zone, d_zone


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
    "not_before",
)


def _expand(
    session: Session, campaign: Campaign, now: datetime, progress: Progress, scheduled: bool
) -> ExpandResult:
    """Rows as tuples of stored values, written by the bulk writer in the session's transaction.

    Why not ``insert()`` with dicts: SQLAlchemy then converts every value of every row, which
    cost ~20 µs a row, most of the ~36 µs expansion took (see ``benchmarks/dispatch.py``).
    """
    from engage_desktop.core.imports.store import Writer  # numpy inside: not at GUI start

    writer = Writer(session.connection())
    planner = planner_for(session, campaign, now, scheduled=scheduled)
    result = ExpandResult(campaign.id, now=now, until=planner.schedule.until)
    batch: list[tuple[object, ...]] = []
    done = 0
    for row in _outbox_rows(session, campaign, planner, writer.timestamp, result):
        batch.append(row)
        if len(batch) >= CHUNK:
            done += _flush(writer, batch)
            progress.report(done, None, "recipients")
    done += _flush(writer, batch)
    progress.report(done, done, "recipients")
    result.finish(planner)
    return result


def _expand_in_chunks(
    ws: Workspace, campaign_id: int, progress: Progress, scheduled: bool
) -> ExpandResult:
    """The audience read in one snapshot, its rows committed chunk by chunk (SQLite)."""
    now = ws.clock.now()
    with ws.session() as reading:
        campaign = reading.get(Campaign, campaign_id)
        if campaign is None:
            raise SendError(f"No campaign with id {campaign_id}.", "not_found")
        planner = planner_for(reading, campaign, now, scheduled=scheduled)
        result = ExpandResult(campaign_id, now=now, until=planner.schedule.until)
        rows = _outbox_rows(reading, campaign, planner, _sqlite_time, result)
        write_in_chunks(ws.engine, OUTBOX_COLUMNS, rows, progress)
    result.finish(planner)
    return result


def _sqlite_time(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _outbox_rows(
    session: Session,
    campaign: Campaign,
    planner: Planner,
    stored_time: Callable[[datetime], str],
    result: ExpandResult,
) -> Iterator[tuple[object, ...]]:
    """One tuple of stored values per addressable device (per person for SMS and email),
    counted into ``result``; ``not_before`` is the row's planned time."""
    campaign_id, app_id = campaign.id, campaign.app_id
    contact = CONTACT_FORMATS.get(campaign.format.value)
    channel = (contact or CONSENT_CHANNEL[campaign.format.value]).value
    result.channel = channel
    queued, suppressed = OutboxState.QUEUED.value, OutboxState.SUPPRESSED.value
    now = planner.now
    created = stored_time(now)
    stamps: dict[datetime, str] = {now: created}
    for row in _classified(session, campaign, planner):
        sendable = row.reason is None
        result.count(row)
        at = row.at or now
        stamp = stamps.get(at)
        if stamp is None:
            if len(stamps) > 100_000:  # a throttle gives every row its own time
                stamps = {now: created}
            stamp = stamps[at] = stored_time(at)
        yield (
            campaign_id,
            app_id,
            row.profile_id,
            row.device_id,
            channel,
            row.variant,
            message_id_for(campaign_id, row.device_id)
            if row.device_id is not None
            else contact_message_id(campaign_id, row.profile_id),
            row.token if sendable else None,
            queued if sendable else suppressed,
            row.reason,
            0,
            created,
            stamp,
        )


def _flush(writer: Writer, batch: list[tuple[object, ...]]) -> int:
    if not batch:
        return 0
    writer.insert_as_member("outbox_message", OUTBOX_COLUMNS, batch)
    count = len(batch)
    batch.clear()
    return count
