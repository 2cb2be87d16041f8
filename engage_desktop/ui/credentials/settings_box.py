"""Settings → Firebase credentials: the current app's mode and key, and the dialog's button.

Shown only to members who may manage the app's credentials (admins): marketers and analysts
never see them. The facts are read off the GUI thread, like every database read.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from engage_desktop.core.credentials.admin import CredentialStatus
from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.credentials.dialog import CredentialsDialog
from engage_desktop.ui.messages import fill


def _status_if_allowed(context: UiContext, app_id: int) -> CredentialStatus | None:
    from engage_desktop.core.credentials.admin import credential_status
    from engage_desktop.security.roles import Permission, can

    ws = context.workspace
    with ws.session_factory() as session:
        if not can(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS):
            return None
    return credential_status(ws, app_id)


class CredentialsBox(QGroupBox):
    """``summary`` says the mode and the key; ``manage_button`` opens ``CredentialsDialog``."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Firebase credentials"))
        self.context = context
        self.dialog: CredentialsDialog | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.manage_button = QPushButton(self.tr("Manage credentials…"))
        self.manage_button.setMaximumWidth(320)
        self.manage_button.clicked.connect(self.open_dialog)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.manage_button)
        self.hide()  # until we know the member may see it
        context.app_changed.connect(lambda _id: self.load())
        context.credentials_changed.connect(self.load)  # made after start-up, on a worker
        self.load()

    def load(self) -> None:
        app = self.context.current_app()
        if app is None or self.context.credentials is None:
            self.hide()
            return
        context, app_id = self.context, app.id

        def work(_progress: Progress) -> CredentialStatus | None:
            return _status_if_allowed(context, app_id)

        job = run_in_background(work, parent=self)
        job.succeeded.connect(self.show_status)

    def show_status(self, status: CredentialStatus | None) -> None:
        if status is None:
            self.hide()
            return
        mode = (
            self.tr("sends to the local sandbox")
            if status.use_sandbox
            else self.tr("sends through FCM")
        )
        key = (
            fill(self.tr("key %1 of %2"), [status.key_id or "", status.client_email or ""])
            if status.is_set
            else self.tr("no service-account key yet")
        )
        self.summary.setText(
            fill(
                self.tr("%1 (project %2) %3; %4."), [status.app_name, status.project_id, mode, key]
            )
        )
        self.show()

    def open_dialog(self) -> None:
        app = self.context.current_app()
        tools = self.context.credentials
        if app is None or tools is None:
            return
        self.dialog = CredentialsDialog(self.context, tools, app.id, self)
        self.dialog.finished.connect(lambda _result: self.load())
        self.dialog.open()
