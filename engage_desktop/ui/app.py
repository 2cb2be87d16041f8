"""Start the GUI: Qt application, language, workspace (demo on first start), main window.

Runs on qasync so coroutines and Qt share one event loop; long work goes through
``ui.background``.
"""

from __future__ import annotations

import asyncio
import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from engage_desktop import __version__
from engage_desktop.core.demo import DEFAULT_GUI_USERS, build_demo_workspace
from engage_desktop.core.progress import Cancelled, Progress
from engage_desktop.core.workspace import Workspace, open_for_current_user
from engage_desktop.store.errors import WorkspaceError
from engage_desktop.store.location import WorkspaceLocation, resolve_workspace
from engage_desktop.ui.background import job_future, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.i18n import install_translators
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.resources import app_icon

ORGANIZATION = "EngageDesktop"
APPLICATION = "Engage Desktop"


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def create_application(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("engage-desktop")
    app.setWindowIcon(app_icon())
    install_translators(app, lang)
    return app


async def open_workspace_with_progress(location: WorkspaceLocation) -> Workspace:
    """Open the workspace; on the very first start, build the demo workspace with a progress bar."""
    path = location.sqlite_path
    first_start = location.is_default and path is not None and not path.exists()
    if not first_start:
        job = run_in_background(lambda _p: open_for_current_user(location))
        return await job_future(job)  # type: ignore[no-any-return]

    dialog = QProgressDialog(
        _tr("Creating the demo workspace (%1 profiles)…").replace("%1", f"{DEFAULT_GUI_USERS:,}"),
        _tr("Cancel"),
        0,
        100,
    )
    dialog.setWindowTitle(_tr("First start"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)

    def work(progress: Progress) -> Workspace:
        build_demo_workspace(location, users=DEFAULT_GUI_USERS, seed=1, progress=progress)
        return open_for_current_user(location)

    job = run_in_background(work)
    job.progressed.connect(
        lambda done, total, message: (
            dialog.setValue(int(100 * done / total) if total else 0),
            dialog.setLabelText(message or dialog.labelText()),
        )
    )
    dialog.canceled.connect(job.cancel)
    try:
        return await job_future(job)  # type: ignore[no-any-return]
    finally:
        dialog.close()


async def run_main_window(workspace_arg: str | None) -> int:
    location = resolve_workspace(workspace_arg)
    try:
        workspace = await open_workspace_with_progress(location)
    except Cancelled:
        return 1
    except WorkspaceError as exc:
        QMessageBox.critical(None, _tr("Cannot open the workspace"), str(exc))
        return 1
    window = MainWindow(UiContext(workspace), QSettings())
    window.show()
    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    window.destroyed.connect(lambda: closed.done() or closed.set_result(None))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    await closed
    workspace.close()
    return 0


def run_gui(workspace_arg: str | None, lang: str | None) -> int:
    import qasync

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
    create_application(sys.argv[:1], lang)
    result: int = qasync.run(run_main_window(workspace_arg))
    return result
