"""``credentials set|test --provider twilio|smtp``: an app's SMS and email accounts.

The secret (Twilio's auth token, the SMTP password) is read from standard input when it is
not a terminal, else asked for without echo: never from the command line, where it would sit in
the shell's history and in every process listing. Settings come as ``--setting NAME=VALUE``.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import TYPE_CHECKING

from engage_desktop.cli.options import CliError

if TYPE_CHECKING:
    from engage_desktop.core.workspace import Workspace
    from engage_desktop.security.vault import Vault


def read_secret(provider: str) -> str:
    if sys.stdin.isatty():
        what = "auth token" if provider == "twilio" else "password"
        return getpass.getpass(f"{provider} {what}: ")
    return sys.stdin.readline().rstrip("\r\n")


def settings_from(pairs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--setting '{pair}': write NAME=VALUE.")
        found[name.strip()] = value.strip()
    return found


def set_account(ws: Workspace, vault: Vault, args: argparse.Namespace) -> int:
    from engage_desktop.core.credentials.providers import ProviderSetupError, set_provider_account
    from engage_desktop.core.credentials.unsubscribe_key import UnsubscribeKeyError, ensure_key
    from engage_desktop.store.models import Provider

    provider = Provider(args.provider)
    try:
        printed = set_provider_account(
            ws, vault, args.app, provider, settings_from(args.setting), read_secret(args.provider)
        )
    except ProviderSetupError as exc:
        raise CliError(str(exc)) from None
    print(f"The {provider.value} account is stored (secret fingerprint {printed}).")
    if provider is Provider.SMTP:  # the workspace's key signs the unsubscribe links
        try:
            if ensure_key(ws, vault, args.app):
                print("A new unsubscribe-link key is in this machine's keyring.")
        except UnsubscribeKeyError as exc:
            raise CliError(str(exc)) from None
    print(f"Next: engage-desktop credentials test --app {args.app} --provider {provider.value}")
    return 0


def test_account(ws: Workspace, vault: Vault, args: argparse.Namespace) -> int:
    from engage_desktop.core.credentials.providers import ProviderMissing, read_account
    from engage_desktop.core.endpoints import twilio_url
    from engage_desktop.security.roles import Permission, require
    from engage_desktop.services.channels.smtp import check_account
    from engage_desktop.services.channels.twilio import fetch_account
    from engage_desktop.store.models import Provider

    provider = Provider(args.provider)
    with ws.session() as session:
        require(session, ws.member_id, args.app, Permission.MANAGE_CREDENTIALS)
        try:
            account = read_account(session, vault, args.app, provider)
        except ProviderMissing as exc:
            raise CliError(str(exc)) from None
    settings = account.settings
    if provider is Provider.TWILIO:
        check = fetch_account(twilio_url(), str(settings["account_sid"]), account.secret)
    else:
        check = check_account(settings, account.secret)
    passed, said = asyncio.run(check)
    print(said)
    return 0 if passed else 1
