"""``engage-desktop report --campaign ID --out FILE.pdf``: a campaign's report to take away.

Pages: the funnel, the daily results around the send, open hours, the A/B verdict against the
control group, the audience table and each variant's content. Needs the export right on the
campaign's app.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from engage_desktop.cli.analytics_command import add_goal_options, goal_from_args
from engage_desktop.cli.options import CliError, add_workspace_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "report", help="write a campaign's multi-page PDF report"
    )
    parser.add_argument("--campaign", type=int, required=True, help="campaign id")
    parser.add_argument("--out", type=Path, required=True, help="FILE.pdf")
    add_goal_options(parser)
    add_workspace_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.analytics.cached import app_trends, campaign_results
    from engage_desktop.core.analytics.funnel import CampaignNotFound
    from engage_desktop.ui.analytics.charts import verdict_sentence
    from engage_desktop.ui.analytics.export import ExportError, save_report
    from engage_desktop.ui.analytics.text import ChartText

    goal = goal_from_args(args)
    ws = open_workspace_from_args(args)
    try:
        results, _ = campaign_results(ws, args.campaign, goal)
        save_report(ws, results, app_trends(ws, results.app_id), args.out)
    except (ExportError, CampaignNotFound) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ws.close()
    print(f"Wrote {args.out}")
    reference = results.reference.key if results.reference else None
    for variant in results.compared(results.variants):
        print(verdict_sentence(results.uplift(variant), variant.key, ChartText(), reference))
    return 0
