"""Start-up fills the window only once the member's apps and roles are read, off the GUI thread."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.pages.settings import SettingsPage
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


def test_the_credential_tools_are_made_on_the_worker_not_before_the_paint(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    from engage_desktop.cli.gui_command import _credential_tools
    from engage_desktop.core.credentials.testing import CredentialTools

    ws = make_workspace()
    add_app(ws, "Boutique", Role.ADMIN)
    made_on: list[bool] = []

    def tools() -> CredentialTools:
        made_on.append(threading.current_thread() is threading.main_thread())
        return _credential_tools()  # the CLI's: this session's real keyring

    window = MainWindow(qsettings)
    qtbot.addWidget(window)
    attach_when_read(window, ws, tools)
    qtbot.waitUntil(
        lambda: window.context is not None and window.context.credentials is not None,
        timeout=15_000,
    )
    assert made_on == [False]
    assert window.context is not None and window.context.credentials is not None
    assert window.context.credentials.vault.describe().startswith("keyring.backends.")
    settings = window.page("settings")
    assert isinstance(settings, SettingsPage)  # the admin's credentials box follows the tools
    qtbot.waitUntil(lambda: settings.credentials.isVisibleTo(settings), timeout=15_000)


def test_nothing_the_first_paint_needs_imports_keyring_or_the_database(tmp_path: Path) -> None:
    """The plain ``engage-desktop`` launch, up to the window's first paint: no keyring (its
    backend discovery cost more than the whole first paint), no SQLAlchemy, no Alembic."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
        "ENGAGE_DESKTOP_DB": str(tmp_path / "none.sqlite"),
        "ENGAGE_DESKTOP_NO_SERVICE": "1",
    }
    found = subprocess.run(
        [sys.executable, "-c", _AT_FIRST_PAINT], env=env, capture_output=True, text=True, timeout=60
    ).stdout.strip()
    assert found == "[]"


# The real launch (cli main, no arguments); at the main window's first paint, the heavy
# packages already imported are printed and the process ends.
_AT_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent, QObject
import engage_desktop.ui.app as gui

HEAVY = {"keyring", "secretstorage", "sqlalchemy", "alembic"}

class AtPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(sorted({m.split(".")[0] for m in sys.modules} & HEAVY), flush=True)
            os._exit(0)
        return False

HOOK = AtPaint()

class Watched(gui.MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.installEventFilter(HOOK)

gui.MainWindow = Watched
from engage_desktop.cli.main import main
sys.exit(main([]))
"""


def test_the_first_start_counts_profiles_in_the_users_number_format(french: None) -> None:
    # Seen in the French desktop walk-through: "(20,000 profils)", an English separator.
    from PySide6.QtCore import QLocale

    from engage_desktop.ui.startup import first_start_text

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))  # as --lang fr
    try:
        text = first_start_text()
    finally:
        QLocale.setDefault(before)
    assert "20,000" not in text
    assert "20\u202f000" in text or "20\u00a0000" in text or "20 000" in text
    assert "profils" in text
