"""Qt's own dialogs speak the interface's language: the file dialog in French says "Voir dans"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from engage_desktop.ui.i18n import install_translators


@pytest.fixture
def installed(qapp: QCoreApplication) -> Iterator[None]:
    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    yield
    QLocale.setDefault(locale)
    for translator in set(qapp.findChildren(QTranslator)) - before:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()


def _labels(qtbot: QtBot) -> list[str]:
    dialog = QFileDialog(None, "x")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return [label.text() for label in dialog.findChildren(QLabel)]


def test_french_file_dialog_is_in_french(
    qtbot: QtBot, qapp: QCoreApplication, installed: None
) -> None:
    # Fault: "Look in:" / "Files of type:" in French file dialogs.
    assert install_translators(qapp, "fr") == "fr"
    labels = _labels(qtbot)
    assert "&Voir dans\u00a0:" in labels and "Fichiers de &type\u00a0:" in labels
    assert not any("Look in" in text or "Files of" in text for text in labels)
