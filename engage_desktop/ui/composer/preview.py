"""Phone notification previews drawn with QPainter: Android collapsed and iOS lock screen.

Geometry follows /work/shared/PREVIEW-GEOMETRY.md (§1.2 Android collapsed, §2.1-2.3 iOS), one
logical pixel per dp/pt. Cuts are computed with the real font metrics of the fonts drawn, at
grapheme boundaries, so what is shown as cut is what the painter draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTextBoundaryFinder
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QTextLayout,
)
from PySide6.QtWidgets import QWidget

ELLIPSIS = "\u2026"
TWO_DOTS = "\u2025"  # Android collapsed text: END_SMALL ellipsis (§1.2)

# Android 14/15 collapsed card (§1.2)
A_CARD_W, A_CARD_H, A_RADIUS = 380.0, 88.0, 28.0
A_TEXT_X, A_TEXT_W, A_TEXT_W_ICON = 52.0, 272.0, 212.0
# iOS 17/18 lock-screen card (§2.1-2.3)
I_CARD_W, I_RADIUS, I_PAD, I_ICON, I_GAP = 361.0, 22.0, 12.0, 38.0, 9.0
I_TEXT_W = I_CARD_W - I_PAD - I_ICON - I_GAP - I_PAD  # 290
I_LINE, I_BODY_LINES = 20.0, 4
MARGIN, LABEL_H = 16.0, 22.0


@dataclass(frozen=True)
class Palette:
    """Colours of one appearance (§1.6 M3 baseline, §2.4 iOS materials)."""

    shade: QColor
    a_card: QColor
    a_title: QColor
    a_text: QColor
    wall_top: QColor
    wall_bottom: QColor
    i_card: QColor
    i_title: QColor
    i_text: QColor
    label: QColor


LIGHT = Palette(
    QColor("#F7F2FA"),
    QColor("#ECE6F0"),
    QColor("#1D1B20"),
    QColor("#49454F"),
    QColor("#8EC5FC"),
    QColor("#E0C3FC"),
    QColor(245, 245, 245, 200),
    QColor("#111111"),
    QColor(60, 60, 67, 160),
    QColor("#444444"),
)
DARK = Palette(
    QColor("#141218"),
    QColor("#2B2930"),
    QColor("#E6E0E9"),
    QColor("#CAC4D0"),
    QColor("#1B2140"),
    QColor("#3A1C4A"),
    QColor(49, 49, 49, 190),
    QColor("#FFFFFF"),
    QColor(235, 235, 245, 160),
    QColor("#DDDDDD"),
)


def font(pixel_size: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """A sans font at a logical size (Roboto / SF Pro when installed, else the system sans)."""
    f = QFont()
    f.setFamilies(["Roboto", "SF Pro Text", "Noto Sans", "DejaVu Sans"])
    f.setPixelSize(round(pixel_size))
    f.setWeight(weight)
    f.setKerning(True)
    return f


def _u16(text: str, start: int, end: int | None = None) -> str:
    """Slice by UTF-16 code units, as Qt counts positions (an emoji is 2 units, 1 Python char)."""
    raw = text.encode("utf-16-le")
    return raw[2 * start : None if end is None else 2 * end].decode("utf-16-le")


def elide(metrics: QFontMetricsF, text: str, width: float, ellipsis: str = ELLIPSIS) -> str:
    """``text`` if it fits, else its longest whole-grapheme prefix + ``ellipsis`` that fits."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    bounds = [0]
    while (pos := finder.toNextBoundary()) != -1:
        bounds.append(pos)
    lo, hi = 0, len(bounds) - 1  # binary search on grapheme boundaries
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if metrics.horizontalAdvance(_u16(text, 0, bounds[mid]) + ellipsis) <= width:
            lo = mid
        else:
            hi = mid - 1
    return _u16(text, 0, bounds[lo]) + ellipsis


