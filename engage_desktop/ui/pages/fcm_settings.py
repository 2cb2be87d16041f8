"""Settings: the current app's Firebase service-account file, checked before it is stored.

Only the file's path is stored (the key stays where the admin keeps it). Core checks the file
(``core.settings_fcm``); a bad file is explained in the user's language with its path, never
with anything read from the key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill, setting_error_text


class ServiceAccountBox(QGroupBox):
    """Path field, Browse…, Check and save, and what came of it (``status``)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Firebase Cloud Messaging"))
        self.context = context
        self.app_label = QLabel()
        self.app_label.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Path of the service-account key (.json)"))
        self.path.returnPressed.connect(self.save)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.save_button = QPushButton(self.tr("Check and save"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.save_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("App:"), self.app_label)
        form.addRow(self.tr("Service account:"), row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        context.app_changed.connect(lambda _id: self.load())
        self.load()

    def load(self) -> None:
        """Show the current app's stored path, and whether this member may change it."""
        from engage_desktop.core.settings_fcm import service_account_path
        from engage_desktop.security.roles import Permission, can

        app = self.context.current_app()
        self.status.clear()
        if app is None:
            self.app_label.setText(self.tr("No app in this workspace."))
            self.setEnabled(False)
            return
        ws = self.context.workspace
        with ws.session_factory() as session:
            path = service_account_path(session, app.id)
            allowed = can(session, ws.member_id, app.id, Permission.MANAGE_CREDENTIALS)
        text = fill(self.tr("%1 (Firebase project %2)"), [app.name, app.firebase_project_id])
        if app.use_sandbox:
            text += "\n" + self.tr(
                "This app sends through the local sandbox for now; the file is used once the "
                "sandbox is turned off."
            )
        self.app_label.setText(text)
        self.path.setText(path or "")
        for widget in (self.path, self.browse_button, self.save_button):
            widget.setEnabled(allowed)
        if not allowed:
            self._say(self.tr("Your role on this app does not allow changing its credentials."))

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Service-account key"),
            self.path.text(),
            self.tr("JSON files (*.json);;All files (*)"),
        )
        if name:
            self.path.setText(name)
            self.save()

    def save(self) -> None:
        """Check the file with core and store its path; an empty field clears it."""
        from engage_desktop.core.settings_fcm import SettingError, save_service_account_path
        from engage_desktop.security.errors import PermissionDenied

        app = self.context.current_app()
        if app is None:
            return
        ws = self.context.workspace
        try:
            with ws.session() as session:
                stored = save_service_account_path(session, ws.member_id, app.id, self.path.text())
        except SettingError as exc:
            self._say(setting_error_text(exc), error=True)
            return
        except PermissionDenied:
            self._say(
                self.tr("Your role on this app does not allow changing its credentials."),
                error=True,
            )
            return
        self.path.setText(stored or "")
        if stored is None:
            self._say(self.tr("No service-account file: this app cannot send through Google."))
        else:
            self._say(self.tr("Saved: the file is a service-account key of this project."))

    def _say(self, text: str, *, error: bool = False) -> None:
        from engage_desktop.ui.audience.widgets import error_color  # the app's one error red

        self.status.setStyleSheet(f"color: {error_color()};" if error else "")
        self.status.setText(text)
