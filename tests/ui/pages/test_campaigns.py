"""Campaigns page: New opens the composer, Edit reopens a draft, Duplicate copies it."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.campaigns import CampaignsPage


def test_new_edit_duplicate(qtbot: QtBot, ui_context: UiContext) -> None:
    page = CampaignsPage(ui_context)
    qtbot.addWidget(page)
    composer = page.open_composer(None)
    assert isinstance(composer, ComposerWindow)
    title = composer.widgets["content.title"]
    assert isinstance(title, QLineEdit)
    title.setFocus()
    qtbot.keyClicks(title, "Hello")
    composer.close()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.duplicate_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # duplicated off the GUI thread
    names = sorted(r.name for r in page.model.rows)
    assert names[1].endswith("(copy)")
    page.table.selectRow(0)
    reopened = page.open_composer(page.selected_id())
    assert isinstance(reopened, ComposerWindow)
    qtbot.waitUntil(lambda: not reopened.loading)
    assert reopened.widgets["content.title"].text() == "Hello"  # type: ignore[attr-defined]
    reopened.close()


def test_reload_on_a_locked_database_keeps_the_page_painting(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    from engage_desktop.core.campaigns.edit import save_draft
    from engage_desktop.core.campaigns.model import CampaignDraft
    from tests.support.slow_database import RepaintCounter, held_lock

    page = CampaignsPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.loading())
    ws = ui_context.workspace
    with ws.session() as session:
        save_draft(session, ws.member_id, CampaignDraft(int(ui_context.app_id or 0), "Verrou"))
    with held_lock(ws):
        counter = RepaintCounter(page)
        before = counter.paints
        page.reload()
        qtbot.wait(1000)
        assert counter.paints - before >= 10
        assert page.loading() and page.model.rowCount() == 0  # still waiting on the lock
        counter.stop()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15_000)
