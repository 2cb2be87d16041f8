"""An in-app message drawn over a dimmed app screen, as the SDK shows it on a phone."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from engage_desktop.core.content.inapp import InAppContent
from engage_desktop.core.textlayout.surfaces import ANDROID_BODY, ANDROID_TITLE, PIXEL_8
from engage_desktop.core.textlayout.wrap import Fitted, fit
from engage_desktop.ui.preview.fonts import qfont

SCREEN_H = 760.0


def _colour(text: str, fallback: str) -> QColor:
    colour = QColor(text)
    return colour if colour.isValid() else QColor(fallback)


class InAppPreview(QWidget):
    """``set_content(content)``; the app screen behind is a neutral mock (list rows, tab bar)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = InAppContent()
        self.image: QPixmap | None = None
        self.width_dp = PIXEL_8.width
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(int(self.width_dp), int(SCREEN_H))

    def set_content(self, content: InAppContent) -> None:
        self.content = content
        self.update()

    def set_image(self, pixmap: QPixmap | None) -> None:
        """The picture for the image slot (fetched from the URL, or a local file)."""
        self.image = pixmap
        self.update()

    def message_rect(self) -> QRectF:
        layout, w = self.content.layout, self.width_dp
        body_lines = len(self._body(w - 80.0).lines)
        text_h = 28.0 + 20.0 * body_lines + (44.0 if self.content.buttons else 0.0) + 32.0
        image_h = 160.0 if self.content.image_url else 0.0
        if layout == "full_screen":
            return QRectF(0, 0, w, SCREEN_H)
        if layout == "top_banner":
            return QRectF(8, 40, w - 16, min(140.0, 40.0 + 20.0 * min(body_lines, 3)))
        if layout == "bottom_banner":
            h = min(140.0, 40.0 + 20.0 * min(body_lines, 3))
            return QRectF(8, SCREEN_H - h - 24, w - 16, h)
        if layout == "card":
            h = image_h + text_h
            return QRectF(16, SCREEN_H - h - 16, w - 32, h)
        h = image_h + text_h
        return QRectF(24, (SCREEN_H - h) / 2, w - 48, h)

    def _body(self, width: float) -> Fitted:
        banner = self.content.layout in ("top_banner", "bottom_banner")
        return fit(self.content.body, ANDROID_BODY, width, 3 if banner else 12)

    def _paint_image(self, painter: QPainter, slot: QRectF, radius: float) -> None:
        """The picture cropped to fill the slot (as the SDK shows it), or a grey box."""
        if self.image is None or self.image.isNull():
            painter.fillRect(slot, QColor(128, 128, 128, 90))
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(slot, Qt.AlignmentFlag.AlignCenter, self.tr("image"))
            return
        scaled = self.image.scaled(
            slot.size().toSize(),
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        source = QRectF(
            (scaled.width() - slot.width()) / 2,
            (scaled.height() - slot.height()) / 2,
            slot.width(),
            slot.height(),
        )
        clip = QPainterPath()
        clip.addRoundedRect(slot.adjusted(0, 0, 0, radius), radius, radius)  # round top only
        painter.save()
        painter.setClipPath(clip)
        painter.drawPixmap(slot, scaled, source)
        painter.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        c = self.content
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f4f4f6"))
        painter.fillRect(QRectF(0, 0, self.width_dp, 56), QColor("#6750a4"))
        for i in range(9):
            painter.fillRect(QRectF(16, 72 + i * 72, self.width_dp - 32, 56), QColor("#ffffff"))
        if c.layout not in ("top_banner", "bottom_banner"):
            painter.fillRect(self.rect(), QColor(0, 0, 0, 120))  # the app is dimmed behind
        rect = self.message_rect()
        bg = _colour(c.background, "#ffffff")
        fg = _colour(c.text_colour, "#1d1b20")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        radius = 0.0 if c.layout == "full_screen" else 16.0
        painter.drawRoundedRect(rect, radius, radius)
        y = rect.y()
        if c.image_url and c.layout not in ("top_banner", "bottom_banner"):
            self._paint_image(painter, QRectF(rect.x(), y, rect.width(), 160.0), radius)
            y += 160.0
        x = rect.x() + 16.0
        width = rect.width() - 32.0 - (24.0 if c.close_button else 0.0)
        painter.setPen(fg)
        painter.setFont(qfont(ANDROID_TITLE))
        header = fit(c.header, ANDROID_TITLE, width, 1, single_line=True)
        painter.drawText(
            QRectF(x, y + 12.0, width, 20.0), Qt.AlignmentFlag.AlignVCenter, header.lines[0]
        )
        y += 36.0
        painter.setFont(qfont(ANDROID_BODY))
        for line in fit(c.body, ANDROID_BODY, width, 3 if "banner" in c.layout else 12).lines:
            painter.drawText(QRectF(x, y, width + 24.0, 20.0), Qt.AlignmentFlag.AlignVCenter, line)
            y += 20.0
        if c.buttons and "banner" not in c.layout:
            bw = (rect.width() - 32.0 - 8.0 * (len(c.buttons[:2]) - 1)) / len(c.buttons[:2])
            for i, button in enumerate(c.buttons[:2]):
                box = QRectF(x + i * (bw + 8.0), y + 8.0, bw, 36.0)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(_colour(c.button_colour, "#6750a4"))
                painter.drawRoundedRect(box, 18.0, 18.0)
                painter.setPen(QColor("#ffffff"))
                painter.setFont(qfont(ANDROID_TITLE))
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, button.label)
        if c.close_button:
            painter.setPen(QPen(fg, 2.0))
            cx, cy = rect.right() - 20.0, rect.y() + 20.0
            painter.drawLine(int(cx - 6), int(cy - 6), int(cx + 6), int(cy + 6))
            painter.drawLine(int(cx - 6), int(cy + 6), int(cx + 6), int(cy - 6))
        painter.end()
