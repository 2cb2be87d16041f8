"""The send confirmation's numbers and test sends, on a real SQLite workspace (no network)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from engage_desktop.core.outbox.control import campaign_progress
from engage_desktop.core.outbox.expand import SendError, audience_summary, start_send
from engage_desktop.core.outbox.trial import queue_test_send, trial_outcomes
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.store.models import (
    CampaignStatus,
    Device,
    MemberRole,
    OutboxMessage,
    OutboxState,
    Role,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from services.dispatch.helpers import seed_app, seed_campaign


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


def test_trial_queues_one_message_per_usable_test_device_outside_the_counts(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 6)
    first = app_id * 10_000_000 + 1
    with ws.session() as s:
        s.execute(
            update(Device)
            .where(Device.id.in_([first, first + 1, first + 2]))
            .values(is_test=True, label="Pixel de Camille")
        )
        s.execute(update(Device).where(Device.id == first + 2).values(fcm_token=None))
    campaign_id = seed_campaign(ws, app_id)
    recipients = queue_test_send(ws, campaign_id)
    assert [r.device_id for r in recipients] == [first, first + 1]
    assert all(
        r.message_id.startswith("edt-") and r.label == "Pixel de Camille" for r in recipients
    )
    with ws.session() as s:
        outcomes = trial_outcomes(s, ws.member_id, app_id, [r.message_id for r in recipients])
        progress = campaign_progress(s, ws.member_id, campaign_id, ws.clock.now())
    assert {o.state for o in outcomes.values()} == {OutboxState.QUEUED}
    assert not any(o.final for o in outcomes.values())
    assert progress.total == 0 and progress.status == CampaignStatus.DRAFT  # a test, not a send


def test_trial_without_test_devices_or_with_an_unknown_variant_is_refused(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 2)
    campaign_id = seed_campaign(ws, app_id)
    with pytest.raises(SendError) as caught:
        queue_test_send(ws, campaign_id)
    assert caught.value.code == "no_test_device"
    with pytest.raises(SendError) as caught:
        queue_test_send(ws, campaign_id, "Z")
    assert caught.value.code == "no_variant"
