"""Every text colour the phone previews draw reads on what it is drawn over (WCAG ≥ 4.5:1)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from engage_desktop.core.textlayout.surfaces import Surface, is_ios
from engage_desktop.ui.preview.phone_chrome import palette
from tests.support.contrast import blend, contrast_ratio


def _rgba(color: QColor) -> tuple[int, int, int, int]:
    return color.red(), color.green(), color.blue(), color.alpha()


def _hex(code: str) -> tuple[int, int, int]:
    color = QColor(code)
    return color.red(), color.green(), color.blue()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("surface", list(Surface))
def test_preview_text_is_legible(surface: Surface, dark: bool) -> None:
    pal = palette(surface, dark)
    for wallpaper in pal.wallpaper:  # both ends of the gradient
        card = blend(_rgba(pal.card), _hex(wallpaper))
        for name in ("primary", "secondary"):
            text = blend(_rgba(getattr(pal, name)), card)
            assert contrast_ratio(text, card) >= 4.5, (name, wallpaper)
        if is_ios(surface):  # the lock screen's clock and the banner's status bar
            chrome = blend(_rgba(pal.chrome), _hex(wallpaper))
            assert contrast_ratio(chrome, _hex(wallpaper)) >= 4.5, wallpaper
