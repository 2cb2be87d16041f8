"""The open workspace handed to every use case: database, current member, clock.

No globals: the GUI, the CLI, the service and the tests each build their own ``Workspace``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from engage_desktop.core.clock import Clock, SystemClock
from engage_desktop.store.engine import busy_timeout_seconds, make_session_factory
from engage_desktop.store.errors import busy_as_workspace_error
from engage_desktop.store.location import WorkspaceLocation
from engage_desktop.store.migrate import open_workspace
from engage_desktop.store.models import App, Member, MemberRole, Role


@dataclass
class Workspace:
    location: WorkspaceLocation
    engine: Engine
    member_id: int
    clock: Clock = field(default_factory=SystemClock)
    session_factory: sessionmaker[Session] = field(init=False)

    def __post_init__(self) -> None:
        self.session_factory = make_session_factory(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on any error."""
        with self.session_factory.begin() as session:
            yield session

    def apps(self) -> list[App]:
        """The apps this member has a role on, by name (the app switcher lists only those)."""
        with self.session_factory() as session:
            return list(
                session.scalars(
                    select(App)
                    .join(MemberRole, MemberRole.app_id == App.id)
                    .where(MemberRole.member_id == self.member_id)
                    .order_by(App.name)
                )
            )

    def member(self) -> Member:
        with self.session_factory() as session:
            member = session.get(Member, self.member_id)
            assert member is not None
            return member

    def close(self) -> None:
        self.engine.dispose()


def open_for_current_user(
    location: WorkspaceLocation, *, create: bool = False, clock: Clock | None = None
) -> Workspace:
    """Open (and migrate) the workspace and make sure the person opening it is a member of it.

    Who that is: on PostgreSQL the database role of the connection (``current_user``: what
    the server authenticated, so it is what the server's own grants apply to); on SQLite the OS
    account running the process. The first member of a workspace becomes admin of every app:
    someone has to be able to give roles. Later members start with no role until an admin
    grants one.
    """
    engine = open_workspace(location, create=create)
    try:
        with busy_as_workspace_error(location.display(), busy_timeout_seconds()):
            member_id = ensure_member(engine, login_for(engine))
    except BaseException:
        engine.dispose()
        raise
    return Workspace(location, engine, member_id, clock or SystemClock())


def login_for(engine: Engine) -> str:
    """The identity a workspace knows this person by (see ``open_for_current_user``)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            return str(conn.scalar(text("SELECT current_user")))
    return current_login()


def current_login() -> str:
    """The OS account of this process, from the account database, not from $USER or $LOGNAME.

    Environment variables are whatever the caller set: ``USER=admin engage-desktop …`` must not
    make anyone admin. Windows has no ``pwd``; there the account name comes from the OS login.
    """
    try:
        import pwd
    except ImportError:  # Windows
        return os.getlogin()
    return pwd.getpwuid(os.getuid()).pw_name


def ensure_member(engine: Engine, login: str) -> int:
    with make_session_factory(engine).begin() as session:
        member = session.scalar(select(Member).where(Member.login == login))
        if member is not None:
            return member.id
        first = session.scalar(select(func.count()).select_from(Member)) == 0
        member = Member(login=login, display_name=login)
        session.add(member)
        session.flush()
        if first:
            for app_id in session.scalars(select(App.id)):
                session.add(MemberRole(member_id=member.id, app_id=app_id, role=Role.ADMIN))
        return member.id
