"""The dispatcher's loop (``services/dispatcher.py``): no duplicates and no stall.

A stop lets requests in flight finish and records them; a huge Retry-After on some devices
cannot block an app's other messages.

Against a real sandbox process and a real SQLite workspace, the clock injected
(``ScaledClock``: a 10-minute outage runs in 10 s; nothing here waits out real minutes).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.core.workspace import Workspace
from engage_desktop.services.clock import ScaledClock
from engage_desktop.services.dispatcher import Dispatcher
from engage_desktop.store.models import (
    CampaignStatus,
    OutboxState,
)
from tests.support.dispatching import (
    COMPRESSED,
    campaign_state,
    dispatch,
    queued_campaign,
    received,
    sent_ids,
    states,
)
from tests.support.processes import (
    Sandbox,
    service_env,
    start_service,
    stop_service,
)
from tests.support.waiting import wait_until

pytestmark = pytest.mark.usefixtures("sandbox_env")  # tests/services/conftest.py


# --- fault 3: no duplicates: a stop lets requests finish; pause and cancel reach held rows ------


def test_a_stop_lets_requests_in_flight_finish_and_records_them(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    campaign_id = queued_campaign(ws, 60)
    sandbox.post("/sandbox/faults", {"faults": [{"match": "*", "delay": 1.5}]})
    env = service_env(sandbox.url, tmp_path)
    service = start_service(
        str(ws.location.sqlite_path), env, tmp_path, "--concurrency", "8", "--batch", "20"
    )
    wait_until(lambda: sandbox.get("/sandbox/stats")["requests"] >= 8, timeout=30)
    assert stop_service(service) == 0  # SIGTERM while 8 requests wait for their answer
    # every message FCM accepted is recorded as sent: none will be sent a second time
    wait_until(lambda: set(received(sandbox)) == sent_ids(ws, campaign_id), timeout=5)
    assert len(sent_ids(ws, campaign_id)) >= 8
    assert OutboxState.CLAIMED not in states(ws, campaign_id)  # the rest went back
    assert "requests unanswered" not in (tmp_path / "service.log").read_text()


@pytest.mark.parametrize("how_many", [1, 30])
def test_a_huge_retry_after_cannot_block_an_app(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, how_many: int
) -> None:
    """Retry-After: 10^12 s, on one answer or on every answer for a while: held to a minute."""
    ws = make_workspace()
    campaign_id = queued_campaign(ws, 40)
    fault = {"match": "*", "error": "QUOTA_EXCEEDED", "retry_after": 1e12, "times": how_many}
    sandbox.post("/sandbox/faults", {"faults": [fault]})

    def completed(_d: Dispatcher) -> bool:
        return campaign_state(ws, campaign_id)[0] == CampaignStatus.COMPLETED

    asyncio.run(dispatch(ws, completed, ScaledClock(COMPRESSED), concurrency=4))
    assert states(ws, campaign_id) == {OutboxState.SENT: 40}
    assert len(received(sandbox)) == 40
