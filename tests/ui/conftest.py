from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """Window state goes to a throw-away file, never to the developer's real settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
