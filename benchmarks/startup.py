"""Startup: process start → first paint of the main window for a plain `engage-desktop` launch
(workspace from ENGAGE_DESKTOP_DB, system language) on the demo workspace.

Reference, measured in the same run: a bare PySide6 QApplication + empty QMainWindow shown.
Each child process writes the wall-clock time of its first paint; the parent subtracts the
time it launched the process. Goal: ≤ 1.5 × the bare figure (heavy modules imported lazily).

    python -m benchmarks startup [--runs 7] [--users 20000] [--json]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._common import emit, summary

GOAL_RATIO = 1.5

# Both children stop at the first Paint event their main window receives (a top-level widget is
# painted before its children). The filter sits on that window only: a filter on the whole
# application runs Python for every event of every widget (≈ 120 µs each while PySide wraps new
# types), which charged the real window ~30 ms of measurement overhead the empty one did not pay.
_PAINT_HOOK = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            sys.stdout.write(f"{time.time()}\\n"); sys.stdout.flush(); os._exit(0)
        return False

HOOK = FirstPaint()
"""

BARE = (
    _PAINT_HOOK
    + """
app = QApplication(sys.argv[:1])
window = QMainWindow(); window.installEventFilter(HOOK); window.resize(1280, 800); window.show()
app.exec()
"""
)

ENGAGE = (
    _PAINT_HOOK
    + """
import engage_desktop.ui.app as gui

class HookedMainWindow(gui.MainWindow):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.installEventFilter(HOOK)

gui.MainWindow = HookedMainWindow  # run_gui builds the window through this module attribute
from engage_desktop.cli.main import main
sys.exit(main([]))  # the plain `engage-desktop` launch; workspace from ENGAGE_DESKTOP_DB
"""
)


def _time_child(script: str, *args: str, env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, timeout=120
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"child failed ({result.returncode}): {result.stderr[-2000:]}")
    return float(result.stdout.strip().splitlines()[-1]) - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks startup")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from engage_desktop.core.demo.generator import build_demo_workspace
    from engage_desktop.store.location import resolve_workspace

    root = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(root),
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        build_demo_workspace(resolve_workspace(str(path)), users=args.users, seed=1)
        env["XDG_CONFIG_HOME"] = tmp  # fresh QSettings, as on a first start
        _time_child(BARE, env=env)  # warm the OS file cache for both
        env["ENGAGE_DESKTOP_DB"] = str(path)
        _time_child(ENGAGE, str(path), env=env)
        bare, engage = [], []
        for _ in range(args.runs):  # interleaved, so drift affects both alike
            bare.append(_time_child(BARE, env=env))
            engage.append(_time_child(ENGAGE, str(path), env=env))
    b, e = summary(bare), summary(engage)
    ratio = e["median"] / b["median"]
    emit(
        {
            "benchmark": "startup",
            "platform": env["QT_QPA_PLATFORM"],
            "demo_users": args.users,
            "engage_first_paint_s": e,
            "reference_bare_qmainwindow_s": b,
            "ratio_median": round(ratio, 3),
            # Fastest run of each: less sensitive to other processes on a shared machine.
            "ratio_min": round(e["min"] / b["min"], 3),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "goal_ratio": GOAL_RATIO,
            "meets_goal": ratio <= GOAL_RATIO,
        },
        args.json,
    )
    return 0
