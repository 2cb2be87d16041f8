"""The builder's live count on a 1,000,000-user demo: latency, GUI responsiveness, interruption.

    python -m benchmarks segment_live_count [--json] [--workspace PATH] [--runs 3]

For a few rules, measured through ``ui.audience.live_count.LiveCounter`` (offscreen Qt):
- *latency*: from the (debounced) start to the number of profiles shown, and to the figures
  with their reach shown, against the same-run
  reference of ``count_segment`` called directly (goal: at most 100 ms of overhead);
- *GUI stall*: the longest gap between ticks of a 5 ms timer on the GUI thread while counting
  (goal: <= 50 ms, the thread never waits for the database);
- *stale edit*: a slow rule is started and a fast one requested right after: the time until the
  fast rule's figures show, against the slow rule's own count time (the slow query is
  interrupted in SQLite rather than waited for).

The workspace defaults to the segment_catalog benchmark's private, migrated copy.

Measured 2026-11-23 on the shared 2-core machine (load 1.3-2, runs=3, after segperf's compiler
work): number shown / figures with reach shown / direct count_segment, p50 ms — city 3.5 / 93 /
88 (worst GUI stall 6 ms); purchase >= 2 in 30 days 52 / 136 / 87 (6 ms); 10 km of any store
and push consent 2,018 / 5,257 / 3,184 (15 ms): the number comes first, and the full figures
pay the extra number query (goal missed on this heavy rule). Run side by side instead, the two
queries slowed each other: number 4,975, full 5,858. Stale edit: the slow rule alone takes
2.5 s; the newer rule's figures showed after 99 ms, the only figures shown.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

from benchmarks._common import emit, summary

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

APP = 1
OVERHEAD_GOAL_MS = 100.0
STALL_GOAL_MS = 50.0

RULES: dict[str, dict[str, Any]] = {
    "city": {"type": "attribute", "field": "city", "op": "equals", "value": "Lyon"},
    "purchase >= 2 in 30 days": {
        "type": "event",
        "name": "purchase",
        "min_count": 2,
        "within_days": 30,
    },
    "10 km of any store and push consent": {
        "all": [
            {"type": "location", "any_store": True, "radius_km": 10},
            {"type": "consent", "channel": "push", "state": "granted"},
        ]
    },
}
SLOW = {"type": "attribute", "field": "attributes.interests", "op": "contains", "value": "jardin"}
FAST = RULES["city"]


def _doc(rule: dict[str, Any]) -> dict[str, Any]:
    return {"version": 1, "rules": rule}


class _Probe:
    """Runs the Qt event loop until a condition holds, recording the longest tick gap."""

    def __init__(self, app: Any) -> None:
        from PySide6.QtCore import QTimer

        self.app = app  # keeps the QApplication alive with the probe
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000)
        self.last = now

    def wait(self, done: Any, timeout: float = 120.0) -> None:
        """Run a real (idle-waiting) event loop until ``done()``, as the application would."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        check = QTimer(interval=5)
        check.timeout.connect(lambda: loop.quit() if done() else None)
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        self.last, self.worst = time.perf_counter(), 0.0
        check.start()
        loop.exec()
        check.stop()
        if not done():
            raise TimeoutError("live count did not answer")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks segment_live_count")
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from benchmarks.segment_catalog import _workspace
    from benchmarks.segments import _open
    from engage_desktop.core.segments import count_segment, parse_rules
    from engage_desktop.ui.audience.live_count import LiveCounter

    app = QApplication.instance() or QApplication([])
    ws, _ = _open(_workspace(args.workspace))
    counter = LiveCounter(ws, delay_ms=0)
    shown: list[Any] = []
    shown_at: list[float] = []
    counter.counted.connect(shown.append)
    counter.counted.connect(lambda _f: shown_at.append(time.perf_counter()))
    number_at: list[float] = []
    counter.profiles_counted.connect(lambda _f: number_at.append(time.perf_counter()))
    counter.set_app(APP)
    probe = _Probe(app)
    results: dict[str, Any] = {}
    for name, rule in RULES.items():
        live, number, direct, stalls = [], [], [], []
        for _ in range(args.runs):
            with ws.session_factory() as session:
                t = time.perf_counter()
                count_segment(session, APP, parse_rules(_doc(rule)), ws.clock.now())
                direct.append((time.perf_counter() - t) * 1000)
            counter.invalidate()
            shown.clear()
            shown_at.clear()
            number_at.clear()
            t = time.perf_counter()
            counter.request(_doc(rule))
            counter.flush()
            probe.wait(lambda: bool(shown) and not counter.busy)  # figures, then the sample
            live.append((shown_at[0] - t) * 1000)
            number.append((number_at[0] - t) * 1000)
            stalls.append(probe.worst)
        lat, ref = summary(live), summary(direct)
        results[name] = {
            "number_shown_p50_ms": round(summary(number)["median"], 1),
            "live_p50_ms": round(lat["median"], 1),
            "direct_count_p50_ms": round(ref["median"], 1),
            "overhead_ms": round(lat["median"] - ref["median"], 1),
            "worst_gui_stall_ms": round(max(stalls), 1),
            "goal_met": lat["median"] - ref["median"] <= OVERHEAD_GOAL_MS
            and max(stalls) <= STALL_GOAL_MS,
        }

    with ws.session_factory() as session:
        t = time.perf_counter()
        count_segment(session, APP, parse_rules(_doc(SLOW)), ws.clock.now())
        slow_ms = (time.perf_counter() - t) * 1000
    shown.clear()
    shown_at.clear()
    t = time.perf_counter()
    counter.request(_doc(SLOW))
    counter.flush()
    probe.wait(lambda: counter.busy)
    counter.request(_doc(FAST))
    counter.flush()
    probe.wait(lambda: bool(shown) and not counter.busy)
    newer_ms = (shown_at[0] - t) * 1000
    emit(
        {
            "benchmark": "segment_live_count",
            "workspace": str(ws.location),
            "goals": {"overhead_ms": OVERHEAD_GOAL_MS, "gui_stall_ms": STALL_GOAL_MS},
            "rules": results,
            "stale_edit": {
                "slow_rule_count_ms": round(slow_ms, 1),
                "newer_result_shown_after_ms": round(newer_ms, 1),
                "results_shown": len(shown),
                "goal_met": newer_ms < slow_ms and len(shown) == 1,
            },
        },
        args.json,
    )
    ws.close()
    return 0
