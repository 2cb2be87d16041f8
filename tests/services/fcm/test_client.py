"""Every FCM error the sandbox can produce, and how the service treats it (real processes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    DeliveryAttempt,
    Device,
    OutboxMessage,
    OutboxState,
)
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign, status_of, token_for
from tests.support.waiting import wait_until


def run_until(
    ws: Workspace,
    sandbox: Sandbox,
    tmp: Path,
    campaign_id: int,
    until: CampaignStatus = CampaignStatus.COMPLETED,
    *extra: str,
) -> None:
    service = start_service(
        str(ws.location.sqlite_path), service_env(sandbox.url, tmp), tmp, *extra
    )
    try:
        wait_until(lambda: status_of(ws, campaign_id) == until, timeout=90)
    finally:
        assert stop_service(service) == 0


def rows(ws: Workspace, campaign_id: int) -> dict[int, OutboxMessage]:
    with ws.session() as s:
        return {
            r.device_id or 0: r
            for r in s.scalars(
                select(OutboxMessage).where(OutboxMessage.campaign_id == campaign_id)
            )
        }


def test_fcm_errors_are_mapped(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 6)
    dev = [app_id * 10_000_000 + i for i in range(1, 7)]
    sandbox.post(
        "/sandbox/faults",
        {
            "faults": [
                {"match": token_for(dev[0]), "error": "UNREGISTERED"},
                {"match": token_for(dev[1]), "error": "SENDER_ID_MISMATCH"},
                {
                    "match": token_for(dev[2]),
                    "error": "INVALID_ARGUMENT",
                    "message": "Invalid value at 'message.data[0].value'",
                },
                {"match": token_for(dev[3]), "error": "THIRD_PARTY_AUTH_ERROR"},
                {"match": token_for(dev[4]), "error": "INTERNAL", "times": 1},
                {
                    "match": token_for(dev[5]),
                    "error": "QUOTA_EXCEEDED",
                    "times": 1,
                    "retry_after": 0.5,
                },
            ]
        },
    )
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    run_until(ws, sandbox, tmp_path, campaign_id)
    got = rows(ws, campaign_id)
    assert got[dev[0]].state == OutboxState.FAILED and got[dev[0]].error_code == "UNREGISTERED"
    assert got[dev[1]].error_code == "SENDER_ID_MISMATCH"
    assert got[dev[2]].state == OutboxState.FAILED
    assert got[dev[2]].error_message == "Invalid value at 'message.data[0].value'"
    assert got[dev[3]].error_code == "THIRD_PARTY_AUTH_ERROR"
    assert got[dev[4]].state == OutboxState.SENT and got[dev[4]].attempts == 2
    assert got[dev[5]].state == OutboxState.SENT and got[dev[5]].attempts == 2
    with ws.session() as s:
        invalid = set(s.scalars(select(Device.id).where(Device.token_invalidated_at.is_not(None))))
        outcomes = [
            a.outcome
            for a in s.scalars(
                select(DeliveryAttempt)
                .where(DeliveryAttempt.outbox_id == got[dev[4]].id)
                .order_by(DeliveryAttempt.id)
            )
        ]
    assert invalid == {dev[0], dev[1]}  # token pruning: never used again
    assert outcomes == ["retry", "sent"]


def test_retry_after_is_honoured(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 40)
    first = app_id * 10_000_000 + 1
    sandbox.post(
        "/sandbox/faults",
        {
            "faults": [
                {"match": token_for(first), "error": "QUOTA_EXCEEDED", "times": 1, "retry_after": 2}
            ]
        },
    )
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    run_until(
        ws,
        sandbox,
        tmp_path,
        campaign_id,
        CampaignStatus.COMPLETED,
        "--concurrency",
        "1",
        "--batch",
        "5",
    )
    log = sandbox.get("/sandbox/requests")
    refused_at = next(r["at"] for r in log if r["token"] == token_for(first))
    later = [r["at"] for r in log if r["at"] > refused_at]
    assert later, "the other messages were sent after the 429"
    assert min(later) >= refused_at + 2.0  # nothing to the project before Retry-After elapsed
    assert len(log) == 41


def test_unavailable_and_dropped_connections_are_retried(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 50)
    sandbox.post(
        "/sandbox/faults",
        {
            "faults": [
                {"match": "*", "error": "UNAVAILABLE", "times": 10},
                {"match": "*", "drop": True, "times": 10},
            ]
        },
    )
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    run_until(ws, sandbox, tmp_path, campaign_id)
    got = rows(ws, campaign_id)
    assert all(r.state == OutboxState.SENT for r in got.values())
    stats = sandbox.get("/sandbox/stats?ids=1")
    assert len(stats["by_message_id"]) == 50


def test_revoked_key_pauses_with_reason(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 5, project="revoked-project")
    sandbox.post(
        "/sandbox/faults", {"revoked_emails": ["sandbox@revoked-project.iam.gserviceaccount.com"]}
    )
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    run_until(ws, sandbox, tmp_path, campaign_id, CampaignStatus.PAUSED)
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None and campaign.status_reason
        assert "revoked" in campaign.status_reason
        assert "PRIVATE KEY" not in campaign.status_reason
    assert all(r.state != OutboxState.SENT for r in rows(ws, campaign_id).values())
    assert sandbox.get("/sandbox/stats")["received"] == 0


def test_missing_credentials_file_pauses(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3, project="real-project", sandbox=False)
    with ws.session() as s:
        from engage_desktop.store.models import App

        app = s.get(App, app_id)
        assert app is not None
        app.fcm_credentials_path = str(tmp_path / "nowhere.json")
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    run_until(ws, sandbox, tmp_path, campaign_id, CampaignStatus.PAUSED)
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        assert campaign.status_reason == f"Service-account file not found: {tmp_path}/nowhere.json"


def test_personalised_content_is_rendered_per_recipient(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    from sqlalchemy import update

    from engage_desktop.store.models import Profile

    ws = make_workspace()
    app_id = seed_app(ws, 3)
    first = app_id * 10_000_000 + 1
    with ws.session() as s:
        s.execute(update(Profile).where(Profile.id == first).values(first_name="Inès"))
    campaign_id = seed_campaign(
        ws,
        app_id,
        {
            "title": '{{ first_name | default: "Bonjour" }}, les soldes commencent',
            "body": "-30 % sur les luminaires",
        },
    )
    start_send(ws, campaign_id)
    run_until(ws, sandbox, tmp_path, campaign_id)
    got = rows(ws, campaign_id)
    assert all(r.state == OutboxState.SENT for r in got.values())
    inbox = sandbox.get(f"/sandbox/inbox?token={token_for(first)}")
    assert inbox[0]["message"]["notification"]["title"] == "Inès, les soldes commencent"
    other = sandbox.get(f"/sandbox/inbox?token={token_for(first + 1)}")
    assert other[0]["message"]["notification"]["title"] == "Bonjour, les soldes commencent"
