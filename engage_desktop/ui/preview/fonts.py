"""The bundled fonts, registered once with Qt so drawing uses the files the core measured with.

Emoji come from the bundled Noto Color Emoji (the core measures them with its advance), placed
after the text font in every preview font's family list: a machine without a colour emoji font
of its own drew them as empty boxes.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QFont, QFontDatabase

from engage_desktop.core.textlayout.metrics import FontSpec
from engage_desktop.resources import resource_path

EMOJI_FILE = "NotoColorEmoji.ttf"


@functools.cache
def _family(file: str) -> str:
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", file)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "Sans Serif"


def emoji_family() -> str:
    """The bundled colour emoji font's family name (registered on first use)."""
    return _family(EMOJI_FILE)


_WEIGHTS = {
    "Inter-SemiBold.otf": QFont.Weight.DemiBold,
    "Roboto-Medium.ttf": QFont.Weight.Medium,
}


@functools.cache
def qfont(spec: FontSpec) -> QFont:
    """A QFont for a core FontSpec: same file, pixel size = logical size, same tracking; emoji
    from the bundled colour font."""
    font = QFont()
    font.setFamilies([_family(spec.file), emoji_family()])
    font.setWeight(_WEIGHTS.get(spec.file, QFont.Weight.Normal))
    font.setPixelSize(round(spec.size))
    font.setKerning(True)
    if spec.tracking:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spec.tracking)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def with_emoji(font: QFont) -> QFont:
    """``font`` with the bundled emoji font after its own families (for other preview text)."""
    emoji = QFont(font)
    emoji.setFamilies([*font.families(), emoji_family()])
    return emoji
