"""Issue 15's "Done when", driven through the app window only: a new user adds an app for their
Firebase project, gives it a service account, tests the connection, switches it off the
sandbox, invites a colleague as analyst, and reads all of it in the audit log.

Every step is a click, typed text or a file picked in the file dialog, as a person would do it;
nothing calls core. ``tests/ui/test_admin_walkthrough.py`` runs it with assertions, and
``scripts/walkthrough_admin.py`` runs it under Xvfb taking a screenshot after each step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QWidget,
)

from engage_desktop.ui.admin.app_dialog import AppDialog
from engage_desktop.ui.admin.member_dialog import MemberDialog
from engage_desktop.ui.audit.audit_dialog import AuditLogDialog
from engage_desktop.ui.credentials.dialog import CredentialsDialog
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.pages.settings import SettingsPage

Wait = Callable[[Callable[[], bool], str], None]
"""Process events until the condition holds; fail naming ``what`` after a bounded time."""
Shoot = Callable[[QWidget, str], None]


def click(widget: QAbstractButton) -> None:
    """A left click in the middle of a visible, enabled button, as a person does."""
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(line: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, key by key (accented letters too, which
    ``QTest.keyClicks`` cannot map to a key)."""
    line.setFocus()
    line.selectAll()
    for char in text:
        if char.isascii():
            QTest.keyClicks(line, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(line, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def save_button(buttons: QDialogButtonBox) -> QAbstractButton:
    button = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    return button


@dataclass
class Colleague:
    login: str
    name: str
    email: str


@dataclass
class AdminWalkthrough:
    """The steps, in order. ``shoot(widget, name)`` is called after each step, and inside the
    file dialog while it is open (the test's does nothing)."""

    window: MainWindow
    wait: Wait
    shoot: Shoot = lambda _widget, _name: None
    credentials: CredentialsDialog | None = field(default=None, init=False)

    @property
    def settings(self) -> SettingsPage:
        page = self.window.page("settings")
        assert isinstance(page, SettingsPage)
        return page

    def open_settings(self) -> None:
        """Click "Settings" in the navigation on the left."""
        nav = self.window.nav
        row = next(r for r, p in enumerate(self.window.pages) if p.page_id == "settings")
        rect = nav.visualItemRect(nav.item(row))
        QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.wait(
            lambda: self.window.page("settings") is not None and self.settings.isVisible(),
            "the Settings page shown",
        )

    def show_tab(self, widget: QWidget) -> None:
        tabs = self.settings.tabs
        index = tabs.indexOf(widget)
        self.wait(lambda: tabs.isTabVisible(index), f"tab {index} offered")
        bar = tabs.tabBar()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        self.wait(lambda: tabs.currentIndex() == index, f"tab {index} shown")

    # --- 1. an app for the Firebase project ----------------------------------------------
    def add_app(self, name: str, project: str, android: str, time_zone: str) -> None:
        panel = self.settings.apps
        self.show_tab(panel)
        self.wait(panel.add_button.isVisible, "the Add an app button")
        self.shoot(self.window, "01-apps-empty")
        click(panel.add_button)
        dialog = panel.dialog
        assert isinstance(dialog, AppDialog)
        type_into(dialog.name, name)
        type_into(dialog.project, project)
        type_into(dialog.android, android)
        zone = dialog.time_zone.lineEdit()
        assert zone is not None
        type_into(zone, time_zone)
        completer = dialog.time_zone.completer()
        if completer is not None and completer.popup().isVisible():
            completer.popup().hide()  # what a click elsewhere does to the suggestions
        self.shoot(dialog, "02-app-form")
        click(save_button(dialog.buttons))
        self.wait(lambda: not dialog.isVisible(), "the app saved")
        self.wait(lambda: panel.table.rowCount() == 1, "the app listed")
        self.wait(
            lambda: self.window.app_switcher.currentText().startswith(name), "the app switched to"
        )
        self.shoot(self.window, "03-app-added")

    # --- 2-4. its key, the connection test, off the sandbox ------------------------------
    def give_key(self, key_file: Path) -> CredentialsDialog:
        """Settings → General → "Manage credentials…" → "Choose key file…", picked in the
        file dialog by typing its path."""
        box = self.settings.credentials
        self.show_tab(self.settings.tabs.widget(0))
        self.wait(box.isVisible, "the Firebase credentials box (an admin's)")
        self.wait(
            lambda: (
                "no service-account key yet" in box.summary.text()
                or "pas encore de clé" in box.summary.text()
            ),
            "the box's summary",
        )
        self.shoot(self.window, "04-credentials-box")
        click(box.manage_button)
        dialog = box.dialog
        assert dialog is not None
        self.credentials = dialog
        self.wait(lambda: dialog.status is not None, "the key's status read")
        QTimer.singleShot(0, lambda: self._pick_file(key_file))
        click(dialog.choose_button)  # returns once the file dialog is closed
        self.wait(lambda: dialog.status is not None and dialog.status.is_set, "the key stored")
        self.wait(lambda: bool(dialog.status_label.text()), "what came of it said")
        self.shoot(dialog, "06-key-given")
        return dialog

    def _pick_file(self, path: Path) -> None:
        """Inside the file dialog's own event loop: type the path and press Enter."""
        chooser = QApplication.activeModalWidget()
        if not isinstance(chooser, QFileDialog):
            QTimer.singleShot(50, lambda: self._pick_file(path))
            return
        name = chooser.findChild(QLineEdit, "fileNameEdit")
        assert name is not None, "Qt's own file dialog (not the platform's) is expected here"
        chooser.setDirectory(str(path.parent))
        type_into(name, path.name)
        self.shoot(chooser, "05-key-file-chosen")
        QTest.keyClick(name, Qt.Key.Key_Return)

    def test_connection(self) -> str:
        dialog = self._dialog()
        click(dialog.test_button)
        self.wait(
            lambda: dialog.status is not None and dialog.status.tested_at is not None,
            "a passed connection test recorded",
        )
        self.wait(lambda: dialog.mode_button.isEnabled(), "the switch offered")
        self.shoot(dialog, "07-connection-tested")
        return dialog.status_label.text()

    def leave_sandbox(self) -> None:
        dialog = self._dialog()
        click(dialog.mode_button)
        self.wait(
            lambda: dialog.status is not None and not dialog.status.use_sandbox,
            "the app sending through FCM",
        )
        self.shoot(dialog, "08-sends-through-fcm")
        dialog.reject()  # "Close"
        self.wait(lambda: not dialog.isVisible(), "the dialog closed")
        box = self.settings.credentials
        self.wait(
            lambda: "sends through FCM" in box.summary.text() or "FCM" in box.summary.text(),
            "the box's summary updated",
        )
        self.shoot(self.window, "09-credentials-box-fcm")

    def _dialog(self) -> CredentialsDialog:
        assert self.credentials is not None, "give the key first"
        return self.credentials

    # --- 5. a colleague as analyst -------------------------------------------------------
    def invite(self, colleague: Colleague) -> None:
        panel = self.settings.team
        self.show_tab(panel)
        self.wait(
            lambda: panel.table.rowCount() == 1 and panel.add_button.isVisible(), "the team of one"
        )
        click(panel.add_button)
        dialog = panel.dialog
        assert isinstance(dialog, MemberDialog)
        type_into(dialog.login, colleague.login)
        type_into(dialog.display_name, colleague.name)
        type_into(dialog.email, colleague.email)
        dialog.role.setFocus()
        analyst = dialog.role.findData("analyst")
        while dialog.role.currentIndex() != analyst:  # the keyboard, as in a closed combo box
            key = Qt.Key.Key_Down if dialog.role.currentIndex() < analyst else Qt.Key.Key_Up
            QTest.keyClick(dialog.role, key)
        self.shoot(dialog, "10-colleague-form")
        click(save_button(dialog.buttons))
        self.wait(lambda: not dialog.isVisible(), "the colleague saved")
        self.wait(lambda: panel.table.rowCount() == 2, "the colleague listed")
        self.shoot(self.window, "11-team")

    # --- 6. all of it in the audit log ---------------------------------------------------
    def read_audit_log(self) -> AuditLogDialog:
        box = self.settings.audit
        self.show_tab(box)
        self.wait(box.open_button.isVisible, "the audit log box (an admin's)")
        self.shoot(self.window, "12-audit-tab")
        click(box.open_button)
        dialog = box.dialog
        self.wait(lambda: dialog.model.rowCount() > 0, "the entries read")
        self.shoot(dialog, "13-audit-log")
        return dialog
