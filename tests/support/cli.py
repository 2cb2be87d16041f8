"""The command line run as a user runs it: a real ``engage-desktop`` process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.paths import ROOT


def run_cli(
    *args: str,
    workspace: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """``python -m engage_desktop ARGS [--workspace W]`` on this checkout's code."""
    command = [sys.executable, "-m", "engage_desktop", *args]
    if workspace is not None:
        command += ["--workspace", str(workspace)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=timeout,
    )
