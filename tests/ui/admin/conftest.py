"""English counts need the plural forms of ``admin_en.qm``, as ``ui.i18n`` installs for "en"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

CATALOGUES = Path(__file__).resolve().parents[3] / "resources" / "translations"


@pytest.fixture(autouse=True)
def english_plurals(qapp: object) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(CATALOGUES / "admin_en.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
