"""``engage-desktop chart NAME --app ID --out FILE``: one analytics chart to PNG, SVG, PDF, or
its table to CSV or XLSX.

Charts: ``trends`` (daily results), ``open-hours``, ``channels`` (the channel comparison),
``fatigue`` (opt-outs by messages received per week), over ``--from``/``--to`` (default: the
last 30 days with data; the open hours: the whole history); ``--channel`` keeps one channel's
daily results, open hours and comparison. ``funnel`` and ``uplift`` are one campaign's:
``--campaign``, or else the newest campaign sent in ``--from``/``--to`` (and on ``--channel``).
Figures come from the cache (computed when missing); the export right is checked before
anything is written.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from engage_desktop.cli.analytics_command import add_goal_options, goal_from_args
from engage_desktop.cli.options import CliError, add_workspace_option

CHARTS = ("trends", "open-hours", "channels", "fatigue", "funnel", "uplift")
CHANNELS = ("push", "in_app", "rich_push", "sms", "email")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-30") from exc


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "chart", help="export an analytics chart (png, svg, pdf) or its table (csv)"
    )
    parser.add_argument("name", choices=CHARTS, metavar="NAME", help=", ".join(CHARTS))
    parser.add_argument("--app", type=int, required=True, help="app id")
    parser.add_argument(
        "--campaign",
        type=int,
        help="campaign id (funnel and uplift; default: the newest sent in --from/--to)",
    )
    parser.add_argument("--variant", help="one variant only (funnel and uplift)")
    parser.add_argument(
        "--out", type=Path, required=True, help="FILE.png, .svg, .pdf, .csv or .xlsx"
    )
    parser.add_argument("--from", dest="first", type=_day, help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="last", type=_day, help="last day (YYYY-MM-DD)")
    parser.add_argument(
        "--channel", choices=CHANNELS, help="one channel only (not for fatigue, which counts all)"
    )
    add_goal_options(parser)
    add_workspace_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.analytics.funnel import CampaignNotFound
    from engage_desktop.ui.analytics.export import ExportError, save_chart, save_table

    goal = goal_from_args(args)
    ws = open_workspace_from_args(args)
    try:
        chart = _chart(ws, args, goal)
        if args.out.suffix.lower() in (".csv", ".xlsx"):
            save_table(ws, args.app, chart, args.out)
        else:
            save_chart(ws, args.app, chart, args.out)
    except (ExportError, CampaignNotFound) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    print(f"Wrote {args.out}")
    return 0


def _chart(ws: Any, args: argparse.Namespace, goal: Any) -> Any:
    from datetime import timedelta

    from engage_desktop.core.analytics.cached import app_channels, app_fatigue, app_trends
    from engage_desktop.ui.analytics import app_charts, timing

    if args.first and args.last and args.last < args.first:
        raise CliError(f"--from {args.first} is after --to {args.last}: the range is empty")
    if args.name in ("funnel", "uplift"):
        return _campaign_chart(ws, args, goal)
    trends = app_trends(ws, args.app)
    if args.name == "open-hours":
        return timing.OpenHoursChart(trends, args.first, args.last, args.channel)
    last = args.last or (max(trends.daily) if trends.daily else ws.clock.now().date())
    first = args.first or last - timedelta(days=29)
    if args.name == "channels":
        only = (args.channel,) if args.channel else None
        return app_charts.ChannelsChart(app_channels(ws, args.app), first, last, only)
    if args.name == "fatigue":
        if args.channel:
            raise CliError("chart fatigue: --channel does not apply (it counts every channel)")
        return app_charts.FatigueChart(app_fatigue(ws, args.app), first, last)
    channels = app_channels(ws, args.app) if args.channel else None
    return timing.TrendsChart(trends, first, last, channels, args.channel)


def _campaign_chart(ws: Any, args: argparse.Namespace, goal: Any) -> Any:
    from engage_desktop.core.analytics.cached import campaign_results
    from engage_desktop.ui.analytics import charts

    campaign = args.campaign if args.campaign is not None else _newest_campaign(ws, args)
    results, _ = campaign_results(ws, campaign, goal)
    if results.app_id != args.app:
        raise CliError(f"campaign {campaign} is not a campaign of app {args.app}")
    kind = charts.FunnelChart if args.name == "funnel" else charts.UpliftChart
    return kind(results, args.variant)


def _newest_campaign(ws: Any, args: argparse.Namespace) -> int:
    """The newest campaign sent in ``--from``/``--to`` on ``--channel``, for funnel and uplift."""
    from engage_desktop.core.analytics.cached import measured_campaigns

    for c in measured_campaigns(ws, args.app):
        day = c.started_at.date() if c.started_at else None
        if args.channel not in (None, c.channel):
            continue
        if (args.first or args.last) and day is None:
            continue
        if (args.first and day < args.first) or (args.last and day > args.last):
            continue
        return c.id
    where = "".join(
        part
        for part in (
            f" on {args.channel}" if args.channel else "",
            f" from {args.first}" if args.first else "",
            f" to {args.last}" if args.last else "",
        )
    )
    raise CliError(
        f"chart {args.name}: app {args.app} has no campaign sent{where}; name one with --campaign"
    )
