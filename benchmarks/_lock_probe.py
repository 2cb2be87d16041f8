"""How long a writer waits for SQLite's write lock while something else runs (a probe process).

    python -m benchmarks._lock_probe WORKSPACE.sqlite

Plays the sending service's part: every 20 ms it takes the workspace's write lock
(``BEGIN IMMEDIATE``, waiting as long as it takes) and gives it straight back, and it times each
wait. On SIGTERM it prints, as JSON, the longest wait and how many attempts it made: the longest
time anything else held the write lock, within 20 ms.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

PAUSE_SECONDS = 0.02


def probe(path: Path) -> dict[str, Any]:
    stop: list[bool] = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    while not path.exists() and not stop:
        time.sleep(PAUSE_SECONDS)
    conn = sqlite3.connect(path, timeout=3600, isolation_level=None)
    waits: list[float] = []
    while not stop:
        started = time.perf_counter()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # the file is being created, or an interrupted wait
            time.sleep(PAUSE_SECONDS)
            continue
        waits.append(time.perf_counter() - started)
        conn.execute("COMMIT")
        time.sleep(PAUSE_SECONDS)
    conn.close()
    return {
        "longest_wait_s": round(max(waits, default=0.0), 3),
        "attempts": len(waits),
        "waits_over_1s": sum(1 for w in waits if w > 1.0),
    }


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]))), flush=True)
