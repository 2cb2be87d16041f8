"""The Deliveries page and its send panel on a real workspace (no service: the outbox fills)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.sending.deliveries_page import DeliveriesPage

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from services.dispatch.helpers import seed_app, seed_campaign


def test_send_pause_resume_cancel_from_the_panel(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 20, no_consent=3, sandbox=False)
    seed_campaign(ws, app_id)
    context = UiContext(ws)
    context.set_app(app_id)
    page = DeliveriesPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.campaigns.count() == 1)
    page.campaigns.setCurrentRow(0)
    panel = page.panel
    qtbot.waitUntil(lambda: panel.send_button.isEnabled())
    panel.send_button.click()
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 20, timeout=10_000)
    assert panel.counts["queued"].text() == "20"
    assert "3" in panel.suppressed.text()
    qtbot.waitUntil(lambda: panel.pause_button.isEnabled())
    panel.pause_button.click()
    qtbot.waitUntil(lambda: panel.resume_button.isEnabled(), timeout=10_000)
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 0, timeout=10_000)
    assert not panel.send_button.isEnabled()
    page.grab().save(str(tmp_path / "deliveries.png"))
