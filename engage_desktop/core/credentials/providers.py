"""An app's SMS (Twilio) and email (SMTP) accounts: settings in the workspace, secret in the keyring.

Like the FCM key (``admin.py``): the secret (Twilio's auth token, the SMTP password) goes into
the OS keyring of the machine the command runs on, under a reference the workspace keeps with
a fingerprint (a short hash, so admins see a change; it cannot be reversed into the secret).
What is not secret (Twilio's account SID and sender, the SMTP host, port, user and From
address, the STOP mention, the unsubscribe base URL, the status callback URL) is kept in
``channel_account.settings``. Setting checks ``MANAGE_CREDENTIALS`` and is audited with the
fingerprint only. ``read_account`` is what the service uses (it sends for everyone).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from engage_desktop.core.credentials.admin import workspace_id
from engage_desktop.core.messages import CodedError
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import App, ChannelAccount, Provider

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
    secret: str,
) -> str:
    """Store the secret in this machine's keyring and the settings in the workspace; returns
    the fingerprint. A failed workspace write removes the keyring entry it just wrote."""
    if not secret.strip():
        raise ProviderSetupError("The secret is empty.", "empty_secret")
    clean = check_settings(provider, settings)
    with ws.session_factory() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
        reference = reference_for(workspace_id(session), app_id, provider)
    previous = vault.get(reference)
    vault.put(reference, secret)
    try:
        with ws.session() as session:
            _record(session, ws, app_id, provider, clean, reference, fingerprint(secret))
    except BaseException:
        if previous is None:
            vault.delete(reference)
        else:
            vault.put(reference, previous)
        raise
    return fingerprint(secret)


def _record(
    session: Session,
    ws: Workspace,
    app_id: int,
    provider: Provider,
    settings: dict[str, Any],
    reference: str,
    print_: str,
) -> None:
    if session.get(App, app_id) is None:
        raise ProviderSetupError(f"No app with id {app_id}.", "no_app", str(app_id))
    row = session.get(ChannelAccount, (app_id, provider))
    if row is None:
        row = ChannelAccount(app_id=app_id, provider=provider)
        session.add(row)
    if row.fingerprint != print_:
        row.tested_at = None
    row.settings, row.reference, row.fingerprint = settings, reference, print_
    row.set_at, row.set_by = ws.clock.now(), ws.member_id
    record(
        session,
        member_id=ws.member_id,
        app_id=app_id,
        action="credentials.provider_set",
        target=f"app:{app_id}",
        details={"provider": provider.value, "fingerprint": print_, **_public(settings)},
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
        raise ProviderMissing(
            f"This machine's keyring lacks app {app_id}'s {provider.value} secret: run "
            f"'engage-desktop credentials set --app {app_id} --provider {provider.value}' here.",
            "provider_secret_missing",
            str(app_id),
            provider.value,
        )
    return ProviderAccount(app_id, provider, dict(row.settings), secret)
