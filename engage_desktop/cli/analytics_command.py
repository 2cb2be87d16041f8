"""``engage-desktop analytics refresh --app ID [--json]``: recompute an app's cached analytics.

The Analytics page and the ``chart`` and ``report`` commands read the cache; this fills it
(after an import or a send, or from a scheduled job) so they open instantly and offline.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from engage_desktop.cli.options import CliError, add_workspace_option


def add_goal_options(parser: argparse.ArgumentParser) -> None:
    """``--event`` and ``--window``: what counts as a conversion (shared by chart and report)."""
    parser.add_argument(
        "--event",
        default="",
        help="conversion event name (default: the campaign's own conversions)",
    )
    parser.add_argument(
        "--window", type=int, default=7, metavar="DAYS", help="attribution window in days (7)"
    )


def goal_from_args(args: argparse.Namespace) -> Any:
    from engage_desktop.core.analytics.conversion import ConversionGoal

    try:
        return ConversionGoal(args.event, args.window)
    except ValueError as exc:
        raise CliError(f"--window/--event: {exc}") from exc


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "analytics", help="recompute the cached analytics of an app"
    )
    sub = parser.add_subparsers(dest="analytics_command", metavar="ACTION", required=True)
    refresh = sub.add_parser("refresh", help="recompute trends, open hours and every campaign")
    refresh.add_argument("--app", type=int, required=True, help="app id")
    refresh.add_argument("--json", action="store_true", help="print JSON")
    add_goal_options(refresh)
    add_workspace_option(refresh)
    refresh.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import TerminalProgress, open_workspace_from_args
    from engage_desktop.core.analytics.cached import app_trends, measured_campaigns, refresh_app

    goal = goal_from_args(args)
    ws = open_workspace_from_args(args)
    bar = TerminalProgress("Refreshing analytics")
    try:
        count = refresh_app(ws, args.app, goal, progress=bar.progress())
        bar.close()
        trends = app_trends(ws, args.app)
        campaigns = measured_campaigns(ws, args.app)
    finally:
        ws.close()
    summary = {
        "app_id": args.app,
        "figures": count,
        "campaigns": [c.id for c in campaigns],
        "days": len(trends.daily),
        "best_hour": trends.best_hour,
        "computed_at": trends.figure.computed_at.isoformat(),
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(
            f"{count} figures recomputed for app {args.app}: {len(campaigns)} campaigns, "
            f"{len(trends.daily)} days of results, best hour "
            f"{'unknown' if trends.best_hour is None else f'{trends.best_hour} h'}."
        )
    return 0
