"""A small app with reachable phones, a push campaign, and colleagues with given roles: what the
approval and audit tests need (ORM writes only, no service, no network)."""

from __future__ import annotations

from datetime import UTC, datetime

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignFormat,
    CampaignVariant,
    Channel,
    Consent,
    ConsentState,
    Device,
    Member,
    MemberRole,
    Profile,
    Role,
)

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def seed_app(ws: Workspace, phones: int, name: str = "Maison Lumière") -> int:
    """An app the workspace's member administers, with ``phones`` push-ready profiles."""
    with ws.session() as s:
        app = App(name=name, firebase_project_id="maison-lumiere", platforms=["android"])
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        for i in range(phones):
            profile = Profile(app_id=app.id, external_id=f"{name}-{i}", attributes={})
            s.add(profile)
            s.flush()
            s.add(Consent(profile_id=profile.id, channel=Channel.PUSH, state=ConsentState.GRANTED))
            s.add(
                Device(
                    app_id=app.id,
                    profile_id=profile.id,
                    platform="android",
                    fcm_token=f"tok{app.id}x{i:05d}:APA91b{'k' * 30}",
                    push_enabled=True,
                )
            )
        return app.id


def seed_campaign(ws: Workspace, app_id: int, title: str = "Soldes d'hiver") -> int:
    with ws.session() as s:
        campaign = Campaign(app_id=app_id, name=title, format=CampaignFormat.PUSH)
        campaign.variants.append(
            CampaignVariant(key="A", weight=1.0, content={"title": title, "body": "-50 %"})
        )
        s.add(campaign)
        s.flush()
        return campaign.id


def colleague(ws: Workspace, login: str, role: Role | None, app_id: int) -> Workspace:
    """Another member (with ``role`` on the app, or none) working on the same database."""
    with ws.session() as s:
        member = Member(login=login, display_name=login.capitalize())
        s.add(member)
        s.flush()
        if role is not None:
            s.add(MemberRole(member_id=member.id, app_id=app_id, role=role))
        member_id = member.id
    return Workspace(ws.location, ws.engine, member_id, FixedClock(T0))
