"""A campaign sent through a real service process to a real sandbox process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from engage_desktop.core.outbox.control import campaign_progress
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    DeliveryAttempt,
    ServiceHeartbeat,
)

from ..dispatch.helpers import (
    Sandbox,
    seed_app,
    seed_campaign,
    service_env,
    start_service,
    stop_service,
    token_for,
)


def wait_for(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def status_of(ws: Workspace, campaign_id: int) -> CampaignStatus:
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign.status


def test_send_reaches_every_device_once(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 300, no_consent=5, push_off=4, no_token=3, invalidated=2)
    campaign_id = seed_campaign(ws, app_id)
    result = start_send(ws, campaign_id)
    assert result.queued == 300
    assert result.suppressed == {
        "no_push_consent": 5,
        "push_disabled": 4,
        "no_token": 3,
        "token_invalidated": 2,
    }
    service = start_service(
        str(ws.location.sqlite_path), service_env(sandbox.url, tmp_path), tmp_path
    )
    try:
        wait_for(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED)
        with ws.session() as s:
            beats = list(s.scalars(select(ServiceHeartbeat)))
            assert beats and beats[0].state == "running"
    finally:
        assert stop_service(service) == 0
    with ws.session() as s:
        progress = campaign_progress(s, ws.member_id, campaign_id, ws.clock.now())
        attempts = s.scalar(select(func.count()).select_from(DeliveryAttempt))
        assert s.scalars(select(ServiceHeartbeat.state)).all() == ["stopped"]
    assert (progress.sent, progress.failed, progress.queued) == (300, 0, 0)
    assert attempts == 300
    stats = sandbox.get("/sandbox/stats?ids=1")
    assert stats["received"] == 300
    assert set(stats["by_message_id"].values()) == {1}
    # what one virtual device received: the campaign, with its stable message id as collapse key
    first_device = app_id * 10_000_000 + 1
    inbox = sandbox.get(f"/sandbox/inbox?token={token_for(first_device)}")
    message = inbox[0]["message"]
    expected_id = f"ed-{campaign_id}-{first_device}"
    assert message["data"]["message_id"] == expected_id
    assert message["android"]["collapse_key"] == expected_id
    assert message["apns"]["headers"]["apns-collapse-id"] == expected_id
    assert message["notification"]["title"] == "Soldes d'hiver"
    assert message["fcm_options"]["analytics_label"] == "soldes_hiver"
