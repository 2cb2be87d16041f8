"""Start-up fills the window only once the member's apps and roles are read, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.startup import attach_workspace
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
    loop = qasync.QEventLoop(QApplication.instance())
    try:
        with held_lock(ws):
            counter = RepaintCounter(window)
            attached = loop.create_task(attach_workspace(window, ws))
            loop.run_until_complete(_sleep(1.0))
            assert counter.paints >= 10  # the GUI thread is free…
            assert window.context is None and not window.app_switcher.isEnabled()  # …waiting
            counter.stop()
        assert loop.run_until_complete(attached)
    finally:
        loop.close()
    assert window.context is not None
    assert window.app_switcher.itemText(0).startswith("Boutique")
    assert window.member_label.text().endswith("(marketer)")


async def _sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)
