"""The service does not claim rows of a send that needed an approval it does not have, even
when the rows reached the outbox without ``start_send`` (a script, a database tool)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, update

from engage_desktop.core.approvals import workflow
from engage_desktop.core.approvals.gate import cleared_to_claim
from engage_desktop.core.approvals.rules import set_approval_threshold
from engage_desktop.core.outbox import claims
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, OutboxMessage, Role
from tests.support.apps import colleague
from tests.support.sending import seed_app, seed_campaign

OUTBOX = OutboxMessage.metadata.tables["outbox_message"]

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _smuggle_rows(ws: Workspace, app_id: int, campaign_id: int, count: int, prefix: str) -> None:
    """What a script bypassing core would do: queued rows and the campaign marked sending.

    The rows go to ``seed_app``'s people, who consented: a row without a consenting person is
    suppressed at claim time whatever the approval (``core.delivery.screen``)."""
    first = app_id * 10_000_000 + 1
    with ws.engine.begin() as conn:
        conn.execute(
            insert(OUTBOX),
            [
                {
                    "campaign_id": campaign_id,
                    "app_id": app_id,
                    "profile_id": first + i,
                    "device_id": first + i,
                    "channel": "push",
                    "variant_key": "A",
                    "message_id": f"{prefix}-{campaign_id}-{i}",
                    "address": f"token-{i}",
                    "state": "queued",
                    "created_at": T0,
                }
                for i in range(count)
            ],
        )
        conn.execute(
            update(Campaign).where(Campaign.id == campaign_id).values(status=CampaignStatus.SENDING)
        )


def _claim(ws: Workspace, campaign_id: int, *, tests_only: bool = False) -> int:
    with ws.engine.begin() as conn:
        taken = claims.claim(
            conn, campaign_id, "w1", timedelta(seconds=30), 100, tests_only=tests_only
        )
    return len(taken)


@pytest.fixture
def setup(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, int, int]:
    ws = make_workspace()
    app_id = seed_app(ws, 10)
    campaign_id = seed_campaign(ws, app_id)
    with ws.session() as session:
        set_approval_threshold(session, ws.member_id, app_id, 3, T0)
    return ws, app_id, campaign_id


def test_rows_above_the_threshold_are_not_claimed_without_approval(
    setup: tuple[Workspace, int, int],
) -> None:
    ws, app_id, campaign_id = setup
    _smuggle_rows(ws, app_id, campaign_id, 4, "ed")
    assert _claim(ws, campaign_id) == 0


def test_rows_at_the_threshold_are_claimed(setup: tuple[Workspace, int, int]) -> None:
    ws, app_id, campaign_id = setup
    _smuggle_rows(ws, app_id, campaign_id, 3, "ed")
    assert _claim(ws, campaign_id) == 3


def test_test_sends_need_no_approval(setup: tuple[Workspace, int, int]) -> None:
    ws, app_id, campaign_id = setup
    _smuggle_rows(ws, app_id, campaign_id, 5, "edt")
    assert _claim(ws, campaign_id, tests_only=True) == 5


def test_an_approval_of_the_current_content_clears_the_rows(
    setup: tuple[Workspace, int, int],
) -> None:
    ws, app_id, campaign_id = setup
    marketer = colleague(ws, "marion", Role.MARKETER, app_id)
    workflow.submit(marketer, campaign_id)
    workflow.approve(ws, campaign_id)
    _smuggle_rows(ws, app_id, campaign_id, 6, "ed")
    with ws.engine.begin() as conn:
        assert cleared_to_claim(conn, campaign_id)
        conn.exec_driver_sql(
            'UPDATE campaign_variant SET content = \'{"title": "x"}\' '
            f"WHERE campaign_id = {campaign_id}"
        )
        assert not cleared_to_claim(conn, campaign_id)  # content swapped after approval


def test_test_rows_do_not_count_toward_the_threshold(setup: tuple[Workspace, int, int]) -> None:
    ws, app_id, campaign_id = setup
    _smuggle_rows(ws, app_id, campaign_id, 3, "ed")
    _smuggle_rows(ws, app_id, campaign_id, 2, "edt")  # "edt-<campaign>-…", as trial sends are
    with ws.engine.connect() as conn:
        assert cleared_to_claim(conn, campaign_id)
    _smuggle_rows(ws, app_id, campaign_id, 1, "ed-more")
    with ws.engine.connect() as conn:
        assert not cleared_to_claim(conn, campaign_id)
