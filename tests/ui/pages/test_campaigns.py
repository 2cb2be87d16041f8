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
    assert page.model.rowCount() == 2
    names = sorted(r.name for r in page.model.rows)
    assert names[1].endswith("(copy)")
    page.table.selectRow(0)
    reopened = page.open_composer(page.selected_id())
    assert isinstance(reopened, ComposerWindow)
    assert reopened.widgets["content.title"].text() == "Hello"  # type: ignore[attr-defined]
    reopened.close()
