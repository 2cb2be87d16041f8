"""Start the GUI: Qt application, language, then the main window — painted first.

Only Qt is imported before the first paint; the qasync event loop, the database layer and the
pages load behind the visible window (see ``ui.startup``).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication

from engage_desktop import __version__
from engage_desktop.ui.appearance import apply_appearance
from engage_desktop.ui.i18n import install_translators
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.preferences import Preferences
from engage_desktop.ui.resources import app_icon
from engage_desktop.ui.style import install_style
from engage_desktop.ui.theme import watch_theme

if TYPE_CHECKING:
    from engage_desktop.ui.startup import CredentialsFactory

ORGANIZATION = "EngageDesktop"
APPLICATION = "Engage Desktop"


def create_application(
    argv: list[str] | None = None, lang: str | None = None, appearance: str | None = None
) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("engage-desktop")
    app.setWindowIcon(app_icon())
    install_style(app)
    prefs = Preferences.load(QSettings())
    install_translators(app, lang or prefs.language_or_none())
    apply_appearance(app, appearance or prefs.appearance)
    watch_theme(app)  # a platform switch while open (the Settings choice restyles at once)
    return app


def run_gui(
    workspace_arg: str | None, lang: str | None, credentials: CredentialsFactory | None = None
) -> int:
    """``credentials`` makes this machine's keyring and connection tester, for the admin's
    dialog; it is called on a worker after the first paint (keyring's backend discovery
    imports and probes a dozen modules)."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        print(
            "engage-desktop: no display found (DISPLAY/WAYLAND_DISPLAY unset). Run it in a desktop "
            "session, under xvfb-run, or with QT_QPA_PLATFORM=offscreen.",
            file=sys.stderr,
        )
        return 1
    app = create_application(sys.argv[:1], lang)
    # Paint the window first; the event loop, the database and the pages load behind it.
    window = MainWindow(QSettings())
    window.show()
    app.processEvents()
    return run_until_closed(app, window, workspace_arg, credentials)


def run_until_closed(
    app: QApplication,
    window: MainWindow,
    workspace_arg: str | None,
    credentials: CredentialsFactory | None = None,
) -> int:
    """Run the event loop until the window is closed and its service stopped; the exit code."""
    import qasync

    from engage_desktop.ui.startup import run_main_window

    # The window's end ends run_main_window, which then stops its service and closes the
    # workspace: quitting the loop as the last window closes would cut that short ("Event loop
    # stopped before Future completed" when the window was closed while the workspace opened).
    app.setQuitOnLastWindowClosed(False)
    result: int = qasync.run(run_main_window(window, workspace_arg, credentials))
    delete_windows()
    return result


def delete_windows() -> None:
    """Delete every window while the application still exists, before Python ends.

    QtWebEngine releases its profiles when the application ends; a rich preview's page still
    alive then ("Release of profile requested but WebEnginePage still not deleted") crashed the
    process on exit. Windows closed by then only had a deletion posted, never delivered.
    """
    for widget in QApplication.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
