"""The application's widget style: the platform's own, with room for accented capitals in tabs
and check marks one can see in the dark.

Fusion (the style on Linux without a desktop theme, and in the tests) draws an unselected tab's
label two pixels lower than the selected one but clips it to the same text rectangle, so the
accent of a capital is cut off: French "Équipe" reads "Equipe". Growing the text rectangle
by the same amount above and below keeps the label where it was and lets the accent show.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from engage_desktop.ui.appearance import is_dark

TAB_TEXT_ROOM = 4  # pixels added above and below a tab's label
_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
)


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

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Fusion outlines radio buttons and check boxes with the window colour made darker:
        on a dark window an unchecked one was dark on dark, next to invisible (seen in the
        scheduling dialog). In the dark, a light outline is drawn over it."""
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not is_dark(option.palette):
            return
        colour = QColor(option.palette.color(QPalette.ColorRole.Text))
        colour.setAlpha(150)
        box = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        painter.restore()


def install_style(app: QApplication) -> None:
    if not isinstance(app.style(), AccentSafeStyle):
        app.setStyle(AccentSafeStyle())
