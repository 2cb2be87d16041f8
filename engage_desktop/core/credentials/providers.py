"""An app's SMS (Twilio) and email (SMTP) accounts: settings in the workspace, secret in the keyring.

Like the FCM key (``admin.py``): the secret (Twilio's auth token, the SMTP password) goes into
the OS keyring of the machine the command runs on, under a reference the workspace keeps with
a fingerprint (a short hash, so admins see a change; it cannot be reversed into the secret).
What is not secret (Twilio's account SID and sender, the SMTP host, port, user and From
address, the STOP mention, the unsubscribe base URL, the status callback URL) is kept in
``channel_account.settings``. Setting checks ``MANAGE_CREDENTIALS`` and is audited with the
fingerprint only. Each machine that stores the secret is recorded as a holder
(``ChannelAccountHolder``), so when the service on another machine finds its keyring without
the secret, the error names where it is. ``read_account`` is what the service uses (it sends
for everyone).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.credentials.admin import this_host, workspace_id
from engage_desktop.core.messages import CodedError
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import App, ChannelAccount, ChannelAccountHolder, Provider

# Settings each provider needs (required) and may have (optional); anything else is refused.
REQUIRED: Mapping[Provider, tuple[str, ...]] = {
    Provider.TWILIO: ("account_sid", "sender"),
    Provider.SMTP: ("host", "port", "user", "from_address"),
}
OPTIONAL: Mapping[Provider, tuple[str, ...]] = {
    Provider.TWILIO: ("stop_mention", "status_callback_url"),
    Provider.SMTP: ("reply_to", "unsubscribe_base_url", "starttls"),
}
_SID = re.compile(r"^AC[0-9a-fA-F]{32}$")
_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


class ProviderSetupError(CodedError, ValueError):
    """A setting that cannot be used, named with its value (never the secret)."""


@dataclass(frozen=True)
class ProviderAccount:
    """What the service needs to send through one provider for one app."""

    app_id: int
    provider: Provider
    settings: Mapping[str, Any]
    secret: str

    def __repr__(self) -> str:  # the secret never reaches a log or a traceback
        return f"ProviderAccount(app_id={self.app_id}, provider={self.provider.value})"


def reference_for(workspace: str, app_id: int, provider: Provider) -> str:
    """The keyring entry's name, one per workspace, app and provider: two workspaces on one
    machine with the same app id no longer share (and overwrite) each other's secret. Accounts
    set before keep the name stored with them."""
    return f"{provider.value}-secret:{workspace}:app-{app_id}"


def fingerprint(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:12]


def check_settings(provider: Provider, settings: Mapping[str, Any]) -> dict[str, Any]:
    """The settings, checked: every required one, no unknown one, well-formed values."""
    allowed = set(REQUIRED[provider]) | set(OPTIONAL[provider])
    for name in settings:
        if name not in allowed:
            known = ", ".join(sorted(allowed))
            raise ProviderSetupError(
                f"Unknown {provider.value} setting '{name}' (known: {known}).",
                "unknown_setting",
                provider.value,
                name,
                known,
            )
    for name in REQUIRED[provider]:
        if not str(settings.get(name) or "").strip():
            raise ProviderSetupError(
                f"The {provider.value} setting '{name}' is missing.",
                "missing_setting",
                provider.value,
                name,
            )
    clean = {k: v for k, v in settings.items() if v not in (None, "")}
    if provider is Provider.TWILIO:
        _check(_SID.match(str(clean["account_sid"])), "account_sid", clean, "AC + 32 hex digits")
        sender = str(clean["sender"])
        _check(_E164.match(sender) or sender.startswith("MG"), "sender", clean, "+33… or MG…")
    else:
        port = str(clean["port"])
        _check(port.isdigit() and 0 < int(port) < 65536, "port", clean, "1 to 65535")
        clean["port"] = int(port)
        _check("@" in str(clean["from_address"]), "from_address", clean, "name@domain")
    return clean


def _check(ok: object, name: str, settings: Mapping[str, Any], expected: str) -> None:
    if not ok:
        value = str(settings.get(name))[:80]
        raise ProviderSetupError(
            f"Setting '{name}': '{value}' is not valid (expected {expected}).",
            "bad_setting",
            name,
            value,
            expected,
        )


def set_provider_account(
    ws: Workspace,
    vault: Vault,
    app_id: int,
    provider: Provider,
    settings: Mapping[str, Any],
    secret: str | None,
    *,
    host: str | None = None,
) -> str:
    """Store the secret in this machine's keyring and the settings in the workspace, and record
    this machine (``host``) as holding it; returns the fingerprint. ``secret`` None keeps the
    stored one (read from this machine's keyring: the settings alone change). A failed
    workspace write puts the keyring entry back as it was."""
    if secret is not None and not secret.strip():
        raise ProviderSetupError("The secret is empty.", "empty_secret")
    clean = check_settings(provider, settings)
    host = host or this_host()
    with ws.session_factory() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
        reference = reference_for(workspace_id(session), app_id, provider)
        stored = session.get(ChannelAccount, (app_id, provider))
        stored_reference = stored.reference if stored is not None else None
    if secret is None:
        secret = _kept_secret(vault, stored_reference, app_id, provider)
    previous = vault.get(reference)
    vault.put(reference, secret)
    try:
        with ws.session() as session:
            print_ = fingerprint(secret)
            _record(session, ws, app_id, provider, clean, reference, print_, host)
            _hold(session, ws, app_id, provider, host, reference, print_)
    except BaseException:
        if previous is None:
            vault.delete(reference)
        else:
            vault.put(reference, previous)
        raise
    return fingerprint(secret)


def _kept_secret(vault: Vault, reference: str | None, app_id: int, provider: Provider) -> str:
    """The stored secret, to save new settings without typing it again."""
    found = vault.get(reference) if reference is not None else None
    if found is None:
        raise ProviderSetupError(
            f"App {app_id} has no {provider.value} secret in this machine's keyring to keep: "
            "type it.",
            "secret_to_keep_missing",
            str(app_id),
            provider.value,
        )
    return found


def _record(
    session: Session,
    ws: Workspace,
    app_id: int,
    provider: Provider,
    settings: dict[str, Any],
    reference: str,
    print_: str,
    host: str,
) -> None:
    if session.get(App, app_id) is None:
        raise ProviderSetupError(f"No app with id {app_id}.", "no_app", str(app_id))
    row = session.get(ChannelAccount, (app_id, provider))
    if row is None:
        row = ChannelAccount(app_id=app_id, provider=provider)
        session.add(row)
    if row.fingerprint != print_ or row.settings != settings:  # the last test no longer holds
        row.tested_at, row.tested_host = None, None
    row.settings, row.reference, row.fingerprint = settings, reference, print_
    row.set_at, row.set_by = ws.clock.now(), ws.member_id
    record(
        session,
        member_id=ws.member_id,
        app_id=app_id,
        action="credentials.provider_set",
        target=f"app:{app_id}",
        details={
            "provider": provider.value,
            "fingerprint": print_,
            "host": host,
            **_public(settings),
        },
    )


def _hold(
    session: Session,
    ws: Workspace,
    app_id: int,
    provider: Provider,
    host: str,
    reference: str,
    print_: str,
) -> None:
    """Record that ``host``'s keyring holds the secret with this fingerprint."""
    holder = session.scalar(
        select(ChannelAccountHolder).where(
            ChannelAccountHolder.app_id == app_id,
            ChannelAccountHolder.provider == provider,
            ChannelAccountHolder.host == host,
        )
    )
    if holder is None:
        holder = ChannelAccountHolder(app_id=app_id, provider=provider, host=host)
        session.add(holder)
    if holder.fingerprint != print_:
        holder.stored_at, holder.stored_by = ws.clock.now(), ws.member_id
    holder.reference, holder.fingerprint = reference, print_


def holder_hosts(session: Session, app_id: int, provider: Provider) -> list[str]:
    """Machines whose keyring holds the account's current secret."""
    account = session.get(ChannelAccount, (app_id, provider))
    if account is None:
        return []
    return list(
        session.scalars(
            select(ChannelAccountHolder.host)
            .where(
                ChannelAccountHolder.app_id == app_id,
                ChannelAccountHolder.provider == provider,
                ChannelAccountHolder.fingerprint == account.fingerprint,
            )
            .order_by(ChannelAccountHolder.host)
        )
    )


def _public(settings: Mapping[str, Any]) -> dict[str, Any]:
    return {
        k: settings[k] for k in ("account_sid", "sender", "host", "port", "user") if k in settings
    }


class ProviderMissing(CodedError, LookupError):
    """No account for this provider on this app, or this machine's keyring lacks its secret."""


def read_account(
    session: Session, vault: Vault, app_id: int, provider: Provider
) -> ProviderAccount:
    """The account the service sends with (no permission check: it sends for everyone)."""
    row = session.get(ChannelAccount, (app_id, provider))
    if row is None:
        raise ProviderMissing(
            f"App {app_id} has no {provider.value} account: run 'engage-desktop credentials set "
            f"--app {app_id} --provider {provider.value}'.",
            "no_provider_account",
            str(app_id),
            provider.value,
        )
    secret = vault.get(row.reference)
    if secret is None:
        raise _secret_missing(session, app_id, provider)
    return ProviderAccount(app_id, provider, dict(row.settings), secret)


def _secret_missing(session: Session, app_id: int, provider: Provider) -> ProviderMissing:
    """Names the machines that hold the secret, so an admin knows where it was given."""
    hosts = ", ".join(holder_hosts(session, app_id, provider))
    command = f"engage-desktop credentials set --app {app_id} --provider {provider.value}"
    return ProviderMissing(
        f"This machine's keyring lacks app {app_id}'s {provider.value} secret (held on: "
        f"{hosts or 'no machine recorded'}); set it here with '{command}' or in Settings → Apps → SMS and email "
        "accounts.",
        "provider_secret_missing",
        str(app_id),
        provider.value,
        hosts,
    )
