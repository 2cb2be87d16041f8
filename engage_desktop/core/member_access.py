"""What the signed-in member sees of the workspace: their name, their apps, their grant on each.

The GUI reads this once, on a worker thread, when the workspace opens and again when an app or a
role changes; switching apps then needs no database work at all (every app's grant is here).
Core still checks each call: this only spares people buttons that would refuse.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select

from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Grant, Permission, permissions_of
from engage_desktop.store.engine import busy_timeout_seconds
from engage_desktop.store.errors import busy_as_workspace_error
from engage_desktop.store.models import App, Member, MemberRole


@dataclass(frozen=True)
class MemberAccess:
    """A snapshot: ``apps`` by name (only those the member has a role on), ``grants`` by app id."""

    member_name: str
    apps: tuple[App, ...] = ()
    grants: Mapping[int, Grant] = field(default_factory=dict)

    def grant_on(self, app_id: int | None) -> Grant | None:
        return None if app_id is None else self.grants.get(app_id)

    def permissions_on(self, app_id: int | None) -> frozenset[Permission]:
        return permissions_of(self.grant_on(app_id))

    def app_ids(self) -> list[int]:
        return [app.id for app in self.apps]


def read_member_access(ws: Workspace) -> MemberAccess:
    """One short read (two queries); slow only when another program holds the database, and
    ``WorkspaceBusyError`` when that program keeps it past the busy timeout."""
    with (
        busy_as_workspace_error(ws.location.display(), busy_timeout_seconds()),
        ws.session_factory() as session,
    ):
        name = session.scalar(select(Member.display_name).where(Member.id == ws.member_id))
        rows = session.execute(
            select(App, MemberRole.role, MemberRole.approver)
            .join(MemberRole, MemberRole.app_id == App.id)
            .where(MemberRole.member_id == ws.member_id)
            .order_by(App.name)
        ).all()
        session.expunge_all()  # the apps outlive the session (the switcher shows them)
    return MemberAccess(
        member_name=name or "",
        apps=tuple(app for app, _role, _approver in rows),
        grants={app.id: Grant(role, bool(approver)) for app, role, approver in rows},
    )
