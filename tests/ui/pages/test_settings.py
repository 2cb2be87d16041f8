"""Settings speaks a marketer's words: what the workspace holds, never raw table names."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from engage_desktop.store.models import Base
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.settings import SettingsPage


def test_workspace_figures_have_readable_labels(admin_context: UiContext, qtbot: QtBot) -> None:
    # Fault: Settings listed raw table names (event_daily, outbox_message, audit_chain_head…).
    page = SettingsPage(admin_context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.counts.rowCount() > 0, timeout=10_000)
    shown = [page.counts.item(row, 0).text() for row in range(page.counts.rowCount())]
    tables = {table.name for table in Base.metadata.sorted_tables}
    assert not tables & set(shown), shown
    assert "Contacts" in shown and "Campaigns" in shown
    headers = [page.counts.horizontalHeaderItem(i).text() for i in range(2)]
    assert "Table" not in headers and "Rows" not in headers
