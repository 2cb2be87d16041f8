"""The Deliveries page and its send panel on a real workspace (no service: the outbox fills)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.sending.deliveries_page import DeliveriesPage
from tests.support.sending import seed_app, seed_campaign


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
    qtbot.waitUntil(lambda: page.campaigns.count() == 1, timeout=10_000)
    page.campaigns.setCurrentRow(0)
    panel = page.panel
    qtbot.waitUntil(lambda: panel.send_button.isEnabled(), timeout=10_000)
    panel.send_button.click()
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 20, timeout=10_000)
    assert panel.counts["queued"].text() == "20"
    assert "3" in panel.suppressed.text()
    qtbot.waitUntil(lambda: panel.pause_button.isEnabled(), timeout=10_000)
    panel.pause_button.click()
    qtbot.waitUntil(lambda: panel.resume_button.isEnabled(), timeout=10_000)
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 0, timeout=10_000)
    assert not panel.send_button.isEnabled()
    page.grab().save(str(tmp_path / "deliveries.png"))


def test_test_send_from_the_panel_lists_each_test_device(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    from sqlalchemy import update

    from engage_desktop.store.models import Device
    from engage_desktop.ui.sending.trial_dialog import TrialSendDialog

    ws = make_workspace()
    app_id = seed_app(ws, 3, sandbox=False)
    with ws.session() as s:
        s.execute(
            update(Device)
            .where(Device.id == app_id * 10_000_000 + 1)
            .values(is_test=True, label="Pixel de Camille")
        )
    seed_campaign(ws, app_id)
    context = UiContext(ws)
    context.set_app(app_id)
    page = DeliveriesPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.campaigns.count() == 1, timeout=10_000)
    page.campaigns.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.panel.test_button.isEnabled(), timeout=10_000)
    page.panel.test_button.click()
    dialog = page.panel.trial
    assert isinstance(dialog, TrialSendDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 0).text() == "Pixel de Camille"
    assert dialog.table.item(0, 2).text() == "waiting"  # no service in this test
    dialog.close()
