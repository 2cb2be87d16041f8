"""``engage-desktop segment create|count|list|overview|export``: segments from the command line.

Counts and the overview come from the workspace's local cache when it holds them, with their
age (they open offline); ``--refresh`` recomputes and caches them.
"""

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
        "segment", help="create, count, list and export audience segments; audience overview"
    )
    sub = parser.add_subparsers(dest="segment_command", metavar="ACTION", required=True)

    create = sub.add_parser("create", help="save a segment from a JSON rule document")
    create.add_argument("--app", type=int, required=True, help="app id")
    create.add_argument("--name", required=True)
    create.add_argument("--description", default=None)
    create.add_argument("--rules", required=True, help="JSON text, a .json file, or - for stdin")

    count = sub.add_parser(
        "count", help="a saved segment's count (cached, with its age) or ad-hoc rules' count"
    )
    target = count.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--segment", type=int, help="saved segment id (its cached figures unless --refresh)"
    )
    target.add_argument("--rules", help="JSON text, a .json file, or - for stdin (needs --app)")
    count.add_argument("--app", type=int, help="app id for --rules")
    count.add_argument(
        "--refresh", action="store_true", help="recount the saved segment now and cache it"
    )

    listing = sub.add_parser("list", help="list an app's segments with their cached counts")
    listing.add_argument("--app", type=int, required=True)
    listing.add_argument("--refresh", action="store_true", help="recount every segment first")

    overview = sub.add_parser(
        "overview", help="the app's audience at a glance (cached, with its age)"
    )
    overview.add_argument("--app", type=int, required=True)
    overview.add_argument("--refresh", action="store_true", help="recompute and cache it now")

    export = sub.add_parser("export", help="write a segment's members as CSV")
    export.add_argument("--segment", type=int, required=True)
    export.add_argument("--output", default="-", help="CSV file (default: standard output)")
    export.add_argument("--refresh", action="store_true", help="recount before exporting")

    for p in (create, count, listing, overview, export):
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
    from engage_desktop.core.segments.saved import refresh_segment, segment_summary
    from engage_desktop.security.roles import Permission, require

    if args.segment is not None:
        cached = segment_summary(ws, args.segment)
        if args.refresh or cached.cached_count is None or cached.computed_at is None:
            refresh_segment(ws, args.segment)
            cached = segment_summary(ws, args.segment)
            from_cache = False
        else:
            from_cache = True
        profiles, reachable = cached.cached_count, dict(cached.cached_reachable or {})
        computed_at, age = cached.computed_at, cached.age_seconds
    else:
        if args.refresh:
            raise CliError("--refresh is for a saved --segment (ad-hoc rules are always counted)")
        if args.app is None:
            raise CliError("--rules needs --app")
        rule = parse_rules(_read_rules(args.rules))
        computed_at, age, from_cache = ws.clock.now(), 0.0, False
        with ws.session() as session:
            require(session, ws.member_id, args.app, Permission.VIEW_AUDIENCE)
            counted = count_segment(session, args.app, rule, computed_at)
        profiles, reachable = counted.profiles, counted.reachable
    if args.json:
        print(
            json.dumps(
                {
                    "profiles": profiles,
                    "reachable": reachable,
                    "computed_at": computed_at.isoformat() if computed_at else None,
                    "age_seconds": age,
                    "from_cache": from_cache,
                }
            )
        )
    else:
        reach = ", ".join(f"{k} {v:,}" for k, v in reachable.items())
        print(f"{profiles:,} profiles (reachable: {reach})")
        print(_provenance(from_cache, age))
    return 0


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "never counted"
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{int(seconds // size)} {unit} ago"
    return "just now"


def _provenance(from_cache: bool, age: float | None) -> str:
    if from_cache:
        return f"From the local cache, counted {_age(age)}; --refresh to recount."
    return "Counted just now."


def _list(ws: Any, args: argparse.Namespace) -> int:
    from engage_desktop.core.segments.saved import list_segments, refresh_segment

    if args.refresh:
        for seg in list_segments(ws, args.app):
            refresh_segment(ws, seg.id)
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
    from engage_desktop.core.csv_cells import neutralised
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
        writer.writerows(neutralised(members))
    finally:
        if out is not sys.stdout:
            out.close()
    if args.output != "-":
        print(f"Wrote {len(members):,} members to {args.output}", file=sys.stderr)
    return 0


def _overview(ws: Any, args: argparse.Namespace) -> int:
    from engage_desktop.core.audience_overview import audience_overview

    view = audience_overview(ws, args.app, refresh=args.refresh)
    if args.json:
        print(
            json.dumps(
                {
                    "profiles": view.profiles,
                    "new": view.new,
                    "active": view.active,
                    "reachable": view.reachable,
                    "devices_by_platform": view.devices_by_platform,
                    "daily_active": [[d.isoformat(), n] for d, n in view.daily_active],
                    "computed_at": view.computed_at.isoformat(),
                    "age_seconds": view.age_seconds,
                    "from_cache": view.from_cache,
                },
                indent=2,
            )
        )
        return 0
    windows = sorted(view.new)
    print(f"Profiles: {view.profiles:,}")
    for label, figures in (("New", view.new), ("Active", view.active)):
        print(f"{label}: " + ", ".join(f"{figures[n]:,} in {n} d" for n in windows))
    print("Reachable: " + ", ".join(f"{k} {v:,}" for k, v in view.reachable.items()))
    print("Devices: " + ", ".join(f"{k} {v:,}" for k, v in view.devices_by_platform.items()))
    recent = view.daily_active[-7:]
    print("Daily active (last 7 days): " + ", ".join(f"{d:%d/%m} {n:,}" for d, n in recent))
    print(_provenance(view.from_cache, view.age_seconds))
    return 0


_ACTIONS = {
    "create": _create,
    "count": _count,
    "list": _list,
    "overview": _overview,
    "export": _export,
}
