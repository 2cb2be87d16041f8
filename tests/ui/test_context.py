"""The UI context never reads the database on the GUI thread: switching apps uses the snapshot
read at start, and reading the member's apps again runs on a worker."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission
from engage_desktop.store.models import Role
from engage_desktop.ui.context import UiContext
from tests.support.apps import add_app
from tests.support.slow_database import RepaintCounter, held_lock


def _context(ws: Workspace, qsettings: QSettings) -> UiContext:
    return UiContext(ws, qsettings, access=read_member_access(ws))


def test_switching_apps_needs_no_database(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    ws = make_workspace()
    shop = add_app(ws, "Boutique", Role.ANALYST)
    game = add_app(ws, "Arcade", Role.MARKETER)
    context = _context(ws, qsettings)
    assert context.app_id == game and context.allows(Permission.EDIT_CAMPAIGNS)
    with held_lock(ws):  # any query would wait in SQLite's busy timeout, then fail
        context.set_app(shop)
    assert not context.allows(Permission.EDIT_CAMPAIGNS)
    assert context.allows(Permission.EXPORT_ANALYTICS)


def test_reloading_apps_on_a_locked_database_keeps_the_window_painting(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    ws = make_workspace()
    shop = add_app(ws, "Boutique", Role.ADMIN)
    context = _context(ws, qsettings)
    add_app(ws, "Arcade", Role.ANALYST)  # a role given meanwhile (e.g. by another admin)
    window = QLabel("…")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    changed: list[bool] = []
    context.apps_changed.connect(lambda: changed.append(True))
    with held_lock(ws):
        counter = RepaintCounter(window)
        before = counter.paints
        job = context.reload_apps()  # was a query on the GUI thread: no paint for 10 s
        qtbot.wait(1000)
        assert counter.paints - before >= 10
        assert not job.done and not changed  # still waiting on the lock
        counter.stop()
    qtbot.waitUntil(lambda: bool(changed), timeout=15_000)
    assert [a.name for a in context.apps] == ["Arcade", "Boutique"]
    assert context.app_id == shop  # the current app is kept
