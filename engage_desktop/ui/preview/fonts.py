"""The bundled fonts, registered once with Qt so drawing uses the files the core measured with."""

from __future__ import annotations

import functools

from PySide6.QtGui import QFont, QFontDatabase

from engage_desktop.core.textlayout.metrics import FontSpec
from engage_desktop.resources import resource_path


@functools.cache
def _family(file: str) -> str:
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", file)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "Sans Serif"


_WEIGHTS = {
    "Inter-SemiBold.otf": QFont.Weight.DemiBold,
    "Roboto-Medium.ttf": QFont.Weight.Medium,
}


@functools.cache
def qfont(spec: FontSpec) -> QFont:
    """A QFont for a core FontSpec: same file, pixel size = logical size, same tracking."""
    font = QFont(_family(spec.file))
    font.setWeight(_WEIGHTS.get(spec.file, QFont.Weight.Normal))
    font.setPixelSize(round(spec.size))
    font.setKerning(True)
    if spec.tracking:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spec.tracking)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