def wrap(text: str, f: QFont, width: float, max_lines: int) -> list[str]:
    """Greedy line breaking (UAX #14 via QTextLayout), cut with "…" on the last allowed line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, f)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start = line.textStart()
            lines.append(_u16(paragraph, start, start + line.textLength()))
        layout.endLayout()
        if not paragraph:
            lines.append("")
    if len(lines) <= max_lines:
        return [ln.rstrip() for ln in lines]
    rest = " ".join(ln.strip() for ln in lines[max_lines - 1 :])
    return [ln.rstrip() for ln in lines[: max_lines - 1]] + [
        elide(QFontMetricsF(f), rest.strip(), width)
    ]


@dataclass(frozen=True)
class PreviewText:
    """What each preview shows after cutting; tests and the UI read it."""

    android_title: str
    android_body: str
    ios_title: str
    ios_subtitle: str
    ios_body: tuple[str, ...]


class NotificationPreview(QWidget):
    """Android collapsed card above an iOS lock-screen card, light or dark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_name = "App"
        self.title = ""
        self.subtitle = ""
        self.body = ""
        self.has_image = False
        self.dark = False
        self.shown = PreviewText("", "", "", "", ())
        self.setMinimumSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(int(I_CARD_W + 2 * MARGIN + 24), 430)

    def set_content(
        self, *, app_name: str, title: str, subtitle: str, body: str, has_image: bool
    ) -> None:
        """New (already rendered) texts; recomputes the cuts and repaints."""
        self.app_name, self.title, self.subtitle, self.body = app_name, title, subtitle, body
        self.has_image = has_image
        self.shown = self._compute()
        self.update()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.update()

    # -- cuts -------------------------------------------------------------------------------

    def _compute(self) -> PreviewText:
        a_col = A_TEXT_W_ICON if self.has_image else A_TEXT_W
        time_w = QFontMetricsF(font(12)).horizontalAdvance(self._now())
        dot_w = QFontMetricsF(font(12)).horizontalAdvance("•")
        title_w = max(72.0, a_col - (2 + dot_w + 4 + time_w + 4))
        a_title_fm = QFontMetricsF(font(14, QFont.Weight.Medium))
        a_title = elide(a_title_fm, self._oneline(self.title), title_w)
        a_body = elide(QFontMetricsF(font(14)), self._oneline(self.body), a_col, TWO_DOTS)

        i_col = I_TEXT_W - ((I_ICON + I_GAP) if self.has_image else 0.0)
        i_time_w = QFontMetricsF(font(13)).horizontalAdvance(self._now())
        semibold = font(15, QFont.Weight.DemiBold)
        i_title = elide(
            QFontMetricsF(semibold),
            self._oneline(self.title or self.app_name),
            i_col - i_time_w - 6,
        )
        i_sub = elide(QFontMetricsF(semibold), self._oneline(self.subtitle), i_col)
        i_body = tuple(wrap(self.body, font(15), i_col, I_BODY_LINES)) if self.body else ()
        return PreviewText(a_title, a_body, i_title, i_sub, i_body)

    @staticmethod
    def _oneline(text: str) -> str:
        return " ".join(text.split())

    def _now(self) -> str:
        return self.tr("now")

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = DARK if self.dark else LIGHT
        p.fillRect(self.rect(), pal.shade)
        x = (self.width() - I_CARD_W) / 2
        p.setPen(pal.label)
        p.setFont(font(12, QFont.Weight.DemiBold))
        p.drawText(QPointF(x, MARGIN + 12), self.tr("Android · collapsed"))
        y = MARGIN + LABEL_H
        self._paint_android(p, pal, QRectF(x - (A_CARD_W - I_CARD_W) / 2, y, A_CARD_W, A_CARD_H))
        y += A_CARD_H + MARGIN
        p.setPen(pal.label)
        p.setFont(font(12, QFont.Weight.DemiBold))
        p.drawText(QPointF(x, y + 12), self.tr("iOS · lock screen"))
        y += LABEL_H
        wall = QRectF(0, y, self.width(), self.height() - y)
        grad = QLinearGradient(wall.topLeft(), wall.bottomLeft())
        grad.setColorAt(0, pal.wall_top)
        grad.setColorAt(1, pal.wall_bottom)
        p.fillRect(wall, grad)
        self._paint_ios(p, pal, x, y + MARGIN)
        p.end()

    def _paint_android(self, p: QPainter, pal: Palette, card: QRectF) -> None:
        path = QPainterPath()
        path.addRoundedRect(card, A_RADIUS, A_RADIUS)
        p.fillPath(path, pal.a_card)
        # Small icon: 24 dp circle at 16 dp, vertically centred.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#6750A4"))
        p.drawEllipse(QRectF(card.x() + 16, card.center().y() - 12, 24, 24))
        p.setBrush(QColor("white"))
        p.drawEllipse(QRectF(card.x() + 24, card.center().y() - 4, 8, 8))
        tx, top = card.x() + A_TEXT_X, card.y() + 20
        title_font = font(14, QFont.Weight.Medium)
        p.setFont(title_font)
        p.setPen(pal.a_title)
        base1 = top + 17
        p.drawText(QPointF(tx, base1), self.shown.android_title)
        after = tx + QFontMetricsF(title_font).horizontalAdvance(self.shown.android_title) + 2
        p.setFont(font(12))
        p.setPen(pal.a_text)
        p.drawText(QPointF(after, base1), "•")
        p.drawText(
            QPointF(after + 4 + QFontMetricsF(font(12)).horizontalAdvance("•"), base1), self._now()
        )
        p.setFont(font(14))
        p.drawText(QPointF(tx, top + 24 + 15), self.shown.android_body)
        if self.has_image:
            self._image_placeholder(p, QRectF(card.right() - 56 - 48, card.y() + 20, 48, 48), 5)
        # Expand button pill.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pal.a_text.lighter(150) if not self.dark else pal.a_text.darker(200))
        p.drawRoundedRect(QRectF(card.right() - 40, card.center().y() - 10, 24, 20), 10, 10)

    def _paint_ios(self, p: QPainter, pal: Palette, x: float, y: float) -> None:
        n_body = len(self.shown.ios_body)
        rows = 1 + (1 if self.shown.ios_subtitle else 0) + n_body
        height = max(64.0, 2 * I_PAD + rows * I_LINE)
        card = QRectF(x, y, I_CARD_W, height)
        path = QPainterPath()
        path.addRoundedRect(card, I_RADIUS, I_RADIUS)
        p.fillPath(path, pal.i_card)
        icon = QRectF(
            x + I_PAD, y + (height - I_ICON) / 2 if rows <= 2 else y + I_PAD, I_ICON, I_ICON
        )
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#6750A4"))
        p.drawRoundedRect(icon, 9, 9)
        tx = icon.right() + I_GAP
        line_y = y + I_PAD + (0 if rows > 2 else (height - 2 * I_PAD - rows * I_LINE) / 2)
        semibold = font(15, QFont.Weight.DemiBold)
        p.setFont(semibold)
        p.setPen(pal.i_title)
        p.drawText(QPointF(tx, line_y + 15), self.shown.ios_title)
        p.setFont(font(13))
        p.setPen(pal.i_text)
        now_w = QFontMetricsF(font(13)).horizontalAdvance(self._now())
        p.drawText(QPointF(card.right() - I_PAD - now_w, line_y + 15), self._now())
        line_y += I_LINE
        if self.shown.ios_subtitle:
            p.setFont(semibold)
            p.setPen(pal.i_title)
            p.drawText(QPointF(tx, line_y + 15), self.shown.ios_subtitle)
            line_y += I_LINE
        p.setFont(font(15))
        p.setPen(pal.i_title)
        for line in self.shown.ios_body:
            p.drawText(QPointF(tx, line_y + 15), line)
            line_y += I_LINE
        if self.has_image:
            size = I_ICON
            self._image_placeholder(
                p, QRectF(card.right() - I_PAD - size, y + I_PAD + I_LINE, size, size), 8
            )

    @staticmethod
    def _image_placeholder(p: QPainter, box: QRectF, radius: float) -> None:
        """The image itself is not downloaded (no network in previews): a neutral thumbnail."""
        grad = QLinearGradient(box.topLeft(), box.bottomRight())
        grad.setColorAt(0, QColor("#B0BEC5"))
        grad.setColorAt(1, QColor("#78909C"))
        path = QPainterPath()
        path.addRoundedRect(box, radius, radius)
        p.fillPath(path, grad)
