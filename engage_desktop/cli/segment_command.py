"""``engage-desktop segment create|count|list|export``: saved segments from the command line."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "segment", help="create, count, list and export audience segments"
    )
    sub = parser.add_subparsers(dest="segment_command", metavar="ACTION", required=True)

    create = sub.add_parser("create", help="save a segment from a JSON rule document")
    create.add_argument("--app", type=int, required=True, help="app id")
    create.add_argument("--name", required=True)
    create.add_argument("--description", default=None)
    create.add_argument("--rules", required=True, help="JSON text, a .json file, or - for stdin")

    count = sub.add_parser("count", help="count a saved segment (and cache it) or ad-hoc rules")
    target = count.add_mutually_exclusive_group(required=True)
    target.add_argument("--segment", type=int, help="saved segment id (its cache is refreshed)")
    target.add_argument("--rules", help="JSON text, a .json file, or - for stdin (needs --app)")
    count.add_argument("--app", type=int, help="app id for --rules")

    listing = sub.add_parser("list", help="list an app's segments with their cached counts")
    listing.add_argument("--app", type=int, required=True)

    export = sub.add_parser("export", help="write a segment's members as CSV")
    export.add_argument("--segment", type=int, required=True)
    export.add_argument("--output", default="-", help="CSV file (default: standard output)")
    export.add_argument("--refresh", action="store_true", help="recount before exporting")

    for p in (create, count, listing, export):
        add_workspace_option(p)
        p.add_argument("--json", action="store_true", help="print JSON")
        p.set_defaults(func=run)


def _read_rules(text: str) -> dict[str, Any]:
    if text == "-":
        text = sys.stdin.read()
    elif not text.lstrip().startswith("{"):
        path = Path(text)
        if not path.is_file():
            raise CliError(f"--rules: no such file {text!r} (or give JSON text)")
        text = path.read_text(encoding="utf-8")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CliError(f"--rules: not valid JSON: {exc}") from exc
    if isinstance(doc, dict) and "rules" not in doc:
        doc = {"version": 1, "rules": doc}  # a bare rule tree
    if not isinstance(doc, dict):
        raise CliError("--rules: expected a JSON object")
    return doc


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.segments import RuleError
    from engage_desktop.core.segments.saved import SegmentError

    workspace = open_workspace_from_args(args)
    try:
        return int(_ACTIONS[args.segment_command](workspace, args))
    except (RuleError, SegmentError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        workspace.close()


def _create(ws: Any, args: argparse.Namespace) -> int:
    from engage_desktop.core.segments.saved import create_segment

    seg_id = create_segment(ws, args.app, args.name, _read_rules(args.rules), args.description)
    print(json.dumps({"id": seg_id}) if args.json else f"Created segment {seg_id}")
    return 0


def _count(ws: Any, args: argparse.Namespace) -> int:
    from engage_desktop.core.segments import count_segment, parse_rules
    from engage_desktop.core.segments.saved import refresh_segment
    from engage_desktop.security.roles import Permission, require

    if args.segment is not None:
        counted = refresh_segment(ws, args.segment)
    else:
        if args.app is None:
            raise CliError("--rules needs --app")
        rule = parse_rules(_read_rules(args.rules))
        with ws.session() as session:
            require(session, ws.member_id, args.app, Permission.VIEW_AUDIENCE)
            counted = count_segment(session, args.app, rule, ws.clock.now())
    if args.json:
        print(json.dumps({"profiles": counted.profiles, "reachable": counted.reachable}))
    else:
        reach = ", ".join(f"{k} {v:,}" for k, v in counted.reachable.items())
        print(f"{counted.profiles:,} profiles (reachable: {reach})")
    return 0


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "never counted"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{int(seconds // size)} {unit} ago"
    return "just now"


def _list(ws: Any, args: argparse.Namespace) -> int:
    from engage_desktop.core.segments.saved import list_segments

    rows = list_segments(ws, args.app)
    if args.json:
        out = [
            {
                "id": s.id,
                "name": s.name,
                "count": s.cached_count,
                "reachable": s.cached_reachable,
                "computed_at": s.computed_at.isoformat() if s.computed_at else None,
                "age_seconds": s.age_seconds,
            }
            for s in rows
        ]
        print(json.dumps(out, indent=2))
        return 0
    if not rows:
        print("No segments.")
    for s in rows:
        count = "—" if s.cached_count is None else f"{s.cached_count:,}"
        print(f"{s.id:>5}  {s.name:<40}  {count:>12}  {_age(s.age_seconds)}")
    return 0


def _export(ws: Any, args: argparse.Namespace) -> int:
    from engage_desktop.core.segments.saved import (
        refresh_segment,
        segment_members,
        segment_summary,
    )

    # The export reads the membership snapshot; a never-counted segment is counted first.
    if args.refresh or segment_summary(ws, args.segment).computed_at is None:
        refresh_segment(ws, args.segment)
    members = segment_members(ws, args.segment)
    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="", encoding="utf-8")  # noqa: SIM115
    try:
        writer = csv.writer(out)
        writer.writerow(["profile_id", "external_id", "email"])
        writer.writerows(members)
    finally:
        if out is not sys.stdout:
            out.close()
    if args.output != "-":
        print(f"Wrote {len(members):,} members to {args.output}", file=sys.stderr)
    return 0


_ACTIONS = {"create": _create, "count": _count, "list": _list, "export": _export}
