"""Screenshots of a widget in light and dark, for a person to review (not asserted)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from engage_desktop.ui.appearance import apply_appearance


def save_light_and_dark(widget: QWidget, qtbot: QtBot, folder: Path, stem: str) -> None:
    """``<folder>/<stem>_light.png`` and ``_dark.png``, once laid out; light again after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    widget.adjustSize()
    folder.mkdir(parents=True, exist_ok=True)
    for appearance in ("light", "dark"):
        apply_appearance(app, appearance)
        qtbot.wait(150)
        widget.grab().save(str(folder / f"{stem}_{appearance}.png"))
    apply_appearance(app, "light")
