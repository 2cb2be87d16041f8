"""Expanding a campaign into outbox rows, without network: which devices are sendable, the send
confirmation's numbers (``audience_summary``), and who may send.

Every stored field is also compared with rows computed here from the audience as written and the
documented rules (suppression order, control group and variant split by a blake2b bucket of the
profile), on SQLite and on PostgreSQL, whatever path writes them.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, insert, select, update

from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.apps.manage import add_app
from engage_desktop.core.campaigns.edit import save_draft, schedule_campaign
from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.clock import FixedClock
from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import (
    SendError,
    audience_summary,
    start_send,
    suppression_reason,
)
from engage_desktop.core.team import add_member, grant, revoke
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.store.models import (
    App,
    AuditEntry,
    Campaign,
    CampaignFormat,
    CampaignStatus,
    CampaignVariant,
    Consent,
    Device,
    Member,
    MemberRole,
    OutboxMessage,
    Profile,
    Role,
)
from tests.support.sending import seed_app, seed_campaign


@given(
    token=st.one_of(st.none(), st.text(max_size=20)),
    invalid=st.booleans(),
    push=st.booleans(),
    consent=st.sampled_from([None, "granted", "denied", "unknown"]),
)
def test_a_device_is_sendable_only_with_everything_in_place(
    token: str | None, invalid: bool, push: bool, consent: str | None
) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC) if invalid else None
    reason = suppression_reason(token, at, push, consent)
    assert (reason is None) == (bool(token) and not invalid and push and consent == "granted")


def test_analyst_cannot_send_and_nothing_is_written(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    campaign_id = seed_campaign(ws, app_id)
    with ws.session() as s:
        role = s.query(MemberRole).filter_by(member_id=ws.member_id, app_id=app_id).one()
        role.role = Role.ANALYST
    with pytest.raises(PermissionDenied):
        start_send(ws, campaign_id)
    with ws.session() as s:
        assert control.campaign_progress(s, ws.member_id, campaign_id, ws.clock.now()).total == 0


def test_summary_counts_what_the_send_then_queues_and_writes_nothing(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 30, no_consent=4, push_off=3, no_token=2, invalidated=1)
    campaign_id = seed_campaign(ws, app_id)
    summary = audience_summary(ws, campaign_id)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    sent = start_send(ws, campaign_id)
    assert (summary.queued, summary.suppressed) == (sent.queued, sent.suppressed)
    assert summary.queued == 30 and summary.total == 40


def test_summary_needs_the_send_permission_and_a_sendable_campaign(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    with pytest.raises(SendError) as caught:
        audience_summary(ws, campaign_id)
    assert caught.value.code == "wrong_status"
    with ws.session() as s:
        s.execute(update(MemberRole).values(role=Role.ANALYST))
    with pytest.raises(PermissionDenied):
        audience_summary(ws, campaign_id)


# --- every stored field against the rules -------------------------------------------
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
VARIANTS = (("A", 2.0), ("B", 1.0), ("C", 0.0))
CONTROL_SHARE = 0.2


def bucket(profile_id: int, salt: str) -> float:
    digest = hashlib.blake2b(f"{salt}:{profile_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def expected_variant(profile_id: int, campaign_id: int, keys: tuple[tuple[str, float], ...]) -> str:
    point = bucket(profile_id, f"variant:{campaign_id}") * sum(w for _, w in keys)
    for key, weight in keys:
        if point < weight:
            return key
        point -= weight
    return keys[-1][0]


def audience(
    app_id: int, size: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Profiles with 0, 1 or 2 devices and every reason a device may not get a push."""
    profiles, devices, consents = [], [], []
    device_id = 0
    for i in range(1, size + 1):
        pid = app_id * 100_000 + i
        profiles.append(
            {
                "id": pid,
                "app_id": app_id,
                "external_id": f"u{i}",
                "created_at": NOW,
                "attributes": {},
            }
        )
        state = ("granted", "granted", "granted", "denied", "unknown", None)[i % 6]
        if state is not None:
            consents.append(
                {"profile_id": pid, "channel": "push", "state": state, "changed_at": NOW}
            )
        for k in range(i % 3):  # 0, 1 or 2 devices
            device_id += 1
            devices.append(
                {
                    "id": app_id * 100_000 + device_id,
                    "app_id": app_id,
                    "profile_id": pid,
                    "fcm_token": None if (i + k) % 7 == 0 else f"tok{pid}-{k}:APA91b",
                    "token_invalidated_at": NOW if (i + k) % 11 == 0 else None,
                    "platform": "android" if k == 0 else "ios",
                    "push_enabled": (i + k) % 5 != 0,
                    "is_test": False,
                    "created_at": NOW,
                }
            )
    return profiles, devices, consents


def seed(ws: Workspace, size: int) -> tuple[int, list[dict[str, Any]], dict[int, str | None]]:
    with ws.session() as s:
        app = App(
            name="Expand", firebase_project_id="expand", platforms=["android"], use_sandbox=True
        )
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        campaign = Campaign(
            app_id=app.id, name="Split", format=CampaignFormat.PUSH, control_share=CONTROL_SHARE
        )
        for key, weight in VARIANTS:
            campaign.variants.append(
                CampaignVariant(key=key, weight=weight, content={"title": key, "body": "b"})
            )
        s.add(campaign)
        s.flush()
        app_id, campaign_id = app.id, campaign.id
    profiles, devices, consents = audience(app_id, size)
    with ws.engine.begin() as conn:
        for model, rows in ((Profile, profiles), (Device, devices), (Consent, consents)):
            conn.execute(insert(model.metadata.tables[model.__tablename__]), rows)
    consent = {c["profile_id"]: c["state"] for c in consents}
    return campaign_id, devices, consent


