"""Turn a campaign into outbox rows: the audience is frozen at send time, nothing silently dropped.

Every device of every targeted profile gets a row. Devices that must not receive the message
are written as ``suppressed`` with the reason (no consent, push disabled, no or invalidated token,
control group, expired), so counts add up and analysts can see why. Each sendable row gets the
time it may leave (``not_before``: schedule, local time, best hour, quiet hours, throttle), from
``core.delivery.plan``; the variant and the control group come from ``core.delivery.ab``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.outbox.content_gate import never_started, require_valid_content
from engage_desktop.core.outbox.errors import SendError as SendError
from engage_desktop.core.outbox.message_ids import message_id_for as message_id_for

if TYPE_CHECKING:
    from engage_desktop.core.imports.store import Writer
from engage_desktop.core.approvals.gate import send_refusal
from engage_desktop.core.delivery.ab import in_control, variant_chooser
from engage_desktop.core.delivery.plan import Planner, planner_for
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

    One transaction: a failure leaves the campaign as it was and no outbox row behind.
    ``scheduled`` is the service starting a campaign whose time has come: the member who
    scheduled it must still have the send right then (a role revoked since stops it).
    Above the app's approval threshold the send needs an approval of the campaign's current
    content (``core.approvals``), scheduled or not.
    """
    with ws.session() as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None:
            raise SendError(f"No campaign with id {campaign_id}.", "not_found")
        if scheduled:
            _check_scheduler(session, campaign)
        else:
            require(session, ws.member_id, campaign.app_id, Permission.SEND_CAMPAIGNS)
        _check_sendable(campaign)
        require_valid_content(campaign)
        if not scheduled:  # the service starting a scheduled send late is not an error
            check_against_now(_schedule(session, campaign), ws.clock.now())
        result = _expand(session, campaign, ws.clock.now(), progress)
        refusal = send_refusal(session, campaign_id, campaign.app_id, result.queued)
        if refusal is not None:  # the rows just written roll back with the transaction
            raise SendError(str(refusal), refusal.code, *refusal.args_text)
        campaign.status = CampaignStatus.SENDING
        campaign.status_reason = None
        campaign.started_at = ws.clock.now()
        record(
            session,
            member_id=campaign.scheduled_by if scheduled else ws.member_id,
            app_id=campaign.app_id,
            action="campaign.send",
            target=f"campaign:{campaign_id}",
            details={"queued": result.queued, "suppressed": result.suppressed},
        )
        return result


def _schedule(session: Session, campaign: Campaign) -> DeliverySchedule:
    app = session.get(App, campaign.app_id)
    return parse_schedule(campaign.schedule, app_zone(app.time_zone if app else None))


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
    if campaign.format not in (CampaignFormat.PUSH, CampaignFormat.RICH_PUSH):
        raise SendError(
            f"Campaign {campaign.id} is a {campaign.format.value} campaign; "
            "the dispatch service sends push campaigns only for now.",
            "not_push",
        )
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
    """Every addressable device, planned: its variant, its time, or why it is not sent."""
    share, campaign_id = campaign.control_share, campaign.id
    variant_of = variant_chooser(
        campaign_id, [(v.key, max(v.weight, 0.0)) for v in campaign.variants]
    )
    app = session.get(App, campaign.app_id)
    fallback = app_zone(app.time_zone if app else None)
    for row in _audience_rows(session, campaign):
        profile_id, device_id, token, invalidated, push_ok, consent, p_zone, d_zone = row
        if device_id is None:
            continue  # a profile without any device: nothing to address
        reason = suppression_reason(token, invalidated, push_ok, consent)
        if reason is None and in_control(profile_id, campaign_id, share):
            reason = CONTROL_GROUP
        at: datetime | None = None
        moved = False
        if reason is None:
            when, moved = planner.plan(profile_id, recipient_zone(p_zone, d_zone, fallback))
            if isinstance(when, str):
                reason = when  # expired, no send window
            else:
                at = when
        yield Planned(profile_id, device_id, token, reason, variant_of(profile_id), at, moved)


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
    session: Session, campaign: Campaign, now: datetime, progress: Progress
) -> ExpandResult:
    """Rows as tuples of stored values, written by the bulk writer in the session's transaction.

    Why not ``insert()`` with dicts: SQLAlchemy then converts every value of every row, which
    cost ~20 µs a row, most of the ~36 µs expansion took (see ``benchmarks/dispatch.py``).
    """
    from engage_desktop.core.imports.store import Writer  # numpy inside: not at GUI start

    writer = Writer(session.connection())
    # The write lock before the audience is read: asked for only at the first insert, it was
    # refused at once ("database is locked") whenever the service wrote meanwhile.
    writer.lock_for_writing()
    planner = planner_for(session, campaign, now)
    result = ExpandResult(campaign.id, now=now, until=planner.schedule.until)
    campaign_id, app_id = campaign.id, campaign.app_id
    created = writer.timestamp(now)
    stamps: dict[datetime, str] = {now: created}
    push, queued, suppressed = (
        Channel.PUSH.value,
        OutboxState.QUEUED.value,
        OutboxState.SUPPRESSED.value,
    )
    batch: list[tuple[object, ...]] = []
    done = 0
    for row in _classified(session, campaign, planner):
        sendable = row.reason is None
        at = row.at or now
        stamp = stamps.get(at)
        if stamp is None:
            stamp = stamps[at] = writer.timestamp(at)
            if len(stamps) > 100_000:  # a throttle gives every row its own time
                stamps = {now: created}
        batch.append(
            (
                campaign_id,
                app_id,
                row.profile_id,
                row.device_id,
                push,
                row.variant,
                message_id_for(campaign_id, row.device_id),
                row.token if sendable else None,
                queued if sendable else suppressed,
                row.reason,
                0,
                created,
                stamp,
            )
        )
        result.count(row)
        if len(batch) >= CHUNK:
            done += _flush(writer, batch)
            progress.report(done, None, "recipients")
    done += _flush(writer, batch)
    progress.report(done, done, "recipients")
    result.finish(planner)
    return result


def _flush(writer: Writer, batch: list[tuple[object, ...]]) -> int:
    if not batch:
        return 0
    writer.insert_as_member("outbox_message", OUTBOX_COLUMNS, batch)
    count = len(batch)
    batch.clear()
    return count
