"""People to text and mail: an app whose profiles have phones, emails and consents, and an SMS or
email campaign to them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from engage_desktop.core.delivery.sms_hours import sms_allowed
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignFormat,
    CampaignVariant,
    Channel,
    Consent,
    DeliveryRules,
    MemberRole,
    OutboxMessage,
    Profile,
    Role,
)


def seed_people(
    ws: Workspace,
    people: list[tuple[str | None, str | None, bool]],
    *,
    sandbox: bool = False,
    channel: Channel = Channel.SMS,
) -> int:
    """An app with one profile per (phone, email, consent on ``channel``) triple."""
    now = datetime.now(UTC)
    with ws.session() as s:
        app = App(name="Maison Lumière", firebase_project_id="maison-lumiere", use_sandbox=sandbox)
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        # These tests are about the channels, not the hour they run at: no quiet hours.
        s.add(DeliveryRules(app_id=app.id, quiet_start=None, quiet_end=None, caps={}))
        app_id = app.id
    profiles, consents = [], []
    for i, (phone, email, granted) in enumerate(people):
        pid = app_id * 1_000_000 + i + 1
        attributes = {"prenom": f"Client{i}"}
        profiles.append(
            {
                "id": pid,
                "app_id": app_id,
                "external_id": f"c{i}",
                "phone": phone,
                "email": email,
                "first_name": f"Client{i}",
                "created_at": now,
                "attributes": attributes,
            }
        )
        consents.append(
            {
                "profile_id": pid,
                "channel": channel.value,
                "state": "granted" if granted else "denied",
                "changed_at": now,
            }
        )
    if profiles:
        with ws.engine.begin() as conn:
            conn.execute(insert(Profile.metadata.tables["profile"]), profiles)
            conn.execute(insert(Consent.metadata.tables["consent"]), consents)
    return app_id


def marketing_sms_allowed_now(for_minutes: int = 15) -> bool:
    """Whether a real service may send a marketing SMS to France from now until ``for_minutes``
    later (Mon-Sat 08:00-20:00 Paris, no public holiday). Tests of the SMS transport that run a
    real service on the real clock send transactional SMS otherwise, else they would wait for
    the morning; checking the whole test's span keeps a test started at 19:59 from seeing its
    rows deferred at 20:00 (the window is one stretch a day, so both ends tell)."""
    now = datetime.now(ZoneInfo("Europe/Paris")).replace(tzinfo=None)
    return sms_allowed(now) and sms_allowed(now + timedelta(minutes=for_minutes))


def seed_channel_campaign(
    ws: Workspace,
    app_id: int,
    fmt: CampaignFormat,
    content: dict[str, Any],
    *,
    transactional: bool = False,
) -> int:
    with ws.session() as s:
        campaign = Campaign(app_id=app_id, name=f"Campagne {fmt.value}", format=fmt)
        if transactional:
            campaign.schedule = {"transactional": True}
        campaign.variants.append(CampaignVariant(key="A", weight=1.0, content=content))
        s.add(campaign)
        s.flush()
        return campaign.id


def rows_by_address(ws: Workspace, campaign_id: int) -> dict[str, OutboxMessage]:
    with ws.session() as s:
        rows = s.scalars(select(OutboxMessage).where(OutboxMessage.campaign_id == campaign_id))
        found = {r.address or f"suppressed:{r.profile_id}": r for r in rows}
        s.expunge_all()
        return found


def consent_of(ws: Workspace, profile_id: int, channel: Channel) -> tuple[str, str | None]:
    with ws.session() as s:
        row = s.get(Consent, (profile_id, channel))
        assert row is not None
        return row.state.value, row.source