def expected_rows(
    campaign_id: int, devices: list[dict[str, Any]], consent: dict[int, str | None]
) -> dict[int, tuple[Any, ...]]:
    out = {}
    for d in devices:
        pid = d["profile_id"]
        if consent.get(pid) != "granted":
            reason: str | None = "no_push_consent"
        elif not d["push_enabled"]:
            reason = "push_disabled"
        elif not d["fcm_token"]:
            reason = "no_token"
        elif d["token_invalidated_at"] is not None:
            reason = "token_invalidated"
        elif bucket(pid, f"control:{campaign_id}") < CONTROL_SHARE:
            reason = "control_group"
        else:
            reason = None
        out[d["id"]] = (
            pid,
            expected_variant(pid, campaign_id, VARIANTS),
            f"ed-{campaign_id}-{d['id']}",
            d["fcm_token"] if reason is None else None,
            "queued" if reason is None else "suppressed",
            reason,
            0,
            NOW,
        )
    return out


def check_expansion(ws: Workspace, size: int) -> None:
    campaign_id, devices, consent = seed(ws, size)
    result = start_send(ws, campaign_id)
    with ws.session() as s:
        rows = s.execute(
            select(
                OutboxMessage.device_id,
                OutboxMessage.profile_id,
                OutboxMessage.variant_key,
                OutboxMessage.message_id,
                OutboxMessage.address,
                OutboxMessage.state,
                OutboxMessage.suppression_reason,
                OutboxMessage.attempts,
                OutboxMessage.created_at,
                OutboxMessage.app_id,
                OutboxMessage.channel,
            ).where(OutboxMessage.campaign_id == campaign_id)
        ).all()
    stored = {r[0]: (*r[1:6], r[6], r[7], r[8]) for r in rows}
    stored = {k: (v[0], v[1], v[2], v[3], str(v[4]), *v[5:]) for k, v in stored.items()}
    want = expected_rows(campaign_id, devices, consent)
    assert {r[9] for r in rows} == {devices[0]["app_id"]}
    assert {str(r[10]) for r in rows} == {"push"}
    assert stored == want
    assert result.queued == sum(1 for v in want.values() if v[5] is None)
    assert result.total == len(devices)
    reasons = {v[5] for v in want.values()}
    assert reasons >= {None, "no_push_consent", "push_disabled", "no_token", "control_group"}
    assert {v[1] for v in want.values()} == {"A", "B"}  # weight 0 never drawn


def test_expansion_follows_the_rules_on_sqlite(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    ws.clock = FixedClock(NOW)
    check_expansion(ws, 3_000)


@pytest.mark.postgres
def test_expansion_follows_the_rules_on_postgresql(
    make_workspace: Callable[..., Workspace], pg_url: str
) -> None:
    ws = make_workspace(pg_url)
    ws.clock = FixedClock(NOW)
    check_expansion(ws, 3_000)


# --- Send while the service writes -------------------------------------------------------
def test_send_waits_for_the_services_writes_instead_of_failing(
    make_workspace: Callable[..., Workspace],
) -> None:
    """The service writes a few times a second (heartbeat, housekeeping). The expansion reads the
    audience before it writes: if it only asked for the write lock then, a write committed in
    between made SQLite refuse at once ("database is locked"), and Send failed."""
    ws = make_workspace()
    ws.clock = FixedClock(NOW)
    campaign_id, devices, _consent = seed(ws, 12_000)
    stop = threading.Event()
    writes = 0

    def service_like_writer() -> None:
        nonlocal writes
        while not stop.is_set():
            with ws.engine.begin() as conn:
                conn.execute(update(App).values(name=f"Expand {writes}"))
            writes += 1
            time.sleep(0.002)

    writer = threading.Thread(target=service_like_writer)
    writer.start()
    try:
        result = start_send(ws, campaign_id)
    finally:
        stop.set()
        writer.join()
    assert result.total == len(devices)
    assert writes > 0


def _scheduled_by_camille(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, int, int]:
    ws = make_workspace()
    app = add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    add_member(ws, app, "camille", Role.MARKETER)
    with ws.session() as s:
        camille = s.scalar(select(Member.id).where(Member.login == "camille"))
    assert camille is not None
    content = {"title": "Soldes", "body": "-30 %"}
    draft = CampaignDraft(app, "Soldes", variants=(Variant("A", 1.0, content),))
    with ws.session() as s:
        campaign = save_draft(s, camille, draft)
        schedule_campaign(s, camille, campaign, ws.clock.now())
    return ws, app, campaign


def test_a_scheduler_who_lost_the_send_right_does_not_send(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws, app, campaign = _scheduled_by_camille(make_workspace)
    grant(ws, app, "camille", Role.ANALYST)
    with pytest.raises(SendError) as caught:
        start_send(ws, campaign, scheduled=True)
    assert caught.value.code == "scheduler_lost_right"
    assert str(caught.value).startswith(f"Campaign {campaign} was scheduled by camille, who may")
    revoke(ws, app, "camille")
    with pytest.raises(SendError, match="scheduled by camille"):
        start_send(ws, campaign, scheduled=True)
    with ws.session() as s:
        assert s.get(Campaign, campaign).status is CampaignStatus.SCHEDULED  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_a_scheduler_still_allowed_sends_under_their_name(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws, _app, campaign = _scheduled_by_camille(make_workspace)
    start_send(ws, campaign, scheduled=True)
    with ws.session() as s:
        row = s.get(Campaign, campaign)
        assert row is not None and row.status is CampaignStatus.SENDING
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "campaign.send")).one()
        assert entry.member_id == row.scheduled_by
