"""Pretend to be a PyInstaller bundle: ``sys.frozen`` set, ``sys.executable`` a program of ours.

The stand-in program writes the arguments it was started with, one a line, to ``argv.txt``
beside it, and exits: tests check how the code under test launches "the bundle".
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def pretend_frozen(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Install the stand-in as ``sys.executable``; returns the file its arguments land in."""
    recorded = folder / "argv.txt"
    program = folder / "engage-desktop"
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{recorded}"\n', encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    return recorded
