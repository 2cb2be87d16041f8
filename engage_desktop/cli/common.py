"""Helpers shared by CLI commands: opening the workspace, terminal progress, clean errors."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from engage_desktop.cli.options import EXIT_ERROR, EXIT_INTERRUPTED, CliError, add_workspace_option
from engage_desktop.core.progress import CancelToken, Progress

__all__ = [
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "CliError",
    "TerminalProgress",
    "add_workspace_option",
    "open_workspace_from_args",
]

if TYPE_CHECKING:
    from engage_desktop.core.workspace import Workspace


def open_workspace_from_args(args: argparse.Namespace, *, create: bool = False) -> Workspace:
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace

    return open_for_current_user(resolve_workspace(args.workspace), create=create)


class TerminalProgress:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr  # the stderr of now, not of import time
        self.width = width
        self.started = time.monotonic()
        self._last_draw = 0.0
        self.token = CancelToken()

    def progress(self) -> Progress:
        return Progress(self._draw, self.token)

    def _draw(self, done: int, total: int | None, message: str) -> None:
        now = time.monotonic()
        interval = 0.1 if self.stream.isatty() else 2.0  # logs get a line every 2 s, not a flood
        if now - self._last_draw < interval and (total is None or done < total):
            return
        self._last_draw = now
        elapsed = now - self.started
        if total:
            share = min(done / total, 1.0)
            filled = int(share * self.width)
            bar = "█" * filled + "·" * (self.width - filled)
            eta = (elapsed / share - elapsed) if share > 0 else 0
            line = (
                f"{self.label} [{bar}] {share:6.1%} {message} — {elapsed:4.0f}s, ~{eta:4.0f}s left"
            )
        else:
            line = f"{self.label} {done:,} {message} — {elapsed:4.0f}s"
        if self.stream.isatty():
            self.stream.write("\r\x1b[2K" + line)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.stream.isatty():
            self.stream.write("\n")
            self.stream.flush()


CommandFunc = Callable[[argparse.Namespace], int]
