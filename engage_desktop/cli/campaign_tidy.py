"""``engage-desktop campaign archive|unarchive|delete ID``: tidy the campaign list.

Archive hides a completed or cancelled campaign from ``campaign list`` (``--archived`` shows
it); delete removes a draft for good. Both ask first on a terminal; elsewhere they want
``--yes``, so a script never deletes by accident.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    for name, help_text in (
        ("archive", "hide a completed or cancelled campaign from the list"),
        ("unarchive", "bring an archived campaign back to the list"),
        ("delete", "delete a draft (campaigns that were scheduled or sent are kept)"),
    ):
        parser = subparsers.add_parser(name, help=help_text)
        parser.add_argument("campaign_id", type=int, metavar="ID")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        add_workspace_option(parser)
        parser.set_defaults(func=run_tidy, tidy_action=name)


def _confirmed(question: str, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CliError(f"{question} Pass --yes to confirm (no terminal to ask on).")
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes", "o", "oui")


def run_tidy(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.campaigns.edit import CampaignNotFound, get_draft
    from engage_desktop.core.campaigns.housekeeping import CampaignKept, delete_draft, set_archived

    ws = open_workspace_from_args(args)
    action, campaign_id = args.tidy_action, args.campaign_id
    try:
        with ws.session_factory() as session:
            name = get_draft(session, ws.member_id, campaign_id).name
        question = {
            "archive": f"Archive campaign {campaign_id} '{name}'?",
            "unarchive": f"Bring campaign {campaign_id} '{name}' back to the list?",
            "delete": f"Delete draft {campaign_id} '{name}' for good?",
        }[action]
        if not _confirmed(question, args.yes):
            print("Nothing changed.")
            return 1
        with ws.session() as session:
            if action == "delete":
                delete_draft(session, ws.member_id, campaign_id)
            else:
                set_archived(
                    session, ws.member_id, campaign_id, ws.clock.now(), action == "archive"
                )
        print(f"Campaign {campaign_id} '{name}': {action}d.")
        return 0
    except (CampaignKept, CampaignNotFound) as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
