"""Fixtures for CLI tests, which reach a workspace by its path as a user does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def workspace(demo_file: Path, tmp_path: Path) -> Path:
    """A private copy of the small demo workspace file."""
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    return path
