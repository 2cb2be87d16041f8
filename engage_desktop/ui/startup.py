"""After the window is on screen: open the workspace off the GUI thread, then fill the window.

A first start builds the demo workspace, with a progress dialog and a cancel button.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from engage_desktop.core.demo import DEFAULT_GUI_USERS
from engage_desktop.core.progress import Cancelled, Progress
from engage_desktop.ui.background import job_future, run_in_background
from engage_desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from engage_desktop.core.credentials.testing import CredentialTools
    from engage_desktop.core.member_access import MemberAccess
    from engage_desktop.core.workspace import Workspace
    from engage_desktop.ui.background import Job
    from engage_desktop.ui.service_launcher import ServiceChild


def _open(workspace_arg: str | None, progress: Progress) -> Workspace:
    """Runs on a worker thread: resolve, (on first start) build the demo, migrate, open.

    The database modules are imported here, off the GUI thread, so the window paints at once.
    """
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace

    location = resolve_workspace(workspace_arg)
    path = location.sqlite_path
    if location.is_default and path is not None and not path.exists():
        from engage_desktop.core.demo.generator import build_demo_workspace

        progress.report(0, 100, "")
        build_demo_workspace(location, users=DEFAULT_GUI_USERS, seed=1, progress=progress)
    return open_for_current_user(location)


async def open_workspace_with_progress(window: MainWindow, workspace_arg: str | None) -> Workspace:
    """Open the workspace off the GUI thread; a first start shows the demo build's progress."""
    dialog: QProgressDialog | None = None
    job = run_in_background(lambda progress: _open(workspace_arg, progress), parent=window)

    def on_progress(done: int, total: object, message: str) -> None:
        from engage_desktop.ui.messages import fill

        nonlocal dialog
        if dialog is None:
            dialog = QProgressDialog(window)
            dialog.setWindowTitle(QCoreApplication.translate("App", "First start"))
            dialog.setLabelText(
                fill(
                    QCoreApplication.translate("App", "Creating the demo workspace (%1 profiles)…"),
                    [f"{DEFAULT_GUI_USERS:,}"],
                )
            )
            dialog.setCancelButtonText(QCoreApplication.translate("App", "Cancel"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumWidth(420)
            dialog.setRange(0, 100)
            dialog.canceled.connect(job.cancel)
            dialog.show()
        if isinstance(total, int) and total:
            dialog.setValue(int(100 * done / total))

    job.progressed.connect(on_progress)
    try:
        workspace: Workspace = await job_future(job)  # what _open returned
        return workspace
    finally:
        if dialog is not None:
            dialog.close()


CredentialsFactory = Callable[[], "CredentialTools"]
"""Makes the admin's credential tools (the keyring, the connection test), on a worker."""


def attach_when_read(
    window: MainWindow, workspace: Workspace, credentials: CredentialsFactory | None = None
) -> Job:
    """Read the member's apps and roles on a worker, then fill the window with them; the
    credential tools are made on another worker and handed to the context when ready.

    The window stays responsive meanwhile (a database another program holds only delays the
    pages), and the pages do not wait for keyring. The jobs have no owner, so their answers
    come even if the window is closed first; a closed window is then left alone. Returns the
    job that reads the apps.
    """
    from engage_desktop.core.member_access import read_member_access
    from engage_desktop.ui.context import UiContext

    def attach(access: MemberAccess) -> None:
        if shiboken6.isValid(window):
            window.attach(UiContext(workspace, access=access))
            if credentials is not None:
                run_in_background(lambda _p: credentials(), on_success=hand_over)

    def hand_over(tools: CredentialTools) -> None:
        if shiboken6.isValid(window) and window.context is not None:
            window.context.set_credentials(tools)

    return run_in_background(lambda _p: read_member_access(workspace), on_success=attach)


async def run_main_window(
    window: MainWindow, workspace_arg: str | None, credentials: CredentialsFactory | None = None
) -> int:
    """Open the workspace behind the (already shown) window, then fill it in.

    Returns when the window is closed: 0, or 1 when the workspace could not be opened. A
    workspace another program keeps locked is not an error to quit on: the user may retry.
    """
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def window_gone() -> None:
        if not closed.done():
            closed.set_result(None)

    window.destroyed.connect(window_gone)
    if not window.isVisible():
        window.show()
    workspace = await _open_or_give_up(window, workspace_arg, credentials)
    if workspace is None:
        window.close()
        return 1
    from engage_desktop.ui.service_launcher import ensure_service

    if closed.done():
        workspace.close()
        return 0
    window.service_starting()
    # Not owned by the window: closing it meanwhile must not lose track of a started child.
    launch = run_in_background(lambda _progress: ensure_service(workspace))
    service: ServiceChild | None = await job_future(launch)
    if not closed.done():
        window.watch_service(service)
    await closed
    if service is not None:
        service.stop()
    workspace.close()
    return 0


async def _open_or_give_up(
    window: MainWindow, workspace_arg: str | None, credentials: CredentialsFactory | None
) -> Workspace | None:
    """Open the workspace and read the member's apps, offering to retry while another program
    keeps it locked; None when the user gives up, cancels, or it cannot be opened."""
    from engage_desktop.store.errors import WorkspaceBusyError, WorkspaceError
    from engage_desktop.ui.messages import workspace_error_text

    workspace: Workspace | None = None
    while True:
        try:
            if workspace is None:
                workspace = await open_workspace_with_progress(window, workspace_arg)
            await job_future(attach_when_read(window, workspace, credentials))
            return workspace
        except Cancelled:
            break
        except WorkspaceBusyError as exc:
            if _ask_retry(window, workspace_error_text(exc)):
                continue
            break
        except WorkspaceError as exc:
            QMessageBox.critical(
                window,
                QCoreApplication.translate("App", "Cannot open the workspace"),
                workspace_error_text(exc),
            )
            break
    if workspace is not None:
        workspace.close()
    return None


def _ask_retry(window: MainWindow, text: str) -> bool:
    """The workspace is busy: "Retry" (True) or "Close" (False)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("App", "The workspace is busy"),
        text,
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close,
        window,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    return box.exec() == QMessageBox.StandardButton.Retry
