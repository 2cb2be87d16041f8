"""Base class of the main window's pages."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from engage_desktop.ui.context import UiContext


class Page(QWidget):
    """A navigation destination. Subclasses set ``page_id`` and refresh on ``app_changed``."""

    page_id = "page"

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        context.app_changed.connect(self.on_app_changed)

    def title(self) -> str:
        """The name shown in the navigation list (translated by the subclass)."""
        return self.page_id

    def icon(self) -> QIcon:
        """The bundled navigation icon ``resources/icons/nav/<page_id>.svg``, if there is one."""
        from engage_desktop.ui.resources import nav_icon

        return nav_icon(self.page_id) or QIcon()

    def on_app_changed(self, app_id: int) -> None:
        """Reload for the newly selected app."""
