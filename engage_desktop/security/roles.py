"""What each role may do, per app, and the one check every write or send goes through.

Checks live here (not in widgets) so the GUI, the CLI and the service obey the same rules.
"""

from __future__ import annotations

import enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.models import MemberRole, Role

__all__ = ["ROLE_PERMISSIONS", "Permission", "PermissionDenied", "can", "require", "role_of"]


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
        }
    ),
    Role.ANALYST: frozenset(
        {
            Permission.VIEW_CAMPAIGNS,
            Permission.VIEW_AUDIENCE,
            Permission.VIEW_ANALYTICS,
            Permission.EXPORT_ANALYTICS,
        }
    ),
}


def role_of(session: Session, member_id: int, app_id: int) -> Role | None:
    return session.scalar(
        select(MemberRole.role).where(
            MemberRole.member_id == member_id, MemberRole.app_id == app_id
        )
    )


def can(session: Session, member_id: int, app_id: int, permission: Permission) -> bool:
    role = role_of(session, member_id, app_id)
    return role is not None and permission in ROLE_PERMISSIONS[role]


def require(session: Session, member_id: int, app_id: int, permission: Permission) -> None:
    if not can(session, member_id, app_id, permission):
        role = role_of(session, member_id, app_id)
        who = f"role '{role.value}'" if role else "no role"
        raise PermissionDenied(
            f"You have {who} on this app, which does not allow '{permission.value}'.",
            role.value if role else "",
            permission.value,
        )
