"""``engage-desktop credentials set|test|remove|list|mode``: an app's service-account key.

The key goes into the OS keyring of the machine the command runs on; the workspace keeps its
fingerprint and which machines hold it. On a shared PostgreSQL workspace, run ``set`` once on
each machine that runs a dispatch service. ``mode --app ID fcm`` takes the app off the sandbox,
once ``test`` has passed. Admins only (the manage-credentials permission).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engage_desktop.cli.options import CliError, add_workspace_option

if TYPE_CHECKING:
    from engage_desktop.core.credentials.admin import CredentialStatus
    from engage_desktop.core.credentials.provider_status import AccountsStatus
    from engage_desktop.core.workspace import Workspace
    from engage_desktop.security.vault import Vault


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "credentials", help="an app's service-account key, kept in this machine's OS keyring"
    )
    sub = parser.add_subparsers(dest="credentials_command", metavar="ACTION", required=True)
    put = sub.add_parser("set", help="check a key file and store the key in this machine's keyring")
    put.add_argument(
        "key_file", type=Path, nargs="?", metavar="KEY_FILE", help="the service-account .json"
    )
    put.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Twilio or SMTP setting (account_sid, sender, stop_mention, host, port, user, "
        "from_address, reply_to, unsubscribe_base_url…); the secret is read from stdin",
    )
    test = sub.add_parser("test", help="get a token and make a validate-only send")
    for action in (put, test):
        action.add_argument(
            "--provider",
            choices=["fcm", "twilio", "smtp"],
            default="fcm",
            help="FCM's service-account key (default), Twilio (SMS) or SMTP (email)",
        )
    remove = sub.add_parser(
        "remove", help="forget the app's key and delete this machine's copy from the keyring"
    )
    listing = sub.add_parser(
        "list",
        help="fingerprints and the machines holding each key and SMS / email secret",
    )
    mode = sub.add_parser("mode", help="send through FCM (needs a tested key) or the sandbox")
    mode.add_argument("mode", choices=["fcm", "sandbox"])
    for action in (put, test, remove, mode):
        action.add_argument("--app", type=int, required=True, help="app id")
    listing.add_argument("--app", type=int, default=None, help="app id (default: every app)")
    for action in (put, test, remove, listing, mode):
        add_workspace_option(action)
        action.add_argument("--json", action="store_true", help="print JSON")
        action.set_defaults(func=run)
    from engage_desktop.cli.unsubscribe_key_command import register_unsubscribe_key

    register_unsubscribe_key(sub)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.credentials.messages import CredentialError
    from engage_desktop.security.vault import Vault, VaultUnavailable

    workspace = open_workspace_from_args(args)
    actions = {"set": _set, "test": _test, "remove": _remove, "list": _list, "mode": _mode}
    try:
        if getattr(args, "provider", "fcm") != "fcm":
            from engage_desktop.cli import provider_credentials as provider

            act = (
                provider.set_account if args.credentials_command == "set" else provider.test_account
            )
            return act(workspace, Vault.system(), args)
        if args.credentials_command == "set" and args.key_file is None:
            raise CliError("Give the service-account key file (KEY_FILE).")
        return actions[args.credentials_command](workspace, Vault.system(), args)
    except (CredentialError, VaultUnavailable) as exc:
        raise CliError(str(exc)) from None
    finally:
        workspace.close()


def _set(ws: Workspace, vault: Vault, args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import TerminalProgress
    from engage_desktop.core.credentials.connection import set_credentials
    from engage_desktop.services.fcm.connection_test import test_connection

    progress = TerminalProgress("Testing the new key")
    try:
        outcome = set_credentials(
            ws, vault, args.app, args.key_file, tester=test_connection, progress=progress.progress()
        )
    finally:
        progress.close()
    for warning in outcome.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    test = outcome.test
    if args.json:
        _print_json(
            _status_dict(outcome.status)
            | {
                "warnings": list(outcome.warnings),
                "stored": outcome.stored,
                "test": None
                if test is None
                else {"passed": test.passed, "code": test.message.code},
            }
        )
        return 0 if outcome.stored else 1
    if test is not None:
        print(test.message)
    if not outcome.stored:
        print("The new key is not stored: the app keeps sending with its current key.")
        return 1
    status = outcome.status
    what = "replaces the previous key" if outcome.replaced else "stored"
    print(
        f"Key {status.key_id} of {status.client_email} {what} in this machine's keyring "
        f"({vault.describe()})."
    )
    if test is None:
        print(f"Next: engage-desktop credentials test --app {args.app}")
    return 0


def _test(ws: Workspace, vault: Vault, args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import TerminalProgress
    from engage_desktop.core.credentials.connection import check_connection
    from engage_desktop.services.fcm.connection_test import test_connection

    progress = TerminalProgress("Testing")
    try:
        report = check_connection(ws, vault, args.app, test_connection, progress.progress())
    finally:
        progress.close()
    if args.json:
        _print_json(
            {
                "passed": report.passed,
                "code": report.message.code,
                "message": str(report.message),
                "note": str(report.note) if report.note else None,
            }
        )
    else:
        print(report.message)
        if report.note:
            print(report.note)
    return 0 if report.passed else 1


def _remove(ws: Workspace, vault: Vault, args: argparse.Namespace) -> int:
    from engage_desktop.core.credentials.admin import remove_credentials

    outcome = remove_credentials(ws, vault, args.app)
    if args.json:
        _print_json(asdict(outcome))
        return 0
    here = "deleted from" if outcome.removed_here else "was not in"
    print(f"The app's key is forgotten; this machine's copy {here} its keyring.")
    if outcome.other_hosts:
        hosts = ", ".join(outcome.other_hosts)
        print(f"Still in the keyring of: {hosts}. Run 'engage-desktop credentials remove' there.")
    return 0


def _list(ws: Workspace, _vault: Vault, args: argparse.Namespace) -> int:
    from engage_desktop.core.credentials.admin import credential_status, manageable_statuses
    from engage_desktop.core.credentials.provider_status import (
        accounts_status,
        manageable_accounts,
    )

    if args.app is not None:
        statuses, accounts = [credential_status(ws, args.app)], [accounts_status(ws, args.app)]
    else:
        statuses, accounts = manageable_statuses(ws), manageable_accounts(ws)
    by_app = {a.app_id: a for a in accounts}
    if args.json:
        _print_json([_status_dict(s) | _accounts_dict(by_app[s.app_id]) for s in statuses])
        return 0
    if not statuses:
        print("No app whose credentials you may manage.")
    for status in statuses:
        print(_describe(status))
        print(describe_accounts(by_app[status.app_id]))
    return 0


def _mode(ws: Workspace, _vault: Vault, args: argparse.Namespace) -> int:
    from engage_desktop.core.credentials.admin import set_sending_mode

    status = set_sending_mode(ws, args.app, fcm=args.mode == "fcm")
    if args.json:
        _print_json(_status_dict(status))
    elif status.use_sandbox:
        print(f"App '{status.app_name}' sends to the local sandbox.")
    else:
        print(f"App '{status.app_name}' sends through FCM (project {status.project_id}).")
    return 0


def _describe(status: CredentialStatus) -> str:
    mode = "sandbox" if status.use_sandbox else "FCM"
    lines = [f"{status.app_id}  {status.app_name}  (project {status.project_id}, sends to {mode})"]
    if not status.is_set:
        lines.append("    no service-account key")
    else:
        tested = (
            f"tested {status.tested_at:%Y-%m-%d %H:%M} UTC on {status.tested_host}"
            if status.tested_at
            else "not tested"
        )
        lines.append(f"    {status.client_email}  key {status.key_id}  {tested}")
        lines.append(f"    set {status.set_at:%Y-%m-%d %H:%M} UTC by {status.set_by or '?'}")
    for holder in status.holders:
        which = "current key" if holder.current else f"OLD key {holder.key_id}"
        lines.append(
            f"    held by {holder.host}: {which}, since {holder.stored_at:%Y-%m-%d %H:%M} UTC"
            f" ({holder.stored_by or '?'})"
        )
    return "\n".join(lines)


def describe_accounts(status: AccountsStatus) -> str:
    """The app's SMS and email accounts, and which machines' keyrings hold their secrets."""
    lines = []
    for account in status.accounts.values():
        name = account.provider.value
        if not account.is_set:
            lines.append(f"    {name}: no account")
            continue
        tested = (
            f"tested {account.tested_at:%Y-%m-%d %H:%M} UTC on {account.tested_host}"
            if account.tested_at
            else "not tested"
        )
        lines.append(
            f"    {name}: secret {account.fingerprint}, set {account.set_at:%Y-%m-%d %H:%M} UTC "
            f"by {account.set_by or '?'}, {tested}"
        )
        for holder in account.holders:
            which = "current secret" if holder.current else f"OLD secret {holder.fingerprint}"
            lines.append(
                f"      held by {holder.host}: {which}, since "
                f"{holder.stored_at:%Y-%m-%d %H:%M} UTC ({holder.stored_by or '?'})"
            )
        if not account.holders:
            lines.append("      held by: no machine recorded (set before holders were kept)")
    return "\n".join(lines)


def _accounts_dict(status: AccountsStatus) -> dict[str, Any]:
    return {
        "accounts": {
            provider.value: asdict(account) | {"is_set": account.is_set}
            for provider, account in status.accounts.items()
        }
    }


def _status_dict(status: CredentialStatus) -> dict[str, Any]:
    data = asdict(status)
    data["is_set"] = status.is_set
    return data


def _print_json(data: Any) -> None:
    print(json.dumps(data, default=str, ensure_ascii=False, indent=2))
