"""``engage-desktop campaign retry ID``: send a campaign's failed messages again.

Only failed messages go again, with their own message ids (what was delivered is not resent);
devices that can no longer receive them (token rejected, consent withdrawn) stay failed, counted
by reason. ``--wait`` follows the send like ``campaign send --wait``.
"""

from __future__ import annotations

import argparse
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    retry = subparsers.add_parser(
        "retry", help="send a campaign's failed messages again (not what was delivered)"
    )
    retry.add_argument("campaign_id", type=int, metavar="ID")
    retry.add_argument("--wait", action="store_true", help="follow the progress until it ends")
    add_workspace_option(retry)
    retry.set_defaults(func=run_retry)


def run_retry(args: argparse.Namespace) -> int:
    from engage_desktop.cli.campaign_send import wait_for_end
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.outbox.errors import SendError
    from engage_desktop.core.outbox.retry import retry_failed

    ws = open_workspace_from_args(args)
    try:
        result = retry_failed(ws, args.campaign_id)
        kept = ", ".join(f"{k} {v:,}" for k, v in sorted(result.kept.items())) or "none"
        print(
            f"Campaign {args.campaign_id}: {result.queued:,} failed messages queued again; "
            f"left failed: {kept}."
        )
        return wait_for_end(ws, args.campaign_id) if args.wait and result.queued else 0
    except SendError as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
