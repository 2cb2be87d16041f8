"""``credentials unsubscribe-key --app ID --export|--import``: hand the workspace's
unsubscribe-link key from one machine's keyring to another's.

Every machine that sends an app's email, or verifies its unsubscribe links, needs the same key
(``core.credentials.unsubscribe_key``). ``--export`` prints it on a machine that has it;
``--import`` reads it from standard input (never from the command line, where it would sit in
the shell's history) and stores it once checked against the workspace's fingerprint, e.g.
``ssh sender-a engage-desktop credentials unsubscribe-key --app 1 --export |
engage-desktop credentials unsubscribe-key --app 1 --import``. Admins only.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register_unsubscribe_key(sub: Any) -> None:
    parser: argparse.ArgumentParser = sub.add_parser(
        "unsubscribe-key", help="copy the app's unsubscribe-link key between machines' keyrings"
    )
    parser.add_argument("--app", type=int, required=True, help="app id")
    way = parser.add_mutually_exclusive_group(required=True)
    way.add_argument("--export", action="store_true", help="print this machine's copy")
    way.add_argument("--import", dest="import_", action="store_true", help="read it from stdin")
    add_workspace_option(parser)
    parser.set_defaults(func=run_unsubscribe_key)


def run_unsubscribe_key(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.credentials.unsubscribe_key import (
        UnsubscribeKeyError,
        export_key,
        import_key,
    )
    from engage_desktop.security.vault import Vault, VaultUnavailable

    ws = open_workspace_from_args(args)
    try:
        if args.export:
            print(export_key(ws, Vault.system(), args.app))
        else:
            import_key(ws, Vault.system(), args.app, sys.stdin.readline())
            print(f"App {args.app}'s unsubscribe-link key is in this machine's keyring.")
        return 0
    except (UnsubscribeKeyError, VaultUnavailable) as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
