"""``engage-desktop gui`` (also the default): open the app window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

from engage_desktop.cli.options import add_workspace_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "gui", help="open the app window (the default when no command is given)"
    )
    add_workspace_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.ui.app import run_gui  # Qt is loaded only when the GUI is wanted

    return run_gui(args.workspace, args.lang)
