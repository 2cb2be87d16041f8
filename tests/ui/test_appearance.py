"""The interface's palettes keep text legible (WCAG ≥ 4.5:1), dark ones included."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from engage_desktop.ui.appearance import dark_palette, light_palette
from engage_desktop.ui.theme import TINTS
from tests.support.contrast import contrast_ratio

Role = QPalette.ColorRole
PAIRS = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
]


def _rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()


def _palettes(app: QApplication) -> dict[str, QPalette]:
    """The palettes the app installs itself (light when switching back from dark)."""
    return {"light": light_palette(app), "dark": dark_palette()}


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_text_roles_are_legible(qapp: QApplication, mode: str) -> None:
    pal = _palettes(qapp)[mode]
    group = QPalette.ColorGroup.Active
    for text, background in PAIRS:
        ratio = contrast_ratio(_rgb(pal.color(group, text)), _rgb(pal.color(group, background)))
        assert ratio >= 4.5, (mode, text.name, background.name, round(ratio, 2))


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_error_and_ok_tints_read_on_the_window(qapp: QApplication, mode: str) -> None:
    window = _rgb(_palettes(qapp)[mode].color(QPalette.ColorRole.Window))
    for role, (light, dark) in TINTS.items():
        tint = QColor(dark if mode == "dark" else light)
        assert contrast_ratio(_rgb(tint), window) >= 4.5, (mode, role)
