"""What each role may do, per app, and the one check every write or send goes through.

Checks live here (not in widgets) so the GUI, the CLI and the service obey the same rules.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.security.errors import AppNotFound, PermissionDenied
from engage_desktop.store.models import App, MemberRole, Role

__all__ = [
    "ROLE_PERMISSIONS",
    "Grant",
    "Permission",
    "PermissionDenied",
    "can",
    "grant_of",
    "permissions_of",
    "require",
    "role_of",
]


class Permission(enum.StrEnum):
    VIEW_CAMPAIGNS = "view_campaigns"
    EDIT_CAMPAIGNS = "edit_campaigns"
    SEND_CAMPAIGNS = "send_campaigns"
    APPROVE_SENDS = "approve_sends"
    VIEW_AUDIENCE = "view_audience"
    EDIT_AUDIENCE = "edit_audience"  # imports, segments
    VIEW_ANALYTICS = "view_analytics"
    EXPORT_ANALYTICS = "export_analytics"
    MANAGE_CREDENTIALS = "manage_credentials"
    MANAGE_TEAM = "manage_team"
    VIEW_TEAM = "view_team"
    MANAGE_APP = "manage_app"  # edit the app's identity, remove it


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.MARKETER: frozenset(
        {
            Permission.VIEW_CAMPAIGNS,
            Permission.EDIT_CAMPAIGNS,
            Permission.SEND_CAMPAIGNS,
            Permission.VIEW_AUDIENCE,
            Permission.EDIT_AUDIENCE,
            Permission.VIEW_ANALYTICS,
            Permission.VIEW_TEAM,
        }
    ),
    Role.ANALYST: frozenset(
        {
            Permission.VIEW_CAMPAIGNS,
            Permission.VIEW_AUDIENCE,
            Permission.VIEW_ANALYTICS,
            Permission.EXPORT_ANALYTICS,
            Permission.VIEW_TEAM,
        }
    ),
}
APPROVER_PERMISSIONS = frozenset({Permission.APPROVE_SENDS})
"""What the approver flag adds to a member's role on an app."""


@dataclass(frozen=True)
class Grant:
    """A member's standing on one app: the role and whether they may approve sends."""

    role: Role
    approver: bool = False


def permissions_of(grant: Grant | None) -> frozenset[Permission]:
    if grant is None:
        return frozenset()
    extra = APPROVER_PERMISSIONS if grant.approver else frozenset()
    return ROLE_PERMISSIONS[grant.role] | extra


def grant_of(session: Session, member_id: int, app_id: int) -> Grant | None:
    row = session.execute(
        select(MemberRole.role, MemberRole.approver).where(
            MemberRole.member_id == member_id, MemberRole.app_id == app_id
        )
    ).first()
    return None if row is None else Grant(row[0], bool(row[1]))


def role_of(session: Session, member_id: int, app_id: int) -> Role | None:
    return session.scalar(
        select(MemberRole.role).where(
            MemberRole.member_id == member_id, MemberRole.app_id == app_id
        )
    )


def can(session: Session, member_id: int, app_id: int, permission: Permission) -> bool:
    return permission in permissions_of(grant_of(session, member_id, app_id))


def require(session: Session, member_id: int, app_id: int, permission: Permission) -> None:
    """Raise ``PermissionDenied`` naming the role, the app and the permission that is missing."""
    grant = grant_of(session, member_id, app_id)
    if permission in permissions_of(grant):
        return
    name = session.scalar(select(App.name).where(App.id == app_id))
    if name is None:
        raise AppNotFound(f"There is no app with id {app_id} in this workspace.", str(app_id))
    role = grant.role if grant else None
    who = f"role '{role.value}'" if role else "no role"
    raise PermissionDenied(
        f"You have {who} on app '{name}', which does not allow '{permission.value}'.",
        role.value if role else "",
        permission.value,
        name,
    )
