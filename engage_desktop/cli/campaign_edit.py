"""``engage-desktop campaign create|update|list|show|export``: campaigns as JSON, for scripts.

The JSON accepted by ``create`` is what ``export`` prints, so a campaign can be copied between
workspaces or edited in a text editor.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    create = subparsers.add_parser("create", help="create a campaign from JSON (file or stdin)")
    create.add_argument("--app", type=int, required=True, metavar="APP_ID", help="app id")
    create.add_argument("file", nargs="?", default="-", help="JSON file (default: - for stdin)")
    create.set_defaults(func=run_create)

    update = subparsers.add_parser("update", help="replace a draft campaign from JSON")
    update.add_argument("id", type=int, help="campaign id")
    update.add_argument("file", nargs="?", default="-", help="JSON file (default: - for stdin)")
    update.set_defaults(func=run_update)

    listing = subparsers.add_parser("list", help="list an app's campaigns")
    listing.add_argument("--app", type=int, required=True, metavar="APP_ID", help="app id")
    listing.add_argument("--status", default=None, help="only campaigns with this status")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(func=run_list)

    readers = []
    for name, func, text in (
        ("show", run_show, "show a campaign, its variants and validation issues (JSON)"),
        ("export", run_export, "export a campaign as JSON that 'create' accepts"),
    ):
        parser = subparsers.add_parser(name, help=text)
        parser.add_argument("id", type=int, help="campaign id")
        if name == "export":
            parser.add_argument("-o", "--output", default="-", help="file (default: stdout)")
        parser.set_defaults(func=func)
        readers.append(parser)
    for parser in (create, update, listing, *readers):
        add_workspace_option(parser)


def _read_json(path: str) -> Any:
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()  # noqa: SIM115
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = "stdin" if path == "-" else path
        raise CliError(
            f"{where}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None


def _call(func: Any, *args: Any) -> Any:
    """Run a use case on the workspace, turning campaign errors into clean CLI errors."""
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.campaigns import CampaignError

    ws = open_workspace_from_args(args[0])
    try:
        return func(ws, *args[1:])
    except CampaignError as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()


def _draft(data: Any) -> Any:
    from engage_desktop.core.campaigns import CampaignDraft, CampaignError

    try:
        return CampaignDraft.from_dict(data)
    except CampaignError as exc:
        raise CliError(str(exc)) from None


def _print(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def run_create(args: argparse.Namespace) -> int:
    from engage_desktop.core.campaigns import create_campaign

    view = _call(create_campaign, args, args.app, _draft(_read_json(args.file)))
    _print(view.to_dict())
    return 0


def run_update(args: argparse.Namespace) -> int:
    from engage_desktop.core.campaigns import update_campaign

    view = _call(update_campaign, args, args.id, _draft(_read_json(args.file)))
    _print(view.to_dict())
    return 0


def run_list(args: argparse.Namespace) -> int:
    from engage_desktop.core.campaigns import list_campaigns
    from engage_desktop.store.models import CampaignStatus

    status = None
    if args.status is not None:
        try:
            status = CampaignStatus(args.status)
        except ValueError:
            allowed = ", ".join(s.value for s in CampaignStatus)
            raise CliError(f"--status must be one of {allowed}") from None
    rows = _call(list_campaigns, args, args.app, status)
    if args.json:
        _print([r.to_dict() for r in rows])
        return 0
    for r in rows:
        print(f"{r.id:>6}  {r.status.value:<10} {r.format.value:<9} {r.variant_count:>2}  {r.name}")
    if not rows:
        print("No campaigns.")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from engage_desktop.core.campaigns import get_campaign

    _print(_call(get_campaign, args, args.id).to_dict())
    return 0


def run_export(args: argparse.Namespace) -> int:
    from engage_desktop.core.campaigns import export_campaign

    data = _call(export_campaign, args, args.id)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if args.output == "-":
        print(text)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text + "\n")
    return 0
