"""Sending fixtures in the database: an app with an audience of devices, a push campaign, and what
became of a campaign (status, reason)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignFormat,
    CampaignStatus,
    CampaignVariant,
    Consent,
    Device,
    MemberRole,
    Profile,
    Role,
)


def token_for(i: int) -> str:
    """The FCM-like token ``seed_app`` gives device ``i``."""
    return f"dev{i:07d}:APA91b{'x' * 40}"


def seed_app(
    ws: Workspace,
    devices: int,
    *,
    project: str = "demo-project",
    no_consent: int = 0,
    push_off: int = 0,
    no_token: int = 0,
    invalidated: int = 0,
    sandbox: bool = True,
) -> int:
    """An app with ``devices`` reachable devices plus the given numbers of unreachable ones."""
    now = datetime.now(UTC)
    with ws.session() as s:
        app = App(
            name=f"App {project}",
            firebase_project_id=project,
            platforms=["android"],
            use_sandbox=sandbox,
        )
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        app_id = app.id
    kinds = (
        ["ok"] * devices
        + ["consent"] * no_consent
        + ["off"] * push_off
        + ["notoken"] * no_token
        + ["invalid"] * invalidated
    )
    profiles, devs, consents = [], [], []
    base = app_id * 10_000_000
    for i, kind in enumerate(kinds):
        pid = base + i + 1
        profiles.append(
            {
                "id": pid,
                "app_id": app_id,
                "external_id": f"u{i}",
                "created_at": now,
                "attributes": {},
            }
        )
        devs.append(
            {
                "id": pid,
                "app_id": app_id,
                "profile_id": pid,
                "fcm_token": None if kind == "notoken" else token_for(pid),
                "token_invalidated_at": now if kind == "invalid" else None,
                "platform": "android",
                "push_enabled": kind != "off",
                "is_test": False,
                "created_at": now,
            }
        )
        consents.append(
            {
                "profile_id": pid,
                "channel": "push",
                "state": "denied" if kind == "consent" else "granted",
                "changed_at": now,
            }
        )
    with ws.engine.begin() as conn:
        for model, rows in ((Profile, profiles), (Device, devs), (Consent, consents)):
            table = model.metadata.tables[model.__tablename__]
            for k in range(0, len(rows), 20_000):
                conn.execute(insert(table), rows[k : k + 20_000])
    return app_id


def seed_campaign(ws: Workspace, app_id: int, content: dict[str, Any] | None = None) -> int:
    """A push campaign with one variant (French winter-sale texts unless ``content`` is given)."""
    with ws.session() as s:
        campaign = Campaign(
            app_id=app_id,
            name="Soldes d'hiver",
            format=CampaignFormat.PUSH,
            analytics_label="soldes_hiver",
        )
        campaign.variants.append(
            CampaignVariant(
                key="A",
                weight=1.0,
                content=content or {"title": "Soldes d'hiver", "body": "Jusqu'à -50 % ce week-end"},
            )
        )
        s.add(campaign)
        s.flush()
        return campaign.id


def status_of(ws: Workspace, campaign_id: int) -> CampaignStatus:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign.status


def reason_of(ws: Workspace, campaign_id: int) -> str:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign.status_reason or ""


def use_key(ws: Workspace, app_id: int, path: Path) -> None:
    """Send through the service-account key file at ``path``: into the test session's keyring,
    where the service reads it (``engage-desktop credentials set``'s core function).

    A key given to an app on FCM must first pass the connection test, which these tests of the
    service do not exercise: the key is given while the app is on the sandbox, then the app's
    mode is put back as the test seeded it."""
    from engage_desktop.core.credentials.connection import set_credentials
    from engage_desktop.security.vault import Vault

    with ws.session() as s:
        app = s.get(App, app_id)
        assert app is not None
        seeded_sandbox, app.use_sandbox = app.use_sandbox, True
    set_credentials(ws, Vault.system(), app_id, path, host="this-machine")
    with ws.session() as s:
        app = s.get(App, app_id)
        assert app is not None
        app.use_sandbox = seeded_sandbox
