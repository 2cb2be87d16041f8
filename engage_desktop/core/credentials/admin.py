"""The admin's operations on an app's key: set, remove, see where it is, switch off the sandbox.

The key goes into the OS keyring of the machine the command runs on (``security.vault``); the
workspace keeps its reference and fingerprint (``AppCredential``) and one ``CredentialHolder``
row per machine holding a copy. Every operation checks ``MANAGE_CREDENTIALS`` first and leaves
an audit entry with the fingerprint, never the key. Marketers and analysts cannot even read the
fingerprint: ``credential_status`` checks the same permission.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.credentials.key_file import (
    CheckedKeyFile,
    ServiceAccountKey,
    parse_key,
)
from engage_desktop.core.credentials.messages import CredentialError, credential_error
from engage_desktop.core.credentials.testing import TestReport
from engage_desktop.core.messages import CodedText
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, can, require
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import (
    App,
    AppCredential,
    CredentialHolder,
    Member,
    WorkspaceSetting,
)

REFERENCE_PREFIX = "fcm-service-account"
WORKSPACE_ID_KEY = "workspace.id"  # set once by migration 0013


def this_host() -> str:
    """This machine's name, as the holders list shows it."""
    return platform.node() or "localhost"


def workspace_id(session: Session) -> str:
    """The workspace's own id (a UUID stored once), which keeps its keyring entries apart."""
    setting = session.get(WorkspaceSetting, WORKSPACE_ID_KEY)
    if setting is None or not isinstance(setting.value, str):
        raise LookupError("the workspace has no id: its schema is older than migration 0013")
    return setting.value


def reference_for(workspace: str, app_id: int, key: ServiceAccountKey) -> str:
    """The keyring entry's name: one per workspace, app and key. Giving the same key twice is
    harmless, and another workspace (or app) using the same key on this machine has an entry of
    its own, which removing this one leaves alone."""
    return f"{REFERENCE_PREFIX}:{workspace}:{app_id}:{key.key_id}"


@dataclass(frozen=True)
class Holder:
    host: str
    key_id: str
    stored_at: datetime
    stored_by: str | None  # the member's login
    current: bool  # holds the app's current key (else an older one, or a removed one)


@dataclass(frozen=True)
class CredentialStatus:
    """What an admin sees about an app's key (the fingerprint, never the key)."""

    app_id: int
    app_name: str
    project_id: str
    use_sandbox: bool
    client_email: str | None = None
    key_id: str | None = None
    set_at: datetime | None = None
    set_by: str | None = None
    tested_at: datetime | None = None
    tested_host: str | None = None
    holders: tuple[Holder, ...] = ()

    @property
    def is_set(self) -> bool:
        return self.key_id is not None


@dataclass(frozen=True)
class SetOutcome:
    status: CredentialStatus
    warnings: tuple[CodedText, ...]
    replaced: bool  # another key was set before
    stored: bool = True  # False: the new key failed its test and the app keeps its old key
    test: TestReport | None = None  # the test a key given to an app on FCM had to pass


@dataclass(frozen=True)
class RemoveOutcome:
    removed_here: bool  # this machine's keyring held a copy and it is deleted
    other_hosts: tuple[str, ...]  # machines whose keyring still holds a copy


def _app(session: Session, app_id: int) -> App:
    app = session.get(App, app_id)
    if app is None:
        raise credential_error("no_app", str(app_id))
    return app


def member_login(session: Session, member_id: int | None) -> str | None:
    """Who did it, as the credentials dialogs show it (None: nobody, or a removed member)."""
    member = session.get(Member, member_id) if member_id is not None else None
    return member.login if member is not None else None


def _status(session: Session, app: App) -> CredentialStatus:
    row = session.get(AppCredential, app.id)
    holders = session.scalars(
        select(CredentialHolder)
        .where(CredentialHolder.app_id == app.id)
        .order_by(CredentialHolder.host)
    )
    held = tuple(
        Holder(
            h.host,
            h.key_id,
            h.stored_at,
            member_login(session, h.stored_by),
            row is not None and h.key_id == row.key_id,
        )
        for h in holders
    )
    if row is None:
        return CredentialStatus(
            app.id, app.name, app.firebase_project_id, app.use_sandbox, holders=held
        )
    return CredentialStatus(
        app.id,
        app.name,
        app.firebase_project_id,
        app.use_sandbox,
        row.client_email,
        row.key_id,
        row.set_at,
        member_login(session, row.set_by),
        row.tested_at,
        row.tested_host,
        held,
    )


def manageable_app(session: Session, ws: Workspace, app_id: int) -> App:
    """The app (named when it does not exist), once the member may manage its credentials."""
    app = _app(session, app_id)
    require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
    return app


def credential_status(ws: Workspace, app_id: int) -> CredentialStatus:
    with ws.session_factory() as session:
        return _status(session, manageable_app(session, ws, app_id))


def manageable_statuses(ws: Workspace) -> list[CredentialStatus]:
    """Every app whose credentials this member may manage (the others are not shown)."""
    with ws.session_factory() as session:
        apps = session.scalars(select(App).order_by(App.name))
        return [
            _status(session, app)
            for app in apps
            if can(session, ws.member_id, app.id, Permission.MANAGE_CREDENTIALS)
        ]


