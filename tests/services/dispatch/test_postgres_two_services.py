"""On PostgreSQL two services share one outbox with FOR UPDATE SKIP LOCKED: no row sent twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignStatus, DeliveryAttempt, OutboxMessage

from .helpers import Sandbox, seed_app, seed_campaign, service_env, start_service, stop_service
from .test_end_to_end import status_of, wait_for

MESSAGES = 6_000


@pytest.mark.postgres
def test_two_services_never_send_a_row_twice(
    make_workspace: Callable[..., Workspace], pg_url: str, sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace(pg_url)
    app_id = seed_app(ws, MESSAGES)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    env = service_env(sandbox.url, tmp_path)
    small = ("--batch", "50", "--concurrency", "16")
    services = [start_service(pg_url, env, tmp_path, *small, name=f"svc{i}") for i in range(2)]
    try:
        wait_for(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=180)
    finally:
        codes = [stop_service(p) for p in services]
    assert codes == [0, 0]
    counts = sandbox.get("/sandbox/stats?ids=1")["by_message_id"]
    assert len(counts) == MESSAGES
    assert max(counts.values()) == 1  # never twice
    with ws.session() as s:
        workers = s.execute(
            select(OutboxMessage.claimed_by, func.count()).group_by(OutboxMessage.claimed_by)
        ).all()
        attempts = s.scalar(select(func.count()).select_from(DeliveryAttempt))
    assert attempts == MESSAGES
    assert len([w for w, n in workers if w and n > 0]) == 2, workers  # both did part of the work
