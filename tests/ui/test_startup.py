"""Start-up fills the window only once the member's apps and roles are read, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.startup import attach_when_read
from tests.support.apps import add_app
from tests.support.slow_database import RepaintCounter, held_lock


def test_the_window_paints_while_the_members_apps_load_from_a_locked_database(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    ws = make_workspace()
    add_app(ws, "Boutique", Role.MARKETER)
    window = MainWindow(qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with held_lock(ws):
        counter = RepaintCounter(window)
        job = attach_when_read(window, ws)
        qtbot.wait(1000)
        assert counter.paints >= 10  # the GUI thread is free…
        assert not job.done and window.context is None  # …while the read waits on the lock
        assert not window.app_switcher.isEnabled()
        counter.stop()
    qtbot.waitUntil(lambda: job.done, timeout=15_000)
    assert window.context is not None
    assert window.app_switcher.isEnabled()
    assert window.app_switcher.itemText(0).startswith("Boutique")
    assert window.member_label.text().endswith("(marketer)")
