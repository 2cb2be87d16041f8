"""Draw the application icon at every size the window manager asks for (PNG, committed).

QT_QPA_PLATFORM=offscreen python scripts/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    gradient = QLinearGradient(0, 0, size, size)
    gradient.setColorAt(0, QColor("#5B5BF0"))
    gradient.setColorAt(1, QColor("#8E3FD9"))
    p.setBrush(gradient)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 56 * s, 56 * s)
    # A phone-shaped notification card with a speech tail and two text lines.
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(48 * s, 64 * s, 160 * s, 104 * s), 24 * s, 24 * s)
    tail = QPainterPath()
    tail.moveTo(QPointF(84 * s, 160 * s))
    tail.lineTo(QPointF(72 * s, 200 * s))
    tail.lineTo(QPointF(120 * s, 164 * s))
    tail.closeSubpath()
    p.setBrush(QColor("white"))
    p.drawPath(bubble.united(tail))
    p.setPen(QPen(QColor("#6A4CE6"), 14 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(76 * s, 100 * s), QPointF(180 * s, 100 * s))
    p.drawLine(QPointF(76 * s, 132 * s), QPointF(148 * s, 132 * s))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#FF5A6E"))
    p.drawEllipse(QPointF(196 * s, 64 * s), 26 * s, 26 * s)
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 64, 128, 256):
        draw(size).save(str(OUT / f"engage-desktop-{size}.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
