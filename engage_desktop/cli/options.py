"""What every command needs at registration time, kept import-light (argparse only), so that
``engage-desktop --help`` and the GUI start fast."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

# Exit codes: 0 ok, 1 user-facing error (bad input, workspace problem), 2 usage (argparse),
# 130 interrupted.
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


class CliError(Exception):
    """An error whose message is printed as-is on stderr, without a traceback."""


def add_workspace_option(parser: argparse.ArgumentParser) -> None:
    import argparse

    parser.add_argument(
        "--workspace",
        metavar="PATH_OR_URL",
        default=argparse.SUPPRESS,
        help="workspace SQLite file or SQLAlchemy URL (default: $ENGAGE_DESKTOP_DB, "
        "then the file in your user data folder)",
    )
