"""``engage-desktop``: with no command it opens the GUI; commands script the same core functions.

Each command lives in its own module with a ``register(subparsers)`` function; add the module to
``COMMAND_MODULES`` to expose it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from engage_desktop import __version__
from engage_desktop.cli.options import EXIT_ERROR, EXIT_INTERRUPTED, CliError
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.errors import WorkspaceError

if TYPE_CHECKING:
    import argparse

COMMAND_MODULES = [
    "engage_desktop.cli.gui_command",
    "engage_desktop.cli.demo_command",
    "engage_desktop.cli.info_command",
    "engage_desktop.cli.service_command",
    "engage_desktop.cli.sandbox_command",
    "engage_desktop.cli.campaign_command",
    "engage_desktop.cli.segment_command",
    "engage_desktop.cli.import_command",
    "engage_desktop.cli.device_command",
    "engage_desktop.cli.credentials_command",
    "engage_desktop.cli.channel_event_command",
    "engage_desktop.cli.app_command",
    "engage_desktop.cli.member_command",
    "engage_desktop.cli.audit_command",
    "engage_desktop.cli.analytics_command",
    "engage_desktop.cli.chart_command",
    "engage_desktop.cli.report_command",
]


def _global_parser(*, add_help: bool = True) -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        add_help=add_help,
        prog="engage-desktop",
        description="Engage Desktop: compose, preview, target and send mobile engagement "
        "campaigns. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--workspace",
        metavar="PATH_OR_URL",
        default=None,
        help="workspace SQLite file or SQLAlchemy URL (default: $ENGAGE_DESKTOP_DB, "
        "then the file in your user data folder)",
    )
    parser.add_argument(
        "--lang", choices=["fr", "en"], default=None, help="interface language (default: system)"
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _global_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _plain_gui_launch(argv: Sequence[str]) -> Any:
    """``engage-desktop [--workspace X] [--lang L]``: parsed without loading every command.

    The GUI is the most common start; registering all commands first would delay its window.
    """
    from engage_desktop.cli import gui_command

    if not argv:  # the plain launch: nothing to parse
        return SimpleNamespace(workspace=None, lang=None, func=gui_command.run)
    args, rest = _global_parser(add_help=False).parse_known_args(argv)
    if rest:
        return None
    args.func = gui_command.run
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _plain_gui_launch(argv)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            args = parser.parse_args([*argv, "gui"])
    try:
        return int(args.func(args))
    except (WorkspaceError, CliError, PermissionDenied) as exc:
        print(f"engage-desktop: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("engage-desktop: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