def store_key(
    ws: Workspace,
    vault: Vault,
    app_id: int,
    checked: CheckedKeyFile,
    *,
    host: str,
    test: TestReport | None = None,
) -> SetOutcome:
    """Put a checked key in this machine's keyring and record its fingerprint.

    ``core.credentials.connection.set_credentials`` is the way in: on an app sending through
    FCM a new key is stored only with the passed ``test`` that proves it works (checked again
    here, in the transaction that records it, in case the app left the sandbox meanwhile).
    """
    key = checked.key
    with ws.session_factory() as session:
        manageable_app(session, ws, app_id)
        reference = reference_for(workspace_id(session), app_id, key)
        held = session.scalar(
            select(CredentialHolder.reference).where(
                CredentialHolder.app_id == app_id, CredentialHolder.host == host
            )
        )
    vault.put(reference, key.secret_json())
    try:
        with ws.session() as session:
            tested = test is not None and test.passed
            replaced = _record_key(session, ws, app_id, key, reference, host, tested)
            status = _status(session, _app(session, app_id))
    except BaseException:
        if held != reference:  # a new entry: leave the keyring as it was
            vault.delete(reference)
        raise
    if held is not None and held != reference:  # this machine's older key is no longer used
        vault.delete(held)
    return SetOutcome(status, checked.warnings, replaced, test=test)


def _record_key(
    session: Session,
    ws: Workspace,
    app_id: int,
    key: ServiceAccountKey,
    reference: str,
    host: str,
    tested: bool,
) -> bool:
    now = ws.clock.now()
    row = session.get(AppCredential, app_id)
    new_key = row is None or row.key_id != key.key_id
    app = _app(session, app_id)
    if new_key and not app.use_sandbox and not tested:
        raise credential_error("replace_untested", app.name, str(app_id))
    replaced = row is not None and new_key
    if row is None:
        row = AppCredential(app_id=app_id)
        session.add(row)
    if new_key:  # a new key has not passed a test yet, unless it just did
        row.tested_at = now if tested else None
        row.tested_host = host if tested else None
        row.set_at = now
        row.set_by = ws.member_id
    row.reference, row.client_email, row.key_id = reference, key.client_email, key.key_id
    holder = session.scalar(
        select(CredentialHolder).where(
            CredentialHolder.app_id == app_id, CredentialHolder.host == host
        )
    )
    if holder is None:
        holder = CredentialHolder(app_id=app_id, host=host)
        session.add(holder)
    holder.reference, holder.key_id = reference, key.key_id
    holder.stored_at, holder.stored_by = now, ws.member_id
    record(
        session,
        member_id=ws.member_id,
        app_id=app_id,
        action="credentials.set",
        target=f"app:{app_id}",
        details={"client_email": key.client_email, "key_id": key.key_id, "host": host},
    )
    session.flush()
    return replaced


def remove_credentials(
    ws: Workspace, vault: Vault, app_id: int, *, host: str | None = None
) -> RemoveOutcome:
    """Forget the app's key in the workspace and delete this machine's copy.

    Other machines' keyrings cannot be reached from here: they are named in the outcome, and
    ``credentials remove`` run on each deletes its copy (their rows stay listed until then).
    """
    host = host or this_host()
    with ws.session() as session:
        manageable_app(session, ws, app_id)
        row = session.get(AppCredential, app_id)
        mine = session.scalar(
            select(CredentialHolder).where(
                CredentialHolder.app_id == app_id, CredentialHolder.host == host
            )
        )
        references = {r for r in (mine.reference if mine else None,) if r}
        if row is not None:
            references.add(row.reference)
        removed = any([vault.delete(reference) for reference in sorted(references)])
        others = tuple(
            session.scalars(
                select(CredentialHolder.host).where(
                    CredentialHolder.app_id == app_id, CredentialHolder.host != host
                )
            )
        )
        if mine is not None:
            session.delete(mine)
        if row is not None:
            session.delete(row)
        record(
            session,
            member_id=ws.member_id,
            app_id=app_id,
            action="credentials.remove",
            target=f"app:{app_id}",
            details={
                "key_id": row.key_id if row else None,
                "host": host,
                "removed_here": removed,
                "still_on": list(others),
            },
        )
    return RemoveOutcome(removed, others)


def set_sending_mode(ws: Workspace, app_id: int, *, fcm: bool) -> CredentialStatus:
    """Send through Google's FCM (needs a key that passed a connection test) or the sandbox."""
    with ws.session() as session:
        app = manageable_app(session, ws, app_id)
        row = session.get(AppCredential, app_id)
        if fcm and (row is None or row.tested_at is None):
            raise credential_error("not_tested", app.name, str(app_id))
        if app.use_sandbox == fcm:
            app.use_sandbox = not fcm
            record(
                session,
                member_id=ws.member_id,
                app_id=app_id,
                action="app.sending_mode",
                target=f"app:{app_id}",
                details={
                    "mode": "fcm" if fcm else "sandbox",
                    "key_id": row.key_id if row else None,
                },
            )
        session.flush()
        return _status(session, app)


def read_key(
    session: Session, vault: Vault, app: App, host: str | None = None
) -> ServiceAccountKey:
    """The app's key from this machine's keyring (the service and the connection test).

    No permission check: the dispatch service sends for everyone. Raises ``CredentialError``
    (not set, not on this machine, damaged) or ``VaultUnavailable``.
    """
    host = host or this_host()
    who = (app.name, app.firebase_project_id)
    row = session.get(AppCredential, app.id)
    if row is None:
        raise credential_error("sa_not_set", *who)
    secret = vault.get(row.reference)
    if secret is None:
        raise credential_error("key_not_here", *who, host)
    try:
        key = parse_key(secret, f"keyring entry {row.reference}", app.firebase_project_id)
    except CredentialError:
        raise credential_error("key_damaged", *who, host) from None
    if key.key_id != row.key_id:
        raise credential_error("key_damaged", *who, host)
    return key
