"""``engage-desktop channel-event sms-status|unsubscribe``: provider events back into the workspace.

Twilio calls the app's status callback URL and a mail client posts to the ``List-Unsubscribe``
URL; neither can reach a desktop workspace directly. Whatever serves those URLs (a small web
endpoint the team runs, or a person reading its log) hands each event to this command on a
machine with the workspace. The unsubscribe token is signed with the app's key in this
machine's keyring, so a forged one is refused.
"""

from __future__ import annotations

import argparse
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "channel-event", help="record an SMS status callback or an email unsubscribe"
    )
    sub = parser.add_subparsers(dest="event", metavar="EVENT", required=True)
    status = sub.add_parser("sms-status", help="a Twilio status callback (MessageSid, status)")
    status.add_argument("--sid", required=True, help="Twilio's MessageSid")
    status.add_argument(
        "--status", required=True, choices=["queued", "sent", "delivered", "undelivered", "failed"]
    )
    status.add_argument("--error-code", default=None, help="Twilio's ErrorCode, if any")
    unsubscribe = sub.add_parser("unsubscribe", help="a one-click unsubscribe token (RFC 8058)")
    unsubscribe.add_argument("token", help="the last part of the unsubscribe URL")
    for action in (status, unsubscribe):
        add_workspace_option(action)
        action.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.outbox.opt_outs import BadToken, relay_sms_status, relay_unsubscribe
    from engage_desktop.security.vault import Vault, VaultUnavailable

    workspace = open_workspace_from_args(args)
    try:
        if args.event == "sms-status":
            if not relay_sms_status(workspace, args.sid, args.status, args.error_code):
                raise CliError(f"No message was sent with the SID {args.sid}.")
            print(f"Recorded: {args.sid} {args.status}.")
            return 0
        profile = relay_unsubscribe(workspace, Vault.system(), args.token)
        print(f"Profile {profile} will receive no more email.")
        return 0
    except (BadToken, VaultUnavailable) as exc:
        raise CliError(str(exc)) from None
    finally:
        workspace.close()
