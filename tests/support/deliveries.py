"""The Deliveries page as GUI tests drive it: opened on one app with its only campaign picked,
and a send through the one confirmation."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.sending.deliveries_page import DeliveriesPage
from engage_desktop.ui.sending.send_dialog import SendDialog


def open_deliveries(ws: Workspace, app_id: int, qtbot: QtBot) -> DeliveriesPage:
    """The page, shown at the default size, its first campaign picked."""
    context = UiContext(ws, access=read_member_access(ws))
    context.set_app(app_id)
    page = DeliveriesPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitUntil(lambda: page.campaigns.count() == 1, timeout=10_000)
    page.campaigns.setCurrentRow(0)
    return page


def confirm_send(page: DeliveriesPage, qtbot: QtBot) -> SendDialog:
    """Send now…, then the confirmation's Send now once the summary is counted."""
    page.panel.send_button.click()
    dialog = page.panel.send_dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10_000)
    dialog.send_button.click()
    return dialog
