"""``engage_desktop_command``: the interpreter and ``-m`` from a pip install, the bundle's own
program when frozen (a frozen program has no ``-m`` and there is no Python beside it)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from engage_desktop import __version__
from engage_desktop.core.executable import engage_desktop_command, is_frozen


def test_from_an_install_the_command_runs_this_code() -> None:
    assert not is_frozen()
    command = engage_desktop_command("--version")
    assert command[:3] == [sys.executable, "-m", "engage_desktop"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == f"engage-desktop {__version__}"


def test_in_a_bundle_the_command_is_the_bundle_program_and_a_subcommand(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # What PyInstaller's bootloader sets: sys.frozen, and sys.executable is the bundle's program.
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/engage-desktop/engage-desktop")
    assert is_frozen()
    assert engage_desktop_command("sandbox", "--port", "9") == [
        "/opt/engage-desktop/engage-desktop",
        "sandbox",
        "--port",
        "9",
    ]
