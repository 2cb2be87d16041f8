"""The bundle's main script run from source: the normal CLI, and a clear refusal of a bad probe."""

from __future__ import annotations

import os
import subprocess
import sys

from engage_desktop import __version__
from tests.support.paths import ROOT

ENTRY = str(ROOT / "installer" / "entry.py")


def _run(*args: str, probe: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("ENGAGE_DESKTOP_PROBE", None)
    if probe is not None:
        env["ENGAGE_DESKTOP_PROBE"] = probe
    return subprocess.run(
        [sys.executable, ENTRY, *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_without_a_probe_it_is_the_engage_desktop_command() -> None:
    done = _run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"engage-desktop {__version__}"


def test_a_malformed_probe_is_refused_with_what_is_expected() -> None:
    done = _run("--version", probe="everything")
    assert done.returncode != 0
    assert "ENGAGE_DESKTOP_PROBE must be first-paint:FOLDER or watch:FOLDER, not 'everything'" in (
        done.stderr
    )
