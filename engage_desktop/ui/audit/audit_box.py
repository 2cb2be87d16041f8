"""Settings → Audit log: a short explanation and the button that opens the log (admins)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from engage_desktop.core.audit_trail.query import readable_apps
from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext


class AuditLogBox(QGroupBox):
    """Shown only to members who administer an app (checked off the GUI thread)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Audit log"), parent)
        self.context = context
        about = QLabel(
            self.tr(
                "Who changed what and when: credentials, apps, roles, approvals, sends, exports "
                "and imports. Each entry is chained to the one before it, so an edited or "
                "deleted entry is found."
            )
        )
        about.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the audit log…"))
        self.open_button.setMaximumWidth(320)
        self.open_button.clicked.connect(self.open_log)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.open_button)
        self.hide()
        ws = context.workspace

        def check(_p: Progress) -> bool:
            with ws.session_factory() as session:
                readable_apps(session, ws.member_id)
            return True

        # Not an admin (PermissionDenied) or no database: the box simply stays hidden.
        self.check = run_in_background(check, parent=self, on_success=lambda _ok: self.show())

    def open_log(self) -> None:
        from engage_desktop.ui.audit.audit_dialog import AuditLogDialog

        self.dialog = AuditLogDialog(self.context, parent=self)
        self.dialog.open()
