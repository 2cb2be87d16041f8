"""What every window and page receives: the workspace, the current app and what one may do there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

if TYPE_CHECKING:
    from engage_desktop.core.credentials.testing import CredentialTools
    from engage_desktop.core.workspace import Workspace
    from engage_desktop.security.roles import Permission
    from engage_desktop.store.models import App
    from engage_desktop.ui.workflow.changes import ChangeFeed


class UiContext(QObject):
    """The open workspace plus the current app; pages follow ``app_changed``.

    ``credentials``: this machine's keyring and the connection tester, for the admin's
    credentials dialog (None: the dialog is not offered, e.g. in tests of other pages).
    ``apps`` are the apps the member has a role on (the switcher lists only those);
    ``permissions`` what the member may do on the current app (``ui.permissions`` hides the
    rest). Core checks every call anyway: hiding only spares people buttons that would refuse.

    Signals:
        app_changed(app_id): the user picked another app in the switcher.
        apps_changed(): an app was added, edited or removed, or the member's roles changed.
        permissions_changed(): what the member may do on the current app changed.
    """

    app_changed = Signal(int)
    apps_changed = Signal()
    permissions_changed = Signal()

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
        self.permissions: frozenset[Permission] = self._read_permissions()
        self._changes: ChangeFeed | None = None

    @property
    def changes(self) -> ChangeFeed:
        """The window's one change feed, started on first use (``ui.workflow.changes``)."""
        if self._changes is None:
            from engage_desktop.ui.workflow.changes import ChangeFeed

            self._changes = ChangeFeed(self.workspace, self)
            self._changes.start()
        return self._changes

    def set_app(self, app_id: int) -> None:
        if app_id != self.app_id:
            self.app_id = app_id
            self.refresh_permissions()
            self.app_changed.emit(app_id)

    def current_app(self) -> App | None:
        return next((a for a in self.apps if a.id == self.app_id), None)

    def allows(self, permission: Permission) -> bool:
        return permission in self.permissions

    def reload_apps(self) -> None:
        """Read the member's apps again (after an app or a role changed); keeps the current app
        when it is still there, else moves to the first one."""
        self.apps = self.workspace.apps()
        self.apps_changed.emit()
        ids = [a.id for a in self.apps]
        if self.app_id in ids:
            self.refresh_permissions()
        elif ids:
            self.set_app(ids[0])
        else:
            self.app_id = None
            self.refresh_permissions()

    def refresh_permissions(self) -> None:
        permissions = self._read_permissions()
        if permissions != self.permissions:
            self.permissions = permissions
            self.permissions_changed.emit()

    def _read_permissions(self) -> frozenset[Permission]:
        from engage_desktop.security.roles import grant_of, permissions_of

        if self.app_id is None:
            return frozenset()
        ws = self.workspace
        with ws.session_factory() as session:
            return permissions_of(grant_of(session, ws.member_id, self.app_id))
