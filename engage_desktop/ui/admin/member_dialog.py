"""Put someone on an app's team, or change a member's role and approver right.

A login is the person's OS account on a SQLite workspace, their database role on PostgreSQL.
Core checks and stores (``core.team``) off the GUI thread; a refusal (the last admin, a bad
email…) is said under the form.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from engage_desktop.core.progress import Progress
from engage_desktop.core.team import TeamMember
from engage_desktop.store.models import Role
from engage_desktop.ui.admin.texts import admin_error_text, role_name, role_summary
from engage_desktop.ui.admin.widgets import form_dialog_layout, say, status_label
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill


class MemberDialog(QDialog):
    """Add (``member`` None) or change one member's standing on ``app_id``.

    Signals:
        saved(object): the ``TeamMember`` as core stored it.
    """

    saved = Signal(object)

    def __init__(
        self,
        context: UiContext,
        app_id: int,
        app_name: str,
        member: TeamMember | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.app_id = app_id
        self.member = member
        self.job: Job | None = None
        title = self.tr("Change the role of %1") if member else self.tr("Add to the team of %1")
        self.setWindowTitle(fill(title, [member.display_name if member else app_name]))
        self.setMinimumWidth(480)
        self.login = QLineEdit(member.login if member else "")
        self.login.setPlaceholderText(self.tr("OS account, or database role on PostgreSQL"))
        self.login.setReadOnly(member is not None)
        self.display_name = QLineEdit(member.display_name if member else "")
        self.email = QLineEdit((member.email or "") if member else "")
        self.role = QComboBox()
        for role in (Role.ADMIN, Role.MARKETER, Role.ANALYST):
            self.role.addItem(role_name(role), role.value)
        self.role.setCurrentIndex(
            self.role.findData((member.role if member else Role.ANALYST).value)
        )
        self.role_help = QLabel()
        self.role_help.setWordWrap(True)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.approver = QCheckBox(self.tr("May approve sends on this app"))
        self.approver.setChecked(member.approver if member else False)
        form = QFormLayout()
        form.addRow(self.tr("Login:"), self.login)
        if member is None:
            form.addRow(self.tr("Name:"), self.display_name)
            form.addRow(self.tr("Email:"), self.email)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow("", self.role_help)
        form.addRow("", self.approver)
        self.message = status_label()
        self.buttons = form_dialog_layout(self, form, self.message, self.save)
        self._role_changed()

    def chosen_role(self) -> Role:
        return Role(str(self.role.currentData()))

    def _role_changed(self) -> None:
        self.role_help.setText(role_summary(self.chosen_role()))

    def save(self) -> None:
        from engage_desktop.core.team import add_member, grant

        if self.job is not None and not self.job.done:
            return
        ws, app_id, role = self.context.workspace, self.app_id, self.chosen_role()
        login, approver = self.login.text(), self.approver.isChecked()
        name, email, adding = self.display_name.text(), self.email.text(), self.member is None

        def work(_p: Progress) -> TeamMember:
            if adding:
                return add_member(
                    ws, app_id, login, role, display_name=name, email=email, approver=approver
                )
            return grant(ws, app_id, login, role, approver=approver)

        self.buttons.setEnabled(False)
        say(self.message, self.tr("Saving…"))
        self.job = run_in_background(work, parent=self, on_success=self._saved)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(lambda: self.buttons.setEnabled(True))

    def _saved(self, member: TeamMember) -> None:
        self.saved.emit(member)
        self.accept()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        say(self.message, admin_error_text(exc), error=True)
