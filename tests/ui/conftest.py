"""Fixtures for every GUI test: throw-away settings, and the French catalogues on demand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """Window state goes to a throw-away file, never to the developer's real settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


CATALOGUES = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture(autouse=True, scope="session")
def english_plurals(qapp: object) -> Iterator[None]:
    """As the app in English: the catalogues giving counted messages (``%n``) their forms."""
    translators = []
    for qm in sorted(CATALOGUES.glob("*_en.qm")):
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def french(qapp: object) -> Iterator[None]:
    """Every shipped ``*_fr.qm``, as the app installs them for ``--lang fr``; removed after."""
    translators = []
    for qm in sorted(CATALOGUES.glob("*_fr.qm")):
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
