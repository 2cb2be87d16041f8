"""A deliberately slow database, and a watch on the GUI event loop while it is slow.

``held_lock(workspace)`` starts a real process that takes the SQLite file's lock and keeps it
until the ``with`` block ends. It sets ``locking_mode=EXCLUSIVE`` first, so in WAL mode readers
wait too (a plain write transaction would only stall writers): every query of the GUI then sits
in SQLite's busy timeout, as on a database another program holds. WAL connections keep a
shared lock while open, so the workspace's pooled connections are closed first.

``RepaintCounter(widget)`` asks the widget to repaint every 20 ms and counts the paints that
really happen: while work runs on the GUI thread, none do.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from engage_desktop.core.workspace import Workspace

_HOLDER = r"""
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA locking_mode=EXCLUSIVE")
db.execute("BEGIN EXCLUSIVE")
db.execute("SELECT count(*) FROM sqlite_master").fetchall()
print("locked", flush=True)
sys.stdin.readline()
db.execute("COMMIT")
db.close()
"""


@contextmanager
def held_lock(workspace: Workspace) -> Iterator[None]:
    """Another process holds the workspace file's lock for the duration of the block."""
    path = workspace.location.sqlite_path
    assert isinstance(path, Path), "a SQLite workspace"
    workspace.engine.dispose()
    with held_file_lock(path):
        yield


@contextmanager
def held_file_lock(path: Path) -> Iterator[None]:
    """Another process holds the SQLite file's lock for the duration of the block (nothing of
    this process may have the file open in WAL mode when it starts)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(10)


class RepaintCounter(QObject):
    """Counts the widget's paint events while asking for one every 20 ms."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        self._widget = widget
        widget.installEventFilter(self)
        self._timer = QTimer(self, interval=20)
        self._timer.timeout.connect(widget.update)
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False

    def stop(self) -> None:
        self._timer.stop()
        self._widget.removeEventFilter(self)
