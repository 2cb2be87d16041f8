"""People spread over time zones, reachable on every channel: an app in Europe/Paris whose
profiles each have a phone, an email and one device (with a token), consent on every channel,
and a zone on the profile, on the device, on both or on neither; a campaign on any channel.

For the delivery rules that depend on the recipient's zone (quiet hours, local time, French SMS
hours), with the app's default quiet hours (21:00-08:00) unless told otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from engage_desktop.core.scheduling.schedule import schedule
from engage_desktop.core.scheduling.when import ScheduleChoice, Timing
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignFormat,
    CampaignVariant,
    Consent,
    DeliveryRules,
    Device,
    MemberRole,
    OutboxMessage,
    Profile,
    Role,
)

CHANNELS = ("push", "in_app", "sms", "email")
CONTENT: dict[CampaignFormat, dict[str, Any]] = {
    CampaignFormat.PUSH: {"title": "Soldes", "body": "-50 %"},
    CampaignFormat.SMS: {"body": "Soldes -50 %"},
    CampaignFormat.EMAIL: {"subject": "Soldes", "html": "<p>-50 %</p>"},
}


@dataclass(frozen=True)
class Zoned:
    """One person: the zone on their profile and on their device (None: not known)."""

    profile_zone: str | None
    device_zone: str | None
    phone: str | None = None  # None: a French mobile number made from the profile id


def seed_zoned_app(
    ws: Workspace,
    people: list[Zoned],
    now: datetime,
    *,
    quiet: tuple[str | None, str | None] | None = None,
    project: str = "lumiere",
) -> tuple[int, list[int]]:
    """(app id, profile ids in the order of ``people``); ``quiet``: None keeps the default
    (21:00-08:00), ``(None, None)`` turns quiet hours off."""
    with ws.session() as s:
        app = App(name=f"Lumière {project}", firebase_project_id=project, time_zone="Europe/Paris")
        app.use_sandbox = True
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        if quiet is not None:
            s.add(DeliveryRules(app_id=app.id, quiet_start=quiet[0], quiet_end=quiet[1], caps={}))
        app_id = app.id
    ids = [app_id * 100_000 + i + 1 for i in range(len(people))]
    with ws.engine.begin() as conn:
        for pid, person in zip(ids, people, strict=True):
            conn.execute(
                insert(Profile),
                [
                    {
                        "id": pid,
                        "app_id": app_id,
                        "external_id": f"z{pid}",
                        "time_zone": person.profile_zone,
                        "phone": person.phone or f"+336{pid % 100_000_000:08d}",
                        "email": f"p{pid}@example.com",
                        "attributes": {},
                        "created_at": now,
                    }
                ],
            )
            conn.execute(
                insert(Device),
                [
                    {
                        "app_id": app_id,
                        "profile_id": pid,
                        "fcm_token": f"tok-{pid}",
                        "platform": "android",
                        "push_enabled": True,
                        "time_zone": person.device_zone,
                        "last_seen_at": now,
                    }
                ],
            )
            conn.execute(
                insert(Consent),
                [
                    {"profile_id": pid, "channel": ch, "state": "granted", "changed_at": now}
                    for ch in CHANNELS
                ],
            )
    return app_id, ids


def seed_campaign(
    ws: Workspace, app_id: int, fmt: CampaignFormat, schedule: dict[str, Any] | None = None
) -> int:
    with ws.session() as s:
        campaign = Campaign(app_id=app_id, name=f"Soldes {fmt.value}", format=fmt)
        campaign.schedule = schedule
        campaign.variants.append(CampaignVariant(key="A", weight=1.0, content=CONTENT[fmt]))
        s.add(campaign)
        s.flush()
        return campaign.id


def not_before_by_profile(ws: Workspace, campaign_id: int) -> dict[int, datetime]:
    """Each row's planned time (aware UTC), by profile."""
    with ws.session() as s:
        rows = s.execute(
            select(OutboxMessage.profile_id, OutboxMessage.not_before).where(
                OutboxMessage.campaign_id == campaign_id
            )
        ).all()
    return {
        pid: (at if at.tzinfo else at.replace(tzinfo=UTC)) for pid, at in rows if pid is not None
    }


PARIS = ZoneInfo("Europe/Paris")
CHOSEN = datetime(2026, 12, 5, 10, 0, tzinfo=PARIS)  # "10:00 local", chosen in Paris
STARTS = datetime(2026, 12, 4, 20, 0, tzinfo=UTC)  # 10:00 in UTC+14 (Kiritimati)
ZONES = ["Pacific/Auckland", "Europe/Paris", "America/Los_Angeles"]
TEN_LOCAL = {  # 10:00 on 5 December on each clock
    "Pacific/Auckland": datetime(2026, 12, 4, 21, 0, tzinfo=UTC),
    "Europe/Paris": datetime(2026, 12, 5, 9, 0, tzinfo=UTC),
    "America/Los_Angeles": datetime(2026, 12, 5, 18, 0, tzinfo=UTC),
}


def scheduled_local_time(
    ws: Workspace, fmt: CampaignFormat = CampaignFormat.PUSH
) -> tuple[int, list[int]]:
    """A campaign scheduled for 10:00 local on 5 December (chosen in Paris) to one person in
    each of ``ZONES``, through the scheduling path the dialog and the CLI use."""
    booked = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    app_id, ids = seed_zoned_app(ws, [Zoned(z, None) for z in ZONES], booked)
    campaign_id = seed_campaign(ws, app_id, fmt)
    with ws.session() as session:
        chosen = ScheduleChoice(CHOSEN, "Europe/Paris", Timing.LOCAL_TIME)
        schedule(session, ws.member_id, campaign_id, chosen, booked)
    return campaign_id, ids
