"""The audience of SMS and email campaigns: one row per person, addressed to their phone or email.

A push or in-app message goes to each device; an SMS or email to the person, at the phone number
(E.164) or email address of their profile, if they gave their consent on that channel. A person
who cannot receive it is kept as a suppressed row with the reason, so counts add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.content.sms_message import is_e164
from engage_desktop.core.delivery.zones import person_device_zone
from engage_desktop.store.models import (
    Campaign,
    Channel,
    Consent,
    ConsentState,
    OutboxMessage,
    Profile,
    SegmentMember,
)
from engage_desktop.store.visibility import app_profiles

CONTACT_FORMATS = {"sms": Channel.SMS, "email": Channel.EMAIL}
CONSENT_CHANNEL = {"push": Channel.PUSH, "rich_push": Channel.PUSH, "in_app": Channel.IN_APP}
NO_CONSENT = {Channel.SMS: "no_sms_consent", Channel.EMAIL: "no_email_consent"}
NO_ADDRESS = {Channel.SMS: "no_phone", Channel.EMAIL: "no_email"}
BAD_ADDRESS = {Channel.SMS: "bad_phone", Channel.EMAIL: "bad_email"}
NO_IN_APP_CONSENT = "no_in_app_consent"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CHUNK = 5_000


def contact_reason(channel: Channel, address: str | None, consent: str | None) -> str | None:
    """Why this person must not get the SMS or email, or None when they may."""
    if consent != ConsentState.GRANTED:
        return NO_CONSENT[channel]
    if not address:
        return NO_ADDRESS[channel]
    well_formed = is_e164(address) if channel is Channel.SMS else bool(_EMAIL.match(address))
    return None if well_formed else BAD_ADDRESS[channel]


ContactRow = tuple[int, str | None, str | None, str | None, str | None]


def contact_rows(session: Session, campaign: Campaign, channel: Channel) -> Iterator[ContactRow]:
    """(profile, address, suppression reason or None, profile zone, device zone) for every
    targeted person: their zone is the profile's, else their device's, as for a push."""
    consent = select(Consent.profile_id, Consent.state).where(Consent.channel == channel).subquery()
    column = Profile.phone if channel is Channel.SMS else Profile.email
    query = (
        select(
            Profile.id,
            column,
            consent.c.state,
            Profile.time_zone,
            person_device_zone(Profile.id),
        )
        .join(consent, consent.c.profile_id == Profile.id, isouter=True)
        .where(app_profiles(session.get_bind().dialect.name, campaign.app_id))
        .order_by(Profile.id)
    )
    if campaign.segment_id is not None:
        members = select(SegmentMember.profile_id).where(
            SegmentMember.segment_id == campaign.segment_id
        )
        query = query.where(Profile.id.in_(members))
    for profile_id, address, state, p_zone, d_zone in session.connection().execute(
        query.execution_options(yield_per=CHUNK)
    ):
        clean = (address or "").strip() or None
        yield profile_id, clean, contact_reason(channel, clean, state), p_zone, d_zone


def contact_retries(
    session: Session, campaign: Campaign, channel: Channel, failed_ids: list[int]
) -> Iterator[tuple[int, str | None, str | None]]:
    """(outbox id, today's address, reason it stays failed or None) for failed SMS or email
    rows: checked again with today's consent and address, like an expansion."""
    consent = select(Consent.profile_id, Consent.state).where(Consent.channel == channel).subquery()
    column = Profile.phone if channel is Channel.SMS else Profile.email
    for start in range(0, len(failed_ids), CHUNK):
        rows = session.execute(
            select(OutboxMessage.id, column, consent.c.state)
            .join(Profile, Profile.id == OutboxMessage.profile_id, isouter=True)
            .join(consent, consent.c.profile_id == OutboxMessage.profile_id, isouter=True)
            .where(OutboxMessage.id.in_(failed_ids[start : start + CHUNK]))
        )
        for outbox_id, address, state in rows:
            clean = (address or "").strip() or None
            yield outbox_id, clean, contact_reason(channel, clean, state)
