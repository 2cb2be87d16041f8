"""Every FCM error the sandbox can produce, and how the service treats it (real processes).

A refused server certificate is the endpoint's fault, not the message's: it counts as
unreachable (the app pauses) rather than as an attempt that could fail the row.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.fcm.client import FcmClient, Verdict
from engage_desktop.services.fcm.http1 import Http1Pool
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
from tests.support.tls import make_test_ca
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
    # project-level refusals: retried a few times (a fixed set-up lets them go), token kept
    assert got[dev[1]].state == OutboxState.FAILED and got[dev[1]].attempts == 3
    assert got[dev[2]].state == OutboxState.FAILED
    assert got[dev[2]].error_message == "Invalid value at 'message.data[0].value'"
    assert got[dev[3]].error_code == "THIRD_PARTY_AUTH_ERROR" and got[dev[3]].attempts == 3
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
    assert invalid == {dev[0]}  # pruned only on a per-device answer: never used again
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
    refused_at, again_at = (r["at"] for r in log if r["token"] == token_for(first))
    assert again_at >= refused_at + 2.0  # that message waited its Retry-After
    # one 429 is not proof the project is over quota: the others did not wait for it
    assert any(refused_at < r["at"] < refused_at + 2.0 for r in log)
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


def test_missing_credentials_pause_with_the_reason(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3, project="real-project", sandbox=False)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    run_until(ws, sandbox, tmp_path, campaign_id, CampaignStatus.PAUSED)
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        assert campaign.status_reason == (
            "No service-account key is set for app 'App real-project' (project real-project): "
            "an admin gives it with 'engage-desktop credentials set' or in Settings → Credentials."
        )


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


# --- transport failures -------------------------------------------------------------
class _NoTokens:
    """Never asked: the TLS handshake fails before any header is written."""

    async def token(self) -> str:
        return "unused"

    def invalidate(self, token: str) -> None:
        pass


def test_a_refused_certificate_is_unreachable_with_the_reason(tmp_path: Path) -> None:
    ca = make_test_ca(tmp_path / "ca")  # not trusted by this process

    async def scenario() -> tuple[Verdict, bool, str | None, str | None]:
        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=ca.server_context())
        pool = Http1Pool("localhost", server.sockets[0].getsockname()[1], tls=True)
        client = FcmClient(pool, "", "p", _NoTokens())  # type: ignore[arg-type]
        try:
            result = await client.send(b"{}")
        finally:
            pool.close()
            server.close()
            await server.wait_closed()
        return result.verdict, result.unreachable, result.error_code, result.error_message

    verdict, unreachable, code, message = asyncio.run(scenario())
    assert (verdict, unreachable, code) == (Verdict.RETRY, True, "TLS_CERTIFICATE")
    assert message is not None and "certificate of localhost:" in message
    assert "unable to get local issuer certificate" in message
