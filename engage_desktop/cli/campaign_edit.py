"""``engage-desktop campaign create|list|show|export``: campaigns as JSON, for scripting.

Each sub-command calls the same core use cases as the composer, so permissions, validation and
audit are identical. Heavy imports happen inside the run functions (fast CLI start-up).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    create = subparsers.add_parser("create", help="create a draft campaign from JSON")
    create.add_argument("--app", type=int, required=True, metavar="APP_ID")
    create.add_argument(
        "--json", dest="json_file", default="-", metavar="FILE", help="JSON file (default: stdin)"
    )
    add_workspace_option(create)
    create.set_defaults(func=run_create)
    listing = subparsers.add_parser("list", help="list an app's campaigns")
    listing.add_argument("--app", type=int, required=True, metavar="APP_ID")
    listing.add_argument("--json", action="store_true", help="JSON output")
    listing.add_argument("--archived", action="store_true", help="archived campaigns too")
    add_workspace_option(listing)
    listing.set_defaults(func=run_list)
    for name, helptext in (
        ("show", "a campaign as JSON"),
        ("export", "a campaign as JSON with its validation issues"),
    ):
        sub = subparsers.add_parser(name, help=helptext)
        sub.add_argument("campaign_id", type=int, metavar="ID")
        sub.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
        add_workspace_option(sub)
        sub.set_defaults(func=run_show, export=name == "export")


def _workspace(args: argparse.Namespace) -> Any:
    from engage_desktop.cli.common import open_workspace_from_args

    return open_workspace_from_args(args)


def _read_json(source: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"Cannot read {source}: {exc.strerror}.") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(
            f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}."
        ) from None
    if not isinstance(data, dict):
        raise CliError(f"{source}: expected a JSON object describing the campaign.")
    return data


def run_create(args: argparse.Namespace) -> int:
    from engage_desktop.core.campaigns.edit import export_campaign, save_draft
    from engage_desktop.core.campaigns.model import CampaignDraft, CampaignInputError
    from engage_desktop.security.roles import PermissionDenied

    data = _read_json(args.json_file)
    ws = _workspace(args)
    try:
        draft = CampaignDraft.from_dict({**data, "id": None, "status": "draft"}, app_id=args.app)
        with ws.session() as session:
            campaign_id = save_draft(session, ws.member_id, draft)
        with ws.session() as session:
            out = export_campaign(session, ws.member_id, campaign_id)
    except CampaignInputError as exc:
        raise CliError(f"Invalid campaign: {exc}.") from None
    except PermissionDenied as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from engage_desktop.core.listing import list_campaigns
    from engage_desktop.security.roles import PermissionDenied

    ws = _workspace(args)
    try:
        with ws.session() as session:
            rows = list_campaigns(session, ws.member_id, args.app, include_archived=args.archived)
    except PermissionDenied as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
    items = [
        {
            "id": r.id,
            "name": r.name,
            "format": r.format.value,
            "status": r.status.value,
            "segment": r.segment_name,
            "sent": r.sent,
            "archived": r.archived,
            "updated_at": r.updated_at.isoformat(),
        }
        for r in rows
    ]
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        for item in items:
            print(f"{item['id']:>6}  {item['status']:<10} {item['format']:<9} {item['name']}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from engage_desktop.core.campaigns.edit import CampaignNotFound, export_campaign, get_draft
    from engage_desktop.security.roles import PermissionDenied

    ws = _workspace(args)
    try:
        with ws.session() as session:
            if args.export:
                out = export_campaign(session, ws.member_id, args.campaign_id)
            else:
                out = get_draft(session, ws.member_id, args.campaign_id).to_dict()
    except (CampaignNotFound, PermissionDenied) as exc:
        raise CliError(str(exc)) from None
    finally:
        ws.close()
    text = json.dumps(out, ensure_ascii=False, indent=2)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        print(text)
    return 0
