"""Saving drafts off the GUI thread: a locked database never freezes the composer, and saves
that overlap never write two campaign rows."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from engage_desktop.core.campaigns.edit import get_draft
from engage_desktop.store.models import Campaign
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext
from tests.support.db import count_rows
from tests.support.slow_database import RepaintCounter, held_lock


def _composer(qtbot: QtBot, context: UiContext) -> ComposerWindow:
    window = ComposerWindow(context)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_autosave_on_a_locked_database_keeps_the_window_painting(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    window = _composer(qtbot, ui_context)
    title = window.widgets["content.title"]
    assert isinstance(title, QLineEdit)
    with held_lock(ui_context.workspace):
        counter = RepaintCounter(window)
        title.setFocus()
        qtbot.keyClicks(title, "Verrou")
        before = counter.paints
        window.autosave.timeout.emit()  # the debounce fires: the save waits on the lock…
        qtbot.wait(1000)
        assert counter.paints - before >= 10  # …while the window keeps repainting
        assert window.status.text() == ""  # neither saved nor failed: still waiting
        assert window.saver.busy
        qtbot.keyClicks(title, " leve")  # and typing still goes in
        assert title.text() == "Verrou leve"
        counter.stop()
    qtbot.waitUntil(
        lambda: not window.saver.busy and window.campaign_id is not None, timeout=15_000
    )
    window.save_now()  # what was typed during the wait
    qtbot.waitUntil(lambda: not window.saver.busy, timeout=15_000)
    ws = ui_context.workspace
    assert window.campaign_id is not None
    with ws.session() as session:
        draft = get_draft(session, ws.member_id, window.campaign_id)
    assert draft.variants[0].content["title"] == "Verrou leve"
    assert "Draft saved" in window.status.text()


def test_overlapping_saves_write_one_campaign(qtbot: QtBot, ui_context: UiContext) -> None:
    window = _composer(qtbot, ui_context)
    title = window.widgets["content.title"]
    assert isinstance(title, QLineEdit)
    title.setFocus()
    qtbot.keyClicks(title, "Un")
    window.save_now()
    qtbot.keyClicks(title, " seul")
    window.save_now()  # asked for while the first (which creates the row) still runs
    with qtbot.waitSignal(window.saved, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: not window.saver.busy, timeout=10_000)
    assert count_rows(ui_context.workspace, Campaign) == 1
    ws = ui_context.workspace
    assert window.campaign_id is not None
    with ws.session() as session:
        assert get_draft(session, ws.member_id, window.campaign_id).name == "New campaign"
        title_saved = get_draft(session, ws.member_id, window.campaign_id).variants[0].content
    assert title_saved["title"] == "Un seul"


def test_a_failed_save_keeps_the_window_open_and_says_why(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    window = _composer(qtbot, ui_context)
    qtbot.waitUntil(lambda: not window.loading)  # opened as the member, before the switch
    title = window.widgets["content.title"]
    assert isinstance(title, QLineEdit)
    title.setFocus()
    qtbot.keyClicks(title, "Perdu ?")
    ws = ui_context.workspace
    ws.member_id = 10_000  # no such member: the core refuses the save
    window.close()
    qtbot.waitUntil(lambda: "Not saved" in window.status.text(), timeout=10_000)
    assert window.isVisible()
    assert title.text() == "Perdu ?"
    assert count_rows(ui_context.workspace, Campaign) == 0
