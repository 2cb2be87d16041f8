"""Add, list, edit and remove the workspace's apps (Firebase projects), checked and audited.

Who may do what: a member sees the apps they have a role on; editing or removing an app takes
``MANAGE_APP`` on it (admins). Adding one takes being admin of some app already, or being the
workspace's first member while it holds no app yet (someone has to create the first); whoever
adds an app becomes its admin. Every change writes an audit entry in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from engage_desktop.core.apps.identity import APP_MESSAGES, AppError, AppIdentity, checked
from engage_desktop.core.apps.removal import delete_app_rows
from engage_desktop.core.credentials.admin import this_host
from engage_desktop.core.credentials.app_secrets import AppSecrets, app_secrets, forget
from engage_desktop.core.imports.store import bulk_connection
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.security.roles import Grant, Permission, grant_of, require
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import (
    App,
    Campaign,
    Device,
    Member,
    MemberRole,
    OutboxMessage,
    Profile,
    Role,
    Segment,
)


class AddAppRefused(PermissionDenied):
    """Adding an app takes being admin of an app already (or the first member of an empty
    workspace); code ``no_right_to_add``."""

    def __init__(self) -> None:
        super().__init__(APP_MESSAGES.english("no_right_to_add"))
        self.code = "no_right_to_add"
        self.args_text = ()

    def __reduce__(self) -> tuple[type[AddAppRefused], tuple[()]]:
        return (self.__class__, ())


@dataclass(frozen=True)
class AppInfo:
    """One app as a member sees it, with their own standing on it."""

    id: int
    identity: AppIdentity
    use_sandbox: bool
    grant: Grant

    @property
    def name(self) -> str:
        return self.identity.name


@dataclass(frozen=True)
class RemovalImpact:
    """What goes with an app when it is removed (said before the admin confirms)."""

    app_name: str
    campaigns: int
    profiles: int
    devices: int
    segments: int
    outbox_messages: int
    members: int
    # Secrets (names of keyring entries, never values): this machine's entries, deleted with
    # the app; the other machines holding its key; the entries that could not be deleted.
    secrets_here: tuple[str, ...] = ()
    other_hosts: tuple[str, ...] = ()
    left_here: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, int]:
        return {
            "campaigns": self.campaigns,
            "profiles": self.profiles,
            "devices": self.devices,
            "segments": self.segments,
            "outbox_messages": self.outbox_messages,
            "members": self.members,
        }


def identity_of(app: App) -> AppIdentity:
    return AppIdentity(
        name=app.name,
        project_id=app.firebase_project_id,
        android_packages=tuple(app.android_packages or ()),
        ios_bundle_ids=tuple(app.ios_bundle_ids or ()),
        time_zone=app.time_zone,
        icon_png=app.icon_png,
    )


def list_apps(ws: Workspace) -> list[AppInfo]:
    """The apps the member has a role on, by name; others are not shown at all."""
    with ws.session() as session:
        rows = session.execute(
            select(App, MemberRole.role, MemberRole.approver)
            .join(MemberRole, MemberRole.app_id == App.id)
            .where(MemberRole.member_id == ws.member_id)
            .order_by(App.name)
        )
        return [
            AppInfo(app.id, identity_of(app), app.use_sandbox, Grant(role, bool(approver)))
            for app, role, approver in rows
        ]


def get_app(ws: Workspace, app_id: int) -> AppInfo:
    """One app the member has a role on (``AppNotFound`` / ``PermissionDenied`` otherwise)."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_TEAM)
        app = _app(session, app_id)
        grant = grant_of(session, ws.member_id, app_id)
        assert grant is not None  # require passed
        return AppInfo(app.id, identity_of(app), app.use_sandbox, grant)


def may_add_apps(session: Session, member_id: int) -> bool:
    admin_somewhere = session.scalar(
        select(func.count())
        .select_from(MemberRole)
        .where(MemberRole.member_id == member_id, MemberRole.role == Role.ADMIN)
    )
    if admin_somewhere:
        return True
    no_app = not session.scalar(select(func.count()).select_from(App))
    first_member = session.scalar(select(func.min(Member.id)))
    return no_app and first_member == member_id


def add_app(ws: Workspace, identity: AppIdentity, *, use_sandbox: bool = True) -> int:
    """Create the app, make its creator admin of it; returns its id.

    A new app sends to the local sandbox until an admin gives it credentials and switches it
    to Firebase (that switch checks the credentials).
    """
    clean = checked(identity)
    with ws.session() as session:
        if not may_add_apps(session, ws.member_id):
            raise AddAppRefused()
        _check_name_free(session, clean.name)
        app = App(name=clean.name, firebase_project_id=clean.project_id, use_sandbox=use_sandbox)
        _apply(app, clean)
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        record(
            session,
            member_id=ws.member_id,
            app_id=app.id,
            action="app.add",
            target=f"app:{app.id}",
            details=_audit_details(clean),
        )
        return app.id


