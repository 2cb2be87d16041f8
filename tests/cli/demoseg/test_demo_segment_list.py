"""A fresh demo's ``segment list`` shows every saved segment counted, with the figures' age."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[3]


def cli(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engage_desktop", "segment", *args, "--workspace", str(workspace)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )


def test_fresh_demo_lists_counted_segments(demo_file: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, workspace)
    for app, expected in ((1, 5), (2, 3)):
        listed = cli(workspace, "list", "--app", str(app), "--json")
        assert listed.returncode == 0, listed.stderr
        rows = json.loads(listed.stdout)
        assert len(rows) == expected
        for row in rows:
            assert row["count"] > 0 and set(row["reachable"]) == {"push", "sms", "email"}
            assert row["computed_at"] == "2026-11-01T00:00:00+00:00"  # the demo's "now"
        text = cli(workspace, "list", "--app", str(app)).stdout.splitlines()
        assert len(text) == expected
        for line, row in zip(text, rows, strict=True):
            assert f"{row['count']:,}" in line and row["name"] in line
            assert re.search(r"\d+ d ago$", line), line  # the demo was built for 1 Nov 2026
    first = json.loads(cli(workspace, "list", "--app", "1", "--json").stdout)[0]
    cached = cli(workspace, "count", "--segment", str(first["id"]))
    assert cached.returncode == 0, cached.stderr
    assert f"{first['count']:,} profiles" in cached.stdout
    assert "From the local cache, counted" in cached.stdout
