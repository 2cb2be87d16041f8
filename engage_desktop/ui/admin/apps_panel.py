"""Settings → Apps: the apps the member has a role on, and adding, editing, removing them.

The list comes from core off the GUI thread. "Add…" shows only to those who may add apps
(admins of some app); "Edit…" and "Remove…" only to admins of some listed app, and act on the
selected app only where the member is its admin, as does "SMS and email accounts…" (the app's
Twilio and SMTP accounts, ``ui.provider_accounts``), which also waits for this machine's
keyring (``UiContext.credentials``). After a change the main window's app switcher is
refreshed through ``UiContext.reload_apps``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.apps.manage import AppInfo
from engage_desktop.store.models import Role
from engage_desktop.ui.admin.app_dialog import AppDialog
from engage_desktop.ui.admin.remove_dialog import RemoveAppDialog
from engage_desktop.ui.admin.texts import admin_error_text, role_name, sending_mode
from engage_desktop.ui.admin.widgets import button_bar, list_table
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.delivery.rules_dialog import DeliveryRulesDialog, rules_button_text
from engage_desktop.ui.messages import fill
from engage_desktop.ui.preview.app_icon import icon_pixmap
from engage_desktop.ui.provider_accounts.dialog import ProviderAccountsDialog

ICON_IN_LIST = 24
Dialog = TypeVar("Dialog", AppDialog, RemoveAppDialog, DeliveryRulesDialog, ProviderAccountsDialog)


@dataclass(frozen=True)
class AppsView:
    """What the panel shows: the apps, and whether this member may add one."""

    apps: list[AppInfo]
    may_add: bool


def load_apps_view(context: UiContext) -> AppsView:
    """Runs on a worker thread."""
    from engage_desktop.core.apps.manage import list_apps, may_add_apps

    ws = context.workspace
    apps = list_apps(ws)
    with ws.session_factory() as session:
        may_add = may_add_apps(session, ws.member_id)
    return AppsView(apps, may_add)


class AppsPanel(QWidget):
    """Table of apps plus Add…, Edit…, Remove…; ``dialog`` is the one open, for tests."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.apps: list[AppInfo] = []
        self.job: Job | None = None
        self.dialog: (
            AppDialog | RemoveAppDialog | DeliveryRulesDialog | ProviderAccountsDialog | None
        ) = None
        self.table = list_table(
            [
                self.tr("App"),
                self.tr("Firebase project"),
                self.tr("Android packages"),
                self.tr("iOS bundle ids"),
                self.tr("Time zone"),
                self.tr("Sends to"),
                self.tr("Your role"),
            ]
        )
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.setIconSize(_size(ICON_IN_LIST))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add an app…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.rules_button = QPushButton(rules_button_text())
        self.rules_button.clicked.connect(self.rules_of_selected)
        self.accounts_button = QPushButton(self.tr("SMS and email accounts…"))
        self.accounts_button.clicked.connect(self.accounts_of_selected)
        context.credentials_changed.connect(self._selection_changed)  # the keyring arrived
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.note = QLabel()
        self.note.setWordWrap(True)
        bar = button_bar(
            self.add_button,
            self.edit_button,
            self.rules_button,
            self.accounts_button,
            self.remove_button,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Each app is a Firebase project. You see the apps you have a role on."))
        )
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        for button in self._role_buttons():
            button.hide()  # shown once the list says what this member may do
        self.reload()

    def reload(self) -> None:
        context = self.context
        self.job = run_in_background(
            lambda _p: load_apps_view(context), parent=self, on_success=self._show
        )
        self.job.failed.connect(lambda exc, _tb: self.note.setText(admin_error_text(exc)))

    def _show(self, view: AppsView) -> None:
        self.apps = view.apps
        self.table.setRowCount(len(view.apps))
        for row, app in enumerate(view.apps):
            identity = app.identity
            name = QTableWidgetItem(identity.name)
            pixmap = icon_pixmap(identity.icon_png, ICON_IN_LIST)
            if pixmap is not None:
                name.setIcon(QIcon(pixmap))
            role = role_name(app.grant.role)
            if app.grant.approver:
                role = fill(self.tr("%1, approver"), [role])
            cells = [
                name,
                QTableWidgetItem(identity.project_id),
                QTableWidgetItem(", ".join(identity.android_packages) or "—"),
                QTableWidgetItem(", ".join(identity.ios_bundle_ids) or "—"),
                QTableWidgetItem(identity.time_zone),
                QTableWidgetItem(sending_mode(app.use_sandbox)),
                QTableWidgetItem(role),
            ]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        administers = any(a.grant.role == Role.ADMIN for a in view.apps)
        self.add_button.setVisible(view.may_add)
        self.edit_button.setVisible(administers)
        self.rules_button.setVisible(administers)
        self.accounts_button.setVisible(administers)
        self.remove_button.setVisible(administers)
        if not view.apps:
            self.note.setText(self.tr("You have a role on no app of this workspace yet."))
        else:
            self.note.clear()
        self._select_current()

    def _select_current(self) -> None:
        ids = [a.id for a in self.apps]
        if self.context.app_id in ids:
            self.table.selectRow(ids.index(self.context.app_id))
        self._selection_changed()

    def selected(self) -> AppInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.apps[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        app = self.selected()
        admin = app is not None and app.grant.role == Role.ADMIN
        self.edit_button.setEnabled(admin)
        self.rules_button.setEnabled(admin)
        self.remove_button.setEnabled(admin)
        if app is not None and not admin:
            why = self.tr("Only an admin of this app may change or remove it.")
        else:
            why = ""
        self.edit_button.setToolTip(why)
        self.rules_button.setToolTip(why)
        self.remove_button.setToolTip(why)
        keyring = self.context.credentials is not None
        self.accounts_button.setEnabled(admin and keyring)
        if admin and not keyring:
            why = self.tr("Waiting for this machine's keyring…")
        self.accounts_button.setToolTip(why)

    def add(self) -> AppDialog:
        dialog = AppDialog(self.context, None, self)
        dialog.saved.connect(self._changed)
        return self._open(dialog)

    def edit_selected(self) -> AppDialog | None:
        app = self.selected()
        if app is None or app.grant.role != Role.ADMIN:
            return None
        dialog = AppDialog(self.context, app, self)
        dialog.saved.connect(self._changed)
        return self._open(dialog)

    def rules_of_selected(self) -> DeliveryRulesDialog | None:
        app = self.selected()
        if app is None or app.grant.role != Role.ADMIN:
            return None
        return self._open(DeliveryRulesDialog(self.context, app.id, app.identity.name, self))

    def accounts_of_selected(self) -> ProviderAccountsDialog | None:
        app = self.selected()
        tools = self.context.credentials
        if app is None or app.grant.role != Role.ADMIN or tools is None:
            return None
        return self._open(
            ProviderAccountsDialog(self.context, tools, app.id, app.identity.name, self)
        )

    def remove_selected(self) -> RemoveAppDialog | None:
        app = self.selected()
        if app is None or app.grant.role != Role.ADMIN:
            return None
        dialog = RemoveAppDialog(self.context, app.id, app.name, self)
        dialog.removed.connect(self._changed)
        return self._open(dialog)

    def _role_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.add_button,
            self.edit_button,
            self.rules_button,
            self.accounts_button,
            self.remove_button,
        )

    def _open(self, dialog: Dialog) -> Dialog:
        self.dialog = dialog
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _changed(self, _app_id: int) -> None:
        self.context.reload_apps()
        self.reload()


def _size(pixels: int) -> QSize:
    return QSize(pixels, pixels)
