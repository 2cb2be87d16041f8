"""Hide what the member's role on the current app does not allow: buttons, tabs.

A gate is a small object parented to the widget it hides, so it goes with the widget; it
listens to ``UiContext.permissions_changed``. It only shows again what it hid itself, so
widgets other code hides (a panel's state) stay as that code left them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from engage_desktop.security.roles import Permission
from engage_desktop.ui.context import UiContext


class _Gate(QObject):
    def __init__(self, context: UiContext, widget: QWidget, permission: Permission) -> None:
        super().__init__(widget)
        self.context = context
        self.widget = widget
        self.permission = permission
        self.hid = False
        context.permissions_changed.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        if not self.context.allows(self.permission):
            self.widget.setVisible(False)
            self.hid = True
        elif self.hid:
            self.widget.setVisible(True)
            self.hid = False


class _TabGate(QObject):
    def __init__(
        self, context: UiContext, tabs: QTabWidget, page: QWidget, permission: Permission
    ) -> None:
        super().__init__(page)
        self.context = context
        self.tabs = tabs
        self.page = page
        self.permission = permission
        context.permissions_changed.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        index = self.tabs.indexOf(self.page)
        if index >= 0:
            self.tabs.setTabVisible(index, self.context.allows(self.permission))


def gate(context: UiContext, permission: Permission, *widgets: QWidget) -> None:
    """Show ``widgets`` only while the member may do ``permission`` on the current app.

    Call it once the widgets are in their layout (a parentless widget shown is a window).
    """
    for widget in widgets:
        _Gate(context, widget, permission)


def gate_tab(context: UiContext, tabs: QTabWidget, page: QWidget, permission: Permission) -> None:
    """Show the tab holding ``page`` only while the member may do ``permission``."""
    _TabGate(context, tabs, page, permission)
