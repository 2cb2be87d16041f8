"""Settings → Audit log: a short explanation and the button that opens the log (admins).

The tab's page: the box at the top, room below (as a group box alone it filled the tab, its two
lines centred in the middle). ``available`` says whether the member may read the log, checked
off the GUI thread at start and again whenever the member's apps change (a new user becomes
admin by adding their first app); Settings shows the tab only then.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from engage_desktop.core.audit_trail.query import readable_apps
from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext


class AuditLogBox(QWidget):
    """The tab's page; its ``box`` is hidden unless the member administers an app (the page
    itself is left to the tab widget, which shows only the current tab's page).

    Signals:
        available(bool): whether the member may read the audit log, after each check.
    """

    available = Signal(bool)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.box = box = QGroupBox(self.tr("Audit log"))
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
        inside = QVBoxLayout(box)
        inside.addWidget(about)
        inside.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        box.hide()
        self.check: Job = self.recheck()
        context.apps_changed.connect(self.recheck)

    def recheck(self) -> Job:
        ws = self.context.workspace

        def may_read(_p: Progress) -> bool:
            from engage_desktop.security.errors import PermissionDenied

            with ws.session_factory() as session:
                try:
                    readable_apps(session, ws.member_id)
                except PermissionDenied:
                    return False
            return True

        self.check = run_in_background(may_read, parent=self, on_success=self._checked)
        return self.check

    def _checked(self, allowed: bool) -> None:
        self.box.setVisible(allowed)
        self.available.emit(allowed)

    def open_log(self) -> None:
        from engage_desktop.ui.audit.audit_dialog import AuditLogDialog

        self.dialog = AuditLogDialog(self.context, parent=self)
        self.dialog.open()
