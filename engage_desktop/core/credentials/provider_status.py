"""What an admin sees of an app's SMS and email accounts, and saving one as the GUI and CLI do.

``accounts_status`` gives, per provider, the settings (nothing secret is in them), the secret's
fingerprint, who set it and when, the last passed test, and the machines whose keyring holds
the secret (``ChannelAccountHolder``, written by ``providers.set_provider_account``).
``save_account`` stores an account and, for SMTP, makes sure the app's unsubscribe-link key
exists and is on this machine, as ``credentials set --provider smtp`` always did.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.credentials.admin import manageable_app, member_login, this_host
from engage_desktop.core.credentials.providers import set_provider_account
from engage_desktop.core.credentials.unsubscribe_key import UnsubscribeKeyError, ensure_key
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission, can
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import App, ChannelAccount, ChannelAccountHolder, Provider


@dataclass(frozen=True)
class ProviderHolder:
    """A machine whose keyring holds a copy of the secret (``current``: the one in use;
    ``here``: this machine)."""

    host: str
    fingerprint: str
    stored_at: datetime
    stored_by: str | None  # the member's login
    current: bool
    here: bool = False


@dataclass(frozen=True)
class ProviderStatus:
    """One provider's account of one app, as admins see it (never the secret)."""

    provider: Provider
    settings: Mapping[str, Any] = field(default_factory=dict)
    fingerprint: str | None = None
    set_at: datetime | None = None
    set_by: str | None = None
    tested_at: datetime | None = None
    tested_host: str | None = None
    holders: tuple[ProviderHolder, ...] = ()

    @property
    def is_set(self) -> bool:
        return self.fingerprint is not None

    @property
    def held_here(self) -> bool:
        """This machine recorded holding the current secret (its service can send with it)."""
        return any(h.here and h.current for h in self.holders)


@dataclass(frozen=True)
class AccountsStatus:
    app_id: int
    app_name: str
    use_sandbox: bool
    accounts: Mapping[Provider, ProviderStatus]


@dataclass(frozen=True)
class SaveOutcome:
    """``new_unsubscribe_key``: a key for the email's unsubscribe links was made here;
    ``warning``: the account is stored, but this machine cannot sign those links yet."""

    fingerprint: str
    status: AccountsStatus
    new_unsubscribe_key: bool = False
    warning: UnsubscribeKeyError | None = None


def _provider_status(
    session: Session, app_id: int, provider: Provider, host: str
) -> ProviderStatus:
    row = session.get(ChannelAccount, (app_id, provider))
    found = session.scalars(
        select(ChannelAccountHolder)
        .where(ChannelAccountHolder.app_id == app_id, ChannelAccountHolder.provider == provider)
        .order_by(ChannelAccountHolder.host)
    )
    holders = tuple(
        ProviderHolder(
            h.host,
            h.fingerprint,
            h.stored_at,
            member_login(session, h.stored_by),
            row is not None and h.fingerprint == row.fingerprint,
            h.host == host,
        )
        for h in found
    )
    if row is None:
        return ProviderStatus(provider, holders=holders)
    return ProviderStatus(
        provider,
        dict(row.settings),
        row.fingerprint,
        row.set_at,
        member_login(session, row.set_by),
        row.tested_at,
        row.tested_host,
        holders,
    )


def _status(session: Session, app: App, host: str) -> AccountsStatus:
    accounts = {p: _provider_status(session, app.id, p, host) for p in Provider}
    return AccountsStatus(app.id, app.name, app.use_sandbox, accounts)


def accounts_status(ws: Workspace, app_id: int, *, host: str | None = None) -> AccountsStatus:
    """Admins only (``MANAGE_CREDENTIALS``), like the FCM key's status. ``host``: this
    machine (``admin.this_host()`` by default), marked among the holders."""
    host = host or this_host()
    with ws.session_factory() as session:
        return _status(session, manageable_app(session, ws, app_id), host)


def manageable_accounts(ws: Workspace) -> list[AccountsStatus]:
    """Every app whose credentials this member may manage."""
    host = this_host()
    with ws.session_factory() as session:
        apps = session.scalars(select(App).order_by(App.name))
        return [
            _status(session, app, host)
            for app in apps
            if can(session, ws.member_id, app.id, Permission.MANAGE_CREDENTIALS)
        ]


def save_account(
    ws: Workspace,
    vault: Vault,
    app_id: int,
    provider: Provider,
    settings: Mapping[str, Any],
    secret: str | None,
    *,
    host: str | None = None,
) -> SaveOutcome:
    """Store the account (``secret`` None: keep the stored one); for SMTP, then make or check
    the unsubscribe-link key. A missing key here does not undo the account: it is a warning."""
    host = host or this_host()
    printed = set_provider_account(ws, vault, app_id, provider, settings, secret, host=host)
    made, warning = False, None
    if provider is Provider.SMTP:
        try:
            made = ensure_key(ws, vault, app_id)
        except UnsubscribeKeyError as exc:
            warning = exc
    return SaveOutcome(printed, accounts_status(ws, app_id, host=host), made, warning)
