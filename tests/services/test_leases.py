"""Leases outlive long waits: a row held behind a long Retry-After or in a slow request keeps its
lease (renewed by the service holding it), so a second service on PostgreSQL never sends it too.

The lease is 1.5 s here; the waits are 3 s. Without renewal the other service reclaims the
held rows once their lease expires and sends them, and the first sends them again afterwards.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.services.leases import LeaseBook
from engage_desktop.store.models import CampaignStatus, OutboxMessage, OutboxState
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign, status_of, token_for
from tests.support.waiting import wait_until

MESSAGES = 300


@pytest.mark.postgres
def test_held_rows_keep_their_lease_through_long_waits(
    make_workspace: Callable[..., Workspace], pg_url: str, sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace(pg_url)
    app_id = seed_app(ws, MESSAGES)
    first = app_id * 10_000_000 + 1
    sandbox.post(
        "/sandbox/faults",
        {
            "faults": [
                {
                    "match": token_for(first),
                    "error": "QUOTA_EXCEEDED",
                    "times": 1,
                    "retry_after": 3,
                },
                *(
                    {"match": token_for(first + k), "delay": 3, "times": 1}
                    for k in (1, 60, 120, 180, 240)
                ),
            ]
        },
    )
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    env = service_env(sandbox.url, tmp_path)
    short = ("--lease", "1.5", "--batch", "20", "--concurrency", "4", "--rate", "150")
    services = [start_service(pg_url, env, tmp_path, *short, name=f"svc{i}") for i in range(2)]
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=60)
    finally:
        codes = [stop_service(p) for p in services]
    assert codes == [0, 0]
    counts = sandbox.get("/sandbox/stats?ids=1")["by_message_id"]
    assert len(counts) == MESSAGES
    duplicates = {mid: n for mid, n in counts.items() if n > 1}
    assert duplicates == {}
    log = sandbox.get("/sandbox/requests")
    refused = [r["at"] for r in log if r["token"] == token_for(first)]
    assert len(refused) == 2 and refused[1] - refused[0] >= 3.0  # Retry-After honoured
    with ws.session() as s:
        states = set(s.scalars(select(OutboxMessage.state)))
    assert states == {OutboxState.SENT}


def test_lease_book_stops_sending_a_row_it_could_not_renew() -> None:
    book = LeaseBook(timedelta(seconds=2))
    start = time.monotonic()
    book.hold([1, 2, 3], start)
    assert all(book.may_send(i) for i in (1, 2, 3))
    lost = book.renewed([1, 2, 3], kept={1, 3}, started=start + 1)
    assert lost == [2] and not book.may_send(2)  # taken back meanwhile: never sent by us
    book.hold([4], start - 1.9)  # a lease almost run out: inside the safety margin
    assert not book.may_send(4)
    book.drop(1)
    assert book.snapshot() == [3, 4]