def edit_app(ws: Workspace, app_id: int, identity: AppIdentity) -> AppInfo:
    """Replace the app's identity with ``identity`` (all fields); the audit keeps what changed."""
    clean = checked(identity)
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_APP)
        app = _app(session, app_id)
        _check_name_free(session, clean.name, exclude=app_id)
        before = _audit_details(identity_of(app))
        _apply(app, clean)
        after = _audit_details(clean)
        changed = {k: {"from": before[k], "to": v} for k, v in after.items() if before[k] != v}
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="app.edit",
            target=f"app:{app_id}",
            details={"changed": changed},
        )
        grant = grant_of(session, ws.member_id, app_id)
        assert grant is not None
        return AppInfo(app_id, clean, app.use_sandbox, grant)


def removal_impact(ws: Workspace, app_id: int, host: str | None = None) -> RemovalImpact:
    """Count what removing the app deletes with it (needs the right to remove it)."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_APP)
        return _impact(session, _app(session, app_id), host or this_host())


def remove_app(
    ws: Workspace,
    app_id: int,
    *,
    confirm_name: str,
    vault: Vault | None = None,
    host: str | None = None,
) -> RemovalImpact:
    """Delete the app and everything of it, in one transaction; ``confirm_name`` must be its name.

    Campaigns with their outbox and results, profiles with their events and consents, devices,
    segments, roles and the SMS / email accounts go (``core.apps.removal``). Audit entries stay
    (their app becomes empty), and the removal itself is recorded with the app's name, project
    and the counts. Once that is committed, the app's secrets are deleted from ``vault`` (this
    machine's keyring; None: the caller has none, and they stay, listed in ``left_here``).
    """
    host = host or this_host()
    with (
        bulk_connection(ws.engine) as conn,
        ws.session_factory(bind=conn) as session,
        session.begin(),
    ):
        require(session, ws.member_id, app_id, Permission.MANAGE_APP)
        app = _app(session, app_id)
        if confirm_name.strip() != app.name:
            raise AppError("confirm", "confirm_mismatch", app.name)
        impact = _impact(session, app, host)
        details = {
            "name": app.name,
            "project_id": app.firebase_project_id,
            **impact.as_dict(),
            "still_on": list(impact.other_hosts),
        }
        session.expunge(app)
        delete_app_rows(session, app_id)
        record(
            session,
            member_id=ws.member_id,
            app_id=None,
            action="app.remove",
            target=f"app:{app_id}",
            details=details,
        )
    left = impact.secrets_here if vault is None else forget(vault, app_secrets_of(impact))
    return replace(impact, left_here=left)


def _app(session: Session, app_id: int) -> App:
    app = session.get(App, app_id)
    if app is None:
        raise AppError("app", "app_not_found", str(app_id))
    return app


def _check_name_free(session: Session, name: str, exclude: int | None = None) -> None:
    clash = session.scalar(select(App.id).where(App.name == name))
    if clash is not None and clash != exclude:
        raise AppError("name", "name_taken", name)


def _apply(app: App, identity: AppIdentity) -> None:
    app.name = identity.name
    app.firebase_project_id = identity.project_id
    app.android_packages = list(identity.android_packages)
    app.ios_bundle_ids = list(identity.ios_bundle_ids)
    app.time_zone = identity.time_zone
    app.icon_png = identity.icon_png


def _audit_details(identity: AppIdentity) -> dict[str, object]:
    return {
        "name": identity.name,
        "project_id": identity.project_id,
        "android_packages": list(identity.android_packages),
        "ios_bundle_ids": list(identity.ios_bundle_ids),
        "time_zone": identity.time_zone,
        "icon_bytes": len(identity.icon_png) if identity.icon_png else 0,
    }


def _count(session: Session, app_column: InstrumentedAttribute[int], app_id: int) -> int:
    return int(session.scalar(select(func.count()).where(app_column == app_id)) or 0)


def app_secrets_of(impact: RemovalImpact) -> AppSecrets:
    return AppSecrets(impact.secrets_here, impact.other_hosts)


def _impact(session: Session, app: App, host: str) -> RemovalImpact:
    secrets = app_secrets(session, app.id, host)
    return RemovalImpact(
        app_name=app.name,
        campaigns=_count(session, Campaign.app_id, app.id),
        profiles=_count(session, Profile.app_id, app.id),
        devices=_count(session, Device.app_id, app.id),
        segments=_count(session, Segment.app_id, app.id),
        outbox_messages=int(
            session.scalar(
                select(func.count()).where(  # through the indexed campaign id
                    OutboxMessage.campaign_id.in_(
                        select(Campaign.id).where(Campaign.app_id == app.id)
                    )
                )
            )
            or 0
        ),
        members=_count(session, MemberRole.app_id, app.id),
        secrets_here=secrets.here,
        other_hosts=secrets.other_hosts,
    )
