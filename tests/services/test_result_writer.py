"""Writing results (``services/result_writer.py``): one result that cannot be written does not
stall the others.

Against a real sandbox process and a real SQLite workspace, the clock injected
(``ScaledClock``: a 10-minute outage runs in 10 s; nothing here waits out real minutes).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
from sqlalchemy import delete

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.clock import ScaledClock
from engage_desktop.services.dispatcher import Dispatcher
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    OutboxState,
)
from tests.support.dispatching import (
    campaign_state,
    dispatch,
    states,
)
from tests.support.processes import (
    Sandbox,
)
from tests.support.sending import seed_app, seed_campaign

pytestmark = pytest.mark.usefixtures("sandbox_env")  # tests/services/conftest.py


# --- fault 4: one result that cannot be written does not stall the others -----------------------


def test_a_result_that_cannot_be_written_does_not_stall_the_others(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 30)
    kept, deleted = seed_campaign(ws, app_id), seed_campaign(ws, app_id)
    start_send(ws, kept)
    start_send(ws, deleted)
    sandbox.post("/sandbox/faults", {"faults": [{"match": "*", "delay": 1.5, "times": 60}]})
    done: list[bool] = []

    def delete_one_mid_send(_d: Dispatcher) -> bool:
        if not done and sandbox.get("/sandbox/stats")["requests"] >= 60:
            with ws.engine.begin() as conn:  # its rows go with it, all 60 results in flight
                conn.execute(delete(Campaign).where(Campaign.id == deleted))
            done.append(True)
        return campaign_state(ws, kept)[0] == CampaignStatus.COMPLETED

    dispatcher = asyncio.run(dispatch(ws, delete_one_mid_send, ScaledClock(), concurrency=64))
    assert done and dispatcher.storage_error is None
    assert campaign_state(ws, kept) == (CampaignStatus.COMPLETED, None)
    assert states(ws, kept) == {OutboxState.SENT: 30}
