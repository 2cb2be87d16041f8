"""Settings → Team: the current app's team, and adding people, changing or removing their role.

Follows the app switcher. Everyone with a role sees the team; the buttons show only to those
who may manage it (``MANAGE_TEAM``: admins). Changing one's own role refreshes what the window
lets one do.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.progress import Progress
from engage_desktop.core.team import TeamMember
from engage_desktop.security.roles import Permission
from engage_desktop.ui.admin.member_dialog import MemberDialog
from engage_desktop.ui.admin.texts import admin_error_text, role_name
from engage_desktop.ui.admin.widgets import button_bar, list_table, say
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill
from engage_desktop.ui.permissions import gate


class TeamPanel(QWidget):
    """Table of members plus Add…, Change role…, Remove from team; ``dialog`` for tests.

    ``confirm(text)`` asks before removing someone (tests replace it).
    """

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.members: list[TeamMember] = []
        self.job: Job | None = None
        self.dialog: MemberDialog | None = None
        self.confirm = self._confirm
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.table = list_table(
            [
                self.tr("Name"),
                self.tr("Login"),
                self.tr("Email"),
                self.tr("Role"),
                self.tr("Approves sends"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("Add a member…"))
        self.change_button = QPushButton(self.tr("Change role…"))
        self.revoke_button = QPushButton(self.tr("Remove from the team"))
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(button_bar(self.add_button, self.change_button, self.revoke_button))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        gate(
            context,
            Permission.MANAGE_TEAM,
            self.add_button,
            self.change_button,
            self.revoke_button,
        )
        context.app_changed.connect(self._app_changed)
        self.reload()

    def _app_changed(self, _app_id: int) -> None:
        self.note.clear()
        self.reload()

    def reload(self) -> None:
        from engage_desktop.core.team import list_members

        app = self.context.current_app()
        if app is None:
            self.title.setText(self.tr("No app selected."))
            self.table.setRowCount(0)
            return
        self.title.setText(fill(self.tr("Team of the app “%1”"), [app.name]))
        ws, app_id = self.context.workspace, app.id
        self.job = run_in_background(
            lambda _p: list_members(ws, app_id), parent=self, on_success=self._show
        )
        self.job.failed.connect(self._failed)

    def _show(self, members: list[TeamMember]) -> None:
        self.members = members
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            cells = [
                member.display_name,
                member.login,
                member.email or "",
                role_name(member.role),
                self.tr("yes") if member.approver else "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._selection_changed()

    def selected(self) -> TeamMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.members[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.change_button.setEnabled(chosen)
        self.revoke_button.setEnabled(chosen)

    def add(self) -> MemberDialog | None:
        return self._open(None)

    def change_selected(self) -> MemberDialog | None:
        member = self.selected()
        return self._open(member) if member is not None else None

    def _open(self, member: TeamMember | None) -> MemberDialog | None:
        app = self.context.current_app()
        if app is None:
            return None
        self.dialog = MemberDialog(self.context, app.id, app.name, member, self)
        self.dialog.saved.connect(lambda _m: self._changed())
        self.dialog.setModal(True)
        self.dialog.show()
        return self.dialog

    def revoke_selected(self) -> None:
        from engage_desktop.core.team import revoke

        member, app = self.selected(), self.context.current_app()
        if member is None or app is None:
            return
        question = fill(
            self.tr("Take %1 off the team of “%2”? They keep their roles on other apps."),
            [member.display_name, app.name],
        )
        if not self.confirm(question):
            return
        ws, app_id, login = self.context.workspace, app.id, member.login

        def work(_p: Progress) -> None:
            revoke(ws, app_id, login)

        self.job = run_in_background(work, parent=self, on_success=lambda _r: self._changed())
        self.job.failed.connect(self._failed)

    def _changed(self) -> None:
        self.note.clear()
        self.context.reload_apps()  # one's own role may have changed, or gone
        self.reload()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        say(self.note, admin_error_text(exc), error=True)

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove from the team"), text)
        return answer == QMessageBox.StandardButton.Yes
