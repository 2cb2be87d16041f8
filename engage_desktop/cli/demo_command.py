"""``engage-desktop demo``: build the deterministic French demo workspace."""

from __future__ import annotations

import argparse
from typing import Any

from engage_desktop.cli.options import add_workspace_option
from engage_desktop.core.demo import DEFAULT_GUI_USERS


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo",
        help="build the demo workspace (two French apps, profiles, devices, events, campaigns)",
        description="Build a deterministic, realistic French demo workspace. The same --seed on "
        "the same day gives the same data. 1,000,000 users (≈ 20 M events) take a few minutes.",
    )
    add_workspace_option(parser)
    parser.add_argument(
        "--users",
        type=_positive,
        default=DEFAULT_GUI_USERS,
        help=f"number of end users (default {DEFAULT_GUI_USERS:,})",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--replace", action="store_true", help="overwrite an existing SQLite workspace file"
    )
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 10:
        raise argparse.ArgumentTypeError("the demo needs at least 10 users")
    return value


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import TerminalProgress
    from engage_desktop.core.demo.generator import build_demo_workspace
    from engage_desktop.store.location import resolve_workspace

    location = resolve_workspace(args.workspace)
    bar = TerminalProgress("Building demo")
    try:
        summary = build_demo_workspace(
            location,
            users=args.users,
            seed=args.seed,
            replace=args.replace,
            progress=bar.progress(),
        )
    finally:
        bar.close()
    print(
        f"Demo workspace ready at {summary.location}: {summary.profiles:,} profiles, "
        f"{summary.devices:,} devices, {summary.events:,} events, {summary.campaigns} campaigns "
        f"in {summary.seconds:.1f} s."
    )
    return 0
