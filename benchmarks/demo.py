"""Demo build: seconds to build an N-user demo workspace (default 1,000,000 ≈ 20 M events), its
file size and peak memory.

Reference, measured in the same run: inserting 5,000,000 narrow rows (three integers) into a
fresh SQLite file with executemany — the machine's raw SQLite write speed — so figures from
different machines compare as ratios.

    python -m benchmarks demo [--users 1000000] [--json]
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks._common import emit

GOAL_SECONDS = 300  # "a few minutes" for 1,000,000 users
SEGMENT_COUNT_GOAL_SECONDS = 15  # beyond this, large demos should ship their segments uncounted


def _reference(folder: Path, rows: int = 5_000_000) -> float:
    conn = sqlite3.connect(folder / "reference.sqlite")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("CREATE TABLE t (a INTEGER, b INTEGER, c INTEGER)")
    started = time.perf_counter()
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", ((i, i % 97, i * 7) for i in range(rows)))
    conn.commit()
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks demo")
    parser.add_argument("--users", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from engage_desktop.core.demo.generator import build_demo_workspace
    from engage_desktop.core.progress import Progress
    from engage_desktop.store.location import resolve_workspace

    steps: dict[str, float] = {}

    def note(_done: int, _total: int | None, message: str) -> None:
        steps.setdefault(message, time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        reference = _reference(folder)
        path = folder / "demo.sqlite"
        started = time.perf_counter()
        summary = build_demo_workspace(
            resolve_workspace(str(path)), users=args.users, seed=1, progress=Progress(note)
        )
        finished = time.perf_counter()
        seconds = finished - started
        size = path.stat().st_size
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    emit(
        {
            "benchmark": "demo",
            "users": args.users,
            "profiles": summary.profiles,
            "devices": summary.devices,
            "events": summary.events,
            "build_seconds": round(seconds, 1),
            # The last step: counting the saved segments so they open with figures.
            "segment_count_seconds": round(finished - steps["Counting segments"], 1),
            "segment_count_goal_seconds": SEGMENT_COUNT_GOAL_SECONDS,
            "file_mb": round(size / 1e6, 1),
            "peak_rss_mb": round(peak_mb),
            "reference_sqlite_5m_rows_seconds": round(reference, 2),
            "ratio_to_reference": round(seconds / reference, 1),
            "goal_seconds_for_1m_users": GOAL_SECONDS,
        },
        args.json,
    )
    return 0
