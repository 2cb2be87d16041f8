"""``engage-desktop gui`` (also the default): open the app window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from engage_desktop.core.credentials.providers import ProviderAccount
    from engage_desktop.core.credentials.testing import CredentialTools, TestPlan, TestReport
    from engage_desktop.core.progress import Progress

from engage_desktop.cli.options import add_workspace_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "gui", help="open the app window (the default when no command is given)"
    )
    add_workspace_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.ui.app import run_gui  # Qt is loaded only when the GUI is wanted

    return run_gui(args.workspace, args.lang, _credential_tools)


def _credential_tools() -> CredentialTools:
    """The keyring and the connection test, made on a worker after the window is painted:
    importing keyring and finding the machine's backend costs more than the first paint."""
    from engage_desktop.core.credentials.testing import CredentialTools
    from engage_desktop.security.vault import Vault

    return CredentialTools(Vault.system(), _test_connection, _test_provider)


def _test_connection(plan: TestPlan, progress: Progress) -> TestReport:
    """The services' network test, imported when an admin first runs it (not at start-up)."""
    from engage_desktop.services.fcm.connection_test import test_connection

    return test_connection(plan, progress)


def _test_provider(account: ProviderAccount, progress: Progress) -> TestReport:
    """The SMS / email account test (Twilio, SMTP), imported when an admin first runs it."""
    from engage_desktop.cli.provider_credentials import run_provider_test

    return run_provider_test(account, progress)
