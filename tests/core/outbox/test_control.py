"""Pause, resume and cancel of a send, and the counts they leave (no network)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import SendError, start_send
from engage_desktop.core.workspace import Workspace
from tests.support.sending import seed_app, seed_campaign


def test_pause_resume_cancel_and_counts(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 10, no_consent=2)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    with pytest.raises(SendError, match="only a draft or scheduled"):
        start_send(ws, campaign_id)
    control.pause(ws, campaign_id, "lunch")
    with pytest.raises(SendError, match="not sending"):
        control.pause(ws, campaign_id)
    control.resume(ws, campaign_id)
    assert control.cancel(ws, campaign_id) == 10
    with ws.session() as s:
        p = control.campaign_progress(s, campaign_id, ws.clock.now())
    assert p.queued == 0 and p.suppressed == {"cancelled": 10, "no_push_consent": 2}
    assert p.total == 12
