"""``credentials set|test --provider twilio|smtp``: an app's SMS and email accounts.

The secret (Twilio's auth token, the SMTP password) is read from standard input when it is
not a terminal, else asked for without echo: never from the command line, where it would sit in
the shell's history and in every process listing. Settings come as ``--setting NAME=VALUE``.
``run_provider_test`` is the network half of the test, which the GUI is handed too
(``gui_command``): the GUI may not import the services.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Awaitable
from typing import TYPE_CHECKING

from engage_desktop.cli.options import CliError

if TYPE_CHECKING:
    from engage_desktop.core.credentials.providers import ProviderAccount
    from engage_desktop.core.credentials.testing import TestReport
    from engage_desktop.core.messages import CodedText
    from engage_desktop.core.progress import Progress
    from engage_desktop.core.workspace import Workspace
    from engage_desktop.security.vault import Vault

CANCEL_POLL = 0.1  # seconds between looks at the cancel button while the provider answers


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
    from engage_desktop.core.credentials.provider_status import save_account
    from engage_desktop.core.credentials.providers import ProviderSetupError
    from engage_desktop.store.models import Provider

    provider = Provider(args.provider)
    try:
        saved = save_account(
            ws, vault, args.app, provider, settings_from(args.setting), read_secret(args.provider)
        )
    except ProviderSetupError as exc:
        raise CliError(str(exc)) from None
    print(f"The {provider.value} account is stored (secret fingerprint {saved.fingerprint}).")
    if saved.new_unsubscribe_key:  # the workspace's key signs the unsubscribe links
        print("A new unsubscribe-link key is in this machine's keyring.")
    if saved.warning is not None:
        raise CliError(str(saved.warning))
    print(f"Next: engage-desktop credentials test --app {args.app} --provider {provider.value}")
    return 0


def test_account(ws: Workspace, vault: Vault, args: argparse.Namespace) -> int:
    from engage_desktop.core.credentials.provider_testing import check_provider_account
    from engage_desktop.core.credentials.providers import ProviderMissing
    from engage_desktop.core.progress import Progress
    from engage_desktop.store.models import Provider

    provider = Provider(args.provider)
    try:
        report = check_provider_account(
            ws, vault, args.app, provider, run_provider_test, Progress()
        )
    except ProviderMissing as exc:
        raise CliError(str(exc)) from None
    print(report.message)
    return 0 if report.passed else 1


def run_provider_test(account: ProviderAccount, progress: Progress) -> TestReport:
    """Twilio: read the Account resource; SMTP: connect, STARTTLS, log in. The same checks for
    the CLI and the GUI; cancelling (``progress``) stops waiting within ``CANCEL_POLL``."""
    from engage_desktop.core.credentials.testing import TestReport
    from engage_desktop.core.endpoints import twilio_url
    from engage_desktop.services.channels.smtp import check_account
    from engage_desktop.services.channels.twilio import fetch_account
    from engage_desktop.store.models import Provider

    settings = account.settings
    if account.provider is Provider.TWILIO:
        check = fetch_account(twilio_url(), str(settings["account_sid"]), account.secret)
    else:
        check = check_account(settings, account.secret)
    passed, said = asyncio.run(_cancellable(check, progress))
    return TestReport(passed, said)


async def _cancellable(
    check: Awaitable[tuple[bool, CodedText]], progress: Progress
) -> tuple[bool, CodedText]:
    task = asyncio.ensure_future(check)
    try:
        while True:
            done, _pending = await asyncio.wait({task}, timeout=CANCEL_POLL)
            if done:
                return task.result()
            progress.report(0, None, "waiting")  # raises Cancelled once the user cancels
    finally:
        task.cancel()
