"""``engage-desktop campaign …``: scripting campaigns (JSON in, JSON out).

Sub-commands come from the modules in ``SUBCOMMAND_MODULES``, each with
``register(campaign_subparsers)``: editing (create, list, show, export) and sending (send, status)
live apart.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

SUBCOMMAND_MODULES: list[str] = [
    "engage_desktop.cli.campaign_edit",
    "engage_desktop.cli.campaign_send",
    "engage_desktop.cli.campaign_retry",
    "engage_desktop.cli.campaign_approval",
    "engage_desktop.cli.campaign_tidy",
]


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "campaign", help="create, inspect, export and send campaigns"
    )
    campaign_subparsers = parser.add_subparsers(
        dest="campaign_command", metavar="ACTION", required=True
    )
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(campaign_subparsers)
