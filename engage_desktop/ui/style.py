"""The application's widget style: the platform's own, with room for accented capitals in tabs.

Fusion (the style on Linux without a desktop theme, and in the tests) draws an unselected tab's
label two pixels lower than the selected one but clips it to the same text rectangle, so the
accent of a capital is cut off: French "Équipe" reads "Equipe". Growing the text rectangle
by the same amount above and below keeps the label where it was and lets the accent show.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

TAB_TEXT_ROOM = 4  # pixels added above and below a tab's label


class AccentSafeStyle(QProxyStyle):
    """The base style (the application's default when none is given), tabs aside."""

    def subElementRect(
        self, element: QStyle.SubElement, option: QStyleOption, /, widget: QWidget | None = None
    ) -> QRect:
        # PySide6's stubs disagree: QStyle's widget is optional, QProxyStyle's is not.
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]
        if element == QStyle.SubElement.SE_TabBarTabText:
            return rect.adjusted(0, -TAB_TEXT_ROOM, 0, TAB_TEXT_ROOM)
        return rect


def install_style(app: QApplication) -> None:
    if not isinstance(app.style(), AccentSafeStyle):
        app.setStyle(AccentSafeStyle())
