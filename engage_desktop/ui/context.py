"""What every window and page receives: the workspace, the current app and what one may do there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

if TYPE_CHECKING:
    from engage_desktop.core.credentials.testing import CredentialTools
    from engage_desktop.core.member_access import MemberAccess
    from engage_desktop.core.progress import Progress
    from engage_desktop.core.workspace import Workspace
    from engage_desktop.security.roles import Grant, Permission
    from engage_desktop.store.models import App
    from engage_desktop.ui.background import Job
    from engage_desktop.ui.workflow.changes import ChangeFeed


class UiContext(QObject):
    """The open workspace plus the current app; pages follow ``app_changed``.

    ``access`` is what the member sees (``core.member_access``), read on a worker thread before
    the context is built and again by ``reload_apps``: nothing here touches the database on the
    GUI thread, and switching apps is instant (every app's grant is in the snapshot).
    ``credentials``: this machine's keyring and the connection tester, for the admin's
    credentials dialog (None: the dialog is not offered, e.g. in tests of other pages).
    ``apps`` are the apps the member has a role on (the switcher lists only those);
    ``permissions`` what the member may do on the current app (``ui.permissions`` hides the
    rest). Core checks every call anyway: hiding only spares people buttons that would refuse.

    Signals:
        app_changed(app_id): the user picked another app in the switcher.
        apps_changed(): an app was added, edited or removed, or the member's roles changed.
        permissions_changed(): what the member may do on the current app changed.
        credentials_changed(): the credential tools arrived (made on a worker after start-up).
    """

    app_changed = Signal(int)
    apps_changed = Signal()
    permissions_changed = Signal()
    credentials_changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings | None = None,
        parent: QObject | None = None,
        credentials: CredentialTools | None = None,
        *,
        access: MemberAccess,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.credentials = credentials
        # User preferences (the main window hands over its own, so tests can use a scratch file).
        self.settings = settings or QSettings()
        self.access = access
        self.apps: list[App] = list(access.apps)
        self.app_id: int | None = self.apps[0].id if self.apps else None
        self.permissions: frozenset[Permission] = access.permissions_on(self.app_id)
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
            self._refresh_permissions()
            self.app_changed.emit(app_id)

    def set_credentials(self, credentials: CredentialTools) -> None:
        self.credentials = credentials
        self.credentials_changed.emit()

    def current_app(self) -> App | None:
        return next((a for a in self.apps if a.id == self.app_id), None)

    def current_grant(self) -> Grant | None:
        """The member's role (and approver flag) on the current app; None: no role."""
        return self.access.grant_on(self.app_id)

    def allows(self, permission: Permission) -> bool:
        return permission in self.permissions

    def reload_apps(self) -> Job:
        """Read the member's apps again on a worker (after an app or a role changed); keeps the
        current app when it is still there, else moves to the first one."""
        from engage_desktop.core.member_access import read_member_access
        from engage_desktop.ui.background import run_in_background

        ws = self.workspace

        def work(_progress: Progress) -> MemberAccess:
            return read_member_access(ws)

        return run_in_background(work, parent=self, on_success=self._apply_access)

    def _apply_access(self, access: MemberAccess) -> None:
        self.access = access
        self.apps = list(access.apps)
        self.apps_changed.emit()
        ids = access.app_ids()
        if self.app_id in ids:
            self._refresh_permissions()
        elif ids:
            self.set_app(ids[0])
        else:
            self.app_id = None
            self._refresh_permissions()

    def _refresh_permissions(self) -> None:
        permissions = self.access.permissions_on(self.app_id)
        if permissions != self.permissions:
            self.permissions = permissions
            self.permissions_changed.emit()
