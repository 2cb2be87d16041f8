"""The team of each app: who is a member, with which role and whether they approve sends.

Members are known by their login: the OS account on a SQLite workspace, the database role on
PostgreSQL (``core.workspace.login_for``). Reading the team takes a role on the app; changing it
takes ``MANAGE_TEAM`` (admins). An app never loses its last admin: nobody could give roles on
it again. Every change writes an audit entry in its own transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.messages import CodedError, MessageTable
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import App, Member, MemberRole, Role

LOGIN_LIMIT = 120
NAME_LIMIT = 200
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

TEAM_MESSAGES = MessageTable(
    {
        "bad_login": (
            "'{0}' is not a login: 1 to 120 characters, no control characters, no spaces at "
            "either end."
        ),
        "bad_email": "'{0}' is not an email address.",
        "name_too_long": "The name '{0}' is longer than {1} characters.",
        "no_member": "Nobody with the login '{0}' is a member of this workspace.",
        "already_member": (
            "'{0}' is already on the team of app '{1}' (as {2}): change their role with grant."
        ),
        "not_on_app": "'{0}' has no role on app '{1}'.",
        "last_admin": (
            "'{0}' is the last admin of app '{1}': make someone else admin first, or nobody "
            "could manage the app any more."
        ),
        "bad_role": "'{0}' is not a role; choose admin, marketer or analyst.",
    }
)
"""English sentences of every refusal about the team, by code (``ui.team`` words them in French)."""


class TeamError(CodedError, ValueError):
    """A team change that cannot be made; the message names the member and the app."""

    def __init__(self, code: str, *args: str) -> None:
        super().__init__(TEAM_MESSAGES.english(code, *args), code, *args)


@dataclass(frozen=True)
class TeamMember:
    member_id: int
    login: str
    display_name: str
    email: str | None
    role: Role
    approver: bool


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise TeamError("bad_role", text) from None


def list_members(ws: Workspace, app_id: int) -> list[TeamMember]:
    """The app's team, admins first, then by name."""
    order = {Role.ADMIN: 0, Role.MARKETER: 1, Role.ANALYST: 2}
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_TEAM)
        rows = session.execute(
            select(Member, MemberRole.role, MemberRole.approver)
            .join(MemberRole, MemberRole.member_id == Member.id)
            .where(MemberRole.app_id == app_id)
        )
        team = [
            TeamMember(m.id, m.login, m.display_name, m.email, role, bool(approver))
            for m, role, approver in rows
        ]
    return sorted(team, key=lambda t: (order[t.role], t.display_name.casefold(), t.login))


def add_member(
    ws: Workspace,
    app_id: int,
    login: str,
    role: Role,
    *,
    display_name: str | None = None,
    email: str | None = None,
    approver: bool = False,
) -> TeamMember:
    """Put a person on the app's team; they become a workspace member if they were not one."""
    login = _checked_login(login)
    name = (display_name or "").strip() or login
    if len(name) > NAME_LIMIT:
        raise TeamError("name_too_long", name[:40] + "…", str(NAME_LIMIT))
    mail = (email or "").strip() or None
    if mail is not None and not _EMAIL.fullmatch(mail):
        raise TeamError("bad_email", mail)
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_TEAM)
        app_name = _app_name(session, app_id)
        member = session.scalar(select(Member).where(Member.login == login))
        if member is None:
            member = Member(login=login, display_name=name, email=mail)
            session.add(member)
            session.flush()
        else:
            existing = _role_row(session, member.id, app_id)
            if existing is not None:
                raise TeamError("already_member", login, app_name, existing.role.value)
            if display_name:
                member.display_name = name
            if mail:
                member.email = mail
        session.add(MemberRole(member_id=member.id, app_id=app_id, role=role, approver=approver))
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="member.add",
            target=f"member:{login}",
            details={"role": role.value, "approver": approver},
        )
        return TeamMember(member.id, login, member.display_name, member.email, role, approver)


def grant(
    ws: Workspace, app_id: int, login: str, role: Role, *, approver: bool | None = None
) -> TeamMember:
    """Give a workspace member ``role`` on the app (``approver`` None keeps the current flag)."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_TEAM)
        app_name = _app_name(session, app_id)
        member = _member(session, login)
        row = _role_row(session, member.id, app_id)
        before = None if row is None else {"role": row.role.value, "approver": row.approver}
        if row is None:
            row = MemberRole(member_id=member.id, app_id=app_id, role=role, approver=False)
            session.add(row)
        elif row.role == Role.ADMIN and role != Role.ADMIN:
            _keep_an_admin(session, app_id, member.id, login, app_name)
        row.role = role
        if approver is not None:
            row.approver = approver
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="member.grant",
            target=f"member:{login}",
            details={"from": before, "to": {"role": role.value, "approver": row.approver}},
        )
        session.flush()
        return TeamMember(
            member.id, login, member.display_name, member.email, row.role, row.approver
        )


def revoke(ws: Workspace, app_id: int, login: str) -> None:
    """Take the member off the app's team (they stay a workspace member, with no role here)."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_TEAM)
        app_name = _app_name(session, app_id)
        member = _member(session, login)
        row = _role_row(session, member.id, app_id)
        if row is None:
            raise TeamError("not_on_app", login, app_name)
        if row.role == Role.ADMIN:
            _keep_an_admin(session, app_id, member.id, login, app_name)
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="member.revoke",
            target=f"member:{login}",
            details={"role": row.role.value, "approver": row.approver},
        )
        session.delete(row)


def _checked_login(login: str) -> str:
    clean = login.strip()
    if not clean or len(clean) > LOGIN_LIMIT or any(ord(c) < 32 or ord(c) == 127 for c in clean):
        raise TeamError("bad_login", login)
    return clean


def _app_name(session: Session, app_id: int) -> str:
    name = session.scalar(select(App.name).where(App.id == app_id))
    assert name is not None  # require() refused unknown apps already
    return name


def _member(session: Session, login: str) -> Member:
    member = session.scalar(select(Member).where(Member.login == login.strip()))
    if member is None:
        raise TeamError("no_member", login)
    return member


def _role_row(session: Session, member_id: int, app_id: int) -> MemberRole | None:
    return session.scalar(
        select(MemberRole).where(MemberRole.member_id == member_id, MemberRole.app_id == app_id)
    )


def _keep_an_admin(session: Session, app_id: int, member_id: int, login: str, app: str) -> None:
    """Refuse to take the admin role from the app's last admin.

    The admin rows are locked (PostgreSQL; SQLite has one writer anyway) so two admins
    demoting each other at the same moment cannot both succeed.
    """
    admins = session.scalars(
        select(MemberRole.member_id)
        .where(MemberRole.app_id == app_id, MemberRole.role == Role.ADMIN)
        .with_for_update()
    ).all()
    if not [other for other in admins if other != member_id]:
        raise TeamError("last_admin", login, app)
