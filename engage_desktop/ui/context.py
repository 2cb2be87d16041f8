"""What every window and page receives: the workspace and the app currently selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

if TYPE_CHECKING:
    from engage_desktop.core.credentials.connection import CredentialTools
    from engage_desktop.core.workspace import Workspace
    from engage_desktop.store.models import App


class UiContext(QObject):
    """The open workspace plus the current app; pages follow ``app_changed``.

    ``credentials``: this machine's keyring and the connection tester, for the admin's
    credentials dialog (None: the dialog is not offered, e.g. in tests of other pages).

    Signals:
        app_changed(app_id): the user picked another app in the switcher.
    """

    app_changed = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings | None = None,
        parent: QObject | None = None,
        credentials: CredentialTools | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.credentials = credentials
        # User preferences (the main window hands over its own, so tests can use a scratch file).
        self.settings = settings or QSettings()
        self.apps: list[App] = workspace.apps()
        self.app_id: int | None = self.apps[0].id if self.apps else None

    def set_app(self, app_id: int) -> None:
        if app_id != self.app_id:
            self.app_id = app_id
            self.app_changed.emit(app_id)

    def current_app(self) -> App | None:
        return next((a for a in self.apps if a.id == self.app_id), None)
