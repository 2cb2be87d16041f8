"""Test sends to the app's test devices, on a real SQLite workspace (no network)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import update

from engage_desktop.core.outbox.control import campaign_progress
from engage_desktop.core.outbox.expand import SendError
from engage_desktop.core.outbox.trial import queue_test_send, trial_outcomes
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignStatus, Device, OutboxState
from tests.support.sending import seed_app, seed_campaign


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
        outcomes = trial_outcomes(s, [r.message_id for r in recipients])
        progress = campaign_progress(s, campaign_id, ws.clock.now())
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
