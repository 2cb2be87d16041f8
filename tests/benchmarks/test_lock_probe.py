"""The lock probe the imports benchmark uses to time how long another process holds the lock."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.paths import ROOT
from tests.support.waiting import wait_until


def has_open(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open (Linux's /proc)."""
    folder = Path(f"/proc/{pid}/fd")
    try:
        return any(Path(fd).readlink() == path for fd in folder.iterdir())
    except OSError:  # the process is gone, or a descriptor closed while listed
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_the_probe_reports_the_longest_time_someone_else_held_the_write_lock(
    tmp_path: Path,
) -> None:
    path = tmp_path / "w.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("CREATE TABLE t (x)")
    probe = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._lock_probe", str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        wait_until(lambda: has_open(probe.pid, path), timeout=30, what="the probe connected")
        time.sleep(0.2)  # a few free attempts first
        holder.execute("BEGIN IMMEDIATE")
        time.sleep(0.6)  # what an import's publish does, in small
        holder.execute("COMMIT")
        time.sleep(0.2)
    finally:
        probe.terminate()
        out = probe.communicate(timeout=30)[0]
        holder.close()
    result = json.loads(out)
    assert 0.5 <= result["longest_wait_s"] < 5
    assert result["attempts"] >= 3
