"""Everything secret an app holds, found before the app is removed and forgotten after.

Removing an app deleted its rows but left its secrets behind: the service-account key and the
SMS / email secrets in this machine's keyring (with nothing left in the product to remove
them), and, on SQLite, the SMS / email account rows and the unsubscribe key's fingerprint,
which an app added next inherited (SQLite gives a new app the id of the removed last one).
``app_secrets`` lists the app's keyring entries on this machine and the other machines still
holding its key or its SMS / email secrets; ``secret_rows`` are the workspace rows to delete
with the app; ``forget`` deletes this machine's entries once the removal is committed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Delete, delete, select
from sqlalchemy.orm import Session

from engage_desktop.core.credentials.admin import workspace_id
from engage_desktop.core.credentials.unsubscribe_key import fingerprint_setting, key_reference
from engage_desktop.security.vault import Vault, VaultUnavailable
from engage_desktop.store.models import (
    AppCredential,
    ChannelAccount,
    ChannelAccountHolder,
    CredentialHolder,
    WorkspaceSetting,
)


@dataclass(frozen=True)
class AppSecrets:
    """``here``: the app's keyring entries on this machine (names, never values);
    ``other_hosts``: machines whose keyring holds a copy of its service-account key or of
    its SMS / email secrets."""

    here: tuple[str, ...]
    other_hosts: tuple[str, ...]


def app_secrets(session: Session, app_id: int, host: str) -> AppSecrets:
    """Entries named after this workspace only: an entry named the old way (before migration
    0013, by project and key id) may be another workspace's too, and is left alone."""
    workspace = workspace_id(session)
    names: set[str] = set()
    if session.get(WorkspaceSetting, fingerprint_setting(app_id)) is not None:
        names.add(key_reference(workspace, app_id))  # the app's unsubscribe-link key
    credential = session.get(AppCredential, app_id)
    if credential is not None:
        names.add(credential.reference)
    others: set[str] = set()
    holders = [
        *session.execute(
            select(CredentialHolder.host, CredentialHolder.reference).where(
                CredentialHolder.app_id == app_id
            )
        ),
        *session.execute(
            select(ChannelAccountHolder.host, ChannelAccountHolder.reference).where(
                ChannelAccountHolder.app_id == app_id
            )
        ),
    ]
    for holder_host, reference in holders:
        if holder_host == host:
            names.add(reference)
        else:
            others.add(holder_host)
    names.update(
        session.scalars(select(ChannelAccount.reference).where(ChannelAccount.app_id == app_id))
    )
    mine = tuple(sorted(n for n in names if f":{workspace}:" in n))
    return AppSecrets(mine, tuple(sorted(others)))


def secret_rows(app_id: int) -> list[Delete]:
    """The workspace rows about the app's secrets, deleted with the app."""
    return [
        delete(ChannelAccountHolder).where(ChannelAccountHolder.app_id == app_id),
        delete(ChannelAccount).where(ChannelAccount.app_id == app_id),
        delete(WorkspaceSetting).where(WorkspaceSetting.key == fingerprint_setting(app_id)),
    ]


def forget(vault: Vault, secrets: AppSecrets) -> tuple[str, ...]:
    """Delete this machine's entries; returns those that could not be (keyring unavailable).
    Called after the removal is committed: the app is gone whatever the keyring says."""
    for index, name in enumerate(secrets.here):
        try:
            vault.delete(name)
        except VaultUnavailable:
            return secrets.here[index:]
    return ()
