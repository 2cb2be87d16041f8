"""The key that signs an app's one-click unsubscribe links: one per workspace and app, in the
keyring of every machine that sends or verifies them, never in the database.

On a shared PostgreSQL workspace several machines send email for one app, and the link in a
message sent by one must be verified by whichever machine the unsubscribe reaches. So the key is
the workspace's, not the machine's: it is made once (by the first ``credentials set --provider
smtp``), kept in that machine's keyring under a name holding the workspace's id (two workspaces
on one machine never share it), and handed to each other machine like the FCM key
(``credentials unsubscribe-key --export`` on one, ``--import`` on the other, through stdin).
The workspace records only its fingerprint (a short hash, ``workspace_setting``), so a machine
can tell it holds the right key and refuses a wrong one; the key itself never reaches the
database, a log or an audit entry.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy.orm import Session

from engage_desktop.core.credentials.admin import workspace_id
from engage_desktop.core.messages import CodedError
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import WorkspaceSetting


class UnsubscribeKeyError(CodedError, LookupError):
    """This machine lacks the app's key, or was given one that is not the workspace's."""


def key_reference(workspace: str, app_id: int) -> str:
    return f"unsubscribe-key:{workspace}:app-{app_id}"


def fingerprint_setting(app_id: int) -> str:
    return f"unsubscribe_key.app-{app_id}.fingerprint"


def key_fingerprint(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def recorded_fingerprint(session: Session, app_id: int) -> str | None:
    row = session.get(WorkspaceSetting, fingerprint_setting(app_id))
    return str(row.value) if row is not None and row.value else None


def signing_key(session: Session, vault: Vault, app_id: int) -> bytes | None:
    """This machine's copy of the app's key when it is the workspace's; None otherwise (no key
    made yet, or not handed to this machine). No permission: the service and the verifier read
    it for everyone."""
    wanted = recorded_fingerprint(session, app_id)
    if wanted is None:
        return None
    found = vault.get(key_reference(workspace_id(session), app_id))
    return found.encode() if found is not None and key_fingerprint(found) == wanted else None


def missing_here(app_id: int) -> UnsubscribeKeyError:
    return UnsubscribeKeyError(
        f"This machine's keyring lacks the unsubscribe key of app {app_id}: run 'engage-desktop "
        f"credentials unsubscribe-key --app {app_id} --export' on a machine that sends its "
        "email, and pipe what it prints into '... --import' here.",
        "unsubscribe_key_missing",
        str(app_id),
    )


def ensure_key(ws: Workspace, vault: Vault, app_id: int) -> bool:
    """Make the app's key if the workspace has none (True); else check this machine holds it
    (False), or say how to bring it here. Admins: ``MANAGE_CREDENTIALS``."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
        if recorded_fingerprint(session, app_id) is not None:
            if signing_key(session, vault, app_id) is None:
                raise missing_here(app_id)
            return False
        key = secrets.token_urlsafe(32)
        vault.put(key_reference(workspace_id(session), app_id), key)
        _record(session, ws, app_id, key_fingerprint(key), "credentials.unsubscribe_key_made")
        session.add(WorkspaceSetting(key=fingerprint_setting(app_id), value=key_fingerprint(key)))
        return True


def export_key(ws: Workspace, vault: Vault, app_id: int) -> str:
    """The key, to hand to another machine (admins; audited with its fingerprint only)."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
        key = signing_key(session, vault, app_id)
        if key is None:
            raise missing_here(app_id)
        _record(
            session, ws, app_id, key_fingerprint(key.decode()), "credentials.unsubscribe_key_out"
        )
        return key.decode()


def import_key(ws: Workspace, vault: Vault, app_id: int, key: str) -> None:
    """Store a key handed from another machine, once checked against the workspace's."""
    key = key.strip()
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
        wanted = recorded_fingerprint(session, app_id)
        if wanted is None:
            raise UnsubscribeKeyError(
                f"App {app_id} has no unsubscribe key yet: 'credentials set --provider smtp' "
                "makes one.",
                "unsubscribe_key_none",
                str(app_id),
            )
        if key_fingerprint(key) != wanted:
            raise UnsubscribeKeyError(
                f"This is not app {app_id}'s unsubscribe key (fingerprint "
                f"{key_fingerprint(key)}, the workspace's is {wanted}).",
                "unsubscribe_key_wrong",
                str(app_id),
                key_fingerprint(key),
                wanted,
            )
        vault.put(key_reference(workspace_id(session), app_id), key)
        _record(session, ws, app_id, wanted, "credentials.unsubscribe_key_in")


def _record(session: Session, ws: Workspace, app_id: int, print_: str, action: str) -> None:
    record(
        session,
        member_id=ws.member_id,
        app_id=app_id,
        action=action,
        target=f"app:{app_id}",
        details={"fingerprint": print_},
    )
