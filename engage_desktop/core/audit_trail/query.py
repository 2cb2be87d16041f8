"""Who may read the audit log, and its entries filtered by app, member, action and time.

Admins read it: a member sees the entries of the apps they administer (``MANAGE_TEAM``), plus
the workspace-wide entries (no app) when they administer at least one app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from engage_desktop.core.audit_trail.targets import TargetName, target_names
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import ROLE_PERMISSIONS, Permission, PermissionDenied, require
from engage_desktop.store.models import App, AuditEntry, MemberRole

READ_RIGHT = Permission.MANAGE_TEAM


@dataclass(frozen=True)
class AuditFilter:
    """What to show. ``action`` "campaign" matches "campaign" and every "campaign.…" action."""

    app_id: int | None = None
    member_login: str | None = None
    action: str | None = None
    since: datetime | None = None
    limit: int | None = 1_000

    def describe(self) -> dict[str, Any]:
        return {
            "app": self.app_id,
            "member": self.member_login,
            "action": self.action,
            "since": self.since.isoformat() if self.since else None,
        }


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    member_login: str | None
    app_id: int | None
    app_name: str | None
    action: str
    target: str | None
    details: dict[str, Any] = field(default_factory=dict)
    target_name: TargetName | None = None  # what a ``kind:id`` target names, read now

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "member": self.member_login,
            "app_id": self.app_id,
            "app": self.app_name,
            "action": self.action,
            "target": self.target,
            "target_name": self.target_name.name if self.target_name else None,
            "details": self.details,
        }


def readable_apps(session: Session, member_id: int) -> list[int]:
    """The apps whose audit entries the member may read; refused when there are none."""
    roles = session.execute(
        select(MemberRole.app_id, MemberRole.role).where(MemberRole.member_id == member_id)
    ).all()
    apps = [app_id for app_id, role in roles if READ_RIGHT in ROLE_PERMISSIONS[role]]
    if not apps:
        raise PermissionDenied(
            "Only the admins of an app read the audit log; you administer no app.",
            "",
            READ_RIGHT.value,
        )
    return sorted(apps)


def _statement(session: Session, member_id: int, wanted: AuditFilter) -> Select[AuditEntry, str]:
    apps = readable_apps(session, member_id)
    stmt = select(AuditEntry, App.name).outerjoin(App, App.id == AuditEntry.app_id)
    if wanted.app_id is not None:
        require(session, member_id, wanted.app_id, READ_RIGHT)
        stmt = stmt.where(AuditEntry.app_id == wanted.app_id)
    else:
        stmt = stmt.where(or_(AuditEntry.app_id.in_(apps), AuditEntry.app_id.is_(None)))
    if wanted.member_login:
        stmt = stmt.where(AuditEntry.member_login == wanted.member_login)
    if wanted.action:
        stmt = stmt.where(
            or_(
                AuditEntry.action == wanted.action,
                AuditEntry.action.startswith(wanted.action + ".", autoescape=True),
            )
        )
    if wanted.since is not None:
        stmt = stmt.where(AuditEntry.at >= wanted.since)
    stmt = stmt.order_by(AuditEntry.seq.desc())
    return stmt.limit(wanted.limit) if wanted.limit is not None else stmt


def list_entries(ws: Workspace, wanted: AuditFilter) -> list[AuditRow]:
    """Newest first, at most ``wanted.limit``, each with its target's name."""
    with ws.session_factory() as session:
        found = session.execute(_statement(session, ws.member_id, wanted)).all()
        names = target_names(session, (entry.target for entry, _ in found))
        return [_row(entry, app_name, names) for entry, app_name in found]


def _row(entry: AuditEntry, app_name: str | None, names: dict[str, TargetName]) -> AuditRow:
    return AuditRow(
        seq=entry.seq,
        at=entry.at,
        member_login=entry.member_login,
        app_id=entry.app_id,
        app_name=app_name,
        action=entry.action,
        target=entry.target,
        details=dict(entry.details or {}),
        target_name=names.get(entry.target) if entry.target else None,
    )


def filter_choices(ws: Workspace) -> tuple[list[str], list[str]]:
    """(member logins, actions) found in the entries the member may read: the GUI's lists."""
    with ws.session_factory() as session:
        apps = readable_apps(session, ws.member_id)
        visible = or_(AuditEntry.app_id.in_(apps), AuditEntry.app_id.is_(None))
        logins = session.scalars(
            select(AuditEntry.member_login)
            .where(visible, AuditEntry.member_login.is_not(None))
            .distinct()
            .order_by(AuditEntry.member_login)
        )
        actions = session.scalars(
            select(AuditEntry.action).where(visible).distinct().order_by(AuditEntry.action)
        )
        return [str(x) for x in logins], [str(x) for x in actions]
