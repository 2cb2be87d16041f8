"""The SMS as the phone's messages app shows it: a bubble from the sender, with its cost below.

The text is laid out by Qt's text engine inside the bubble (word wrap, the bundled emoji font);
characters that force UCS-2 keep their highlight, and the line under the bubble says how many
segments the operator bills and in which encoding.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

from engage_desktop.core.content.sms import SmsCount, count_sms
from engage_desktop.core.textlayout.surfaces import IOS_BODY, IOS_TIME, IOS_TITLE
from engage_desktop.ui.appearance import is_dark
from engage_desktop.ui.preview.fonts import qfont

PHONE_WIDTH = 393.0
BUBBLE_MAX = 0.75  # a bubble takes at most three quarters of the screen's width
PADDING = 12.0


class SmsPreview(QWidget):
    """``set_message(sender, text)``; ``count`` is the segment count of the text shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sender_name = ""
        self.text = ""
        self.count: SmsCount = count_sms("")
        self.document = QTextDocument(self)
        self.document.setDefaultFont(qfont(IOS_BODY))
        self.document.setDocumentMargin(0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_message(self, sender: str, text: str) -> None:
        self.sender_name, self.text = sender, text
        self.count = count_sms(text)
        culprits = {ch for _, ch in self.count.ucs2_culprits}
        marked = "".join(
            f'<span style="background:#ffcdd2;color:#000">{escape(ch)}</span>'
            if ch in culprits
            else escape(ch)
            for ch in text
        )
        self.document.setHtml(f"<div style='white-space:pre-wrap'>{marked}</div>")
        self.update()

    def footer(self) -> str:
        """What the message costs: segments (plural forms) and encoding."""
        return self.tr("%Ln segment(s)", "", self.count.segments) + f" · {self.count.encoding}"

    def sizeHint(self) -> QSize:
        return QSize(int(PHONE_WIDTH), 420)

    def paintEvent(self, event: QPaintEvent) -> None:
        dark = is_dark(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = min(float(self.width()), PHONE_WIDTH)
        left = (self.width() - width) / 2
        screen = QRectF(left, 0, width, self.height())
        painter.fillRect(screen, QColor("#000000" if dark else "#ffffff"))
        text_colour = QColor("#ffffff" if dark else "#000000")
        secondary = QColor("#a0a0a6" if dark else "#5e5e63")
        painter.setPen(text_colour)
        painter.setFont(qfont(IOS_TITLE))
        painter.drawText(
            QRectF(left, 14, width, 24), Qt.AlignmentFlag.AlignCenter, self.sender_name or "—"
        )
        painter.fillRect(QRectF(left, 46, width, 1), secondary)
        bubble_width = width * BUBBLE_MAX - 2 * PADDING
        self.document.setTextWidth(bubble_width)
        size = self.document.size()
        bubble = QRectF(
            left + 12, 64, min(bubble_width, size.width()) + 2 * PADDING, size.height() + 16
        )
        path = QPainterPath()
        path.addRoundedRect(bubble, 18, 18)
        painter.fillPath(path, QColor("#26252a" if dark else "#e9e9eb"))
        painter.save()
        painter.translate(bubble.x() + PADDING, bubble.y() + 8)
        self.document.drawContents(painter)  # in the palette's text colour, as the screen
        painter.restore()
        painter.setPen(secondary)
        painter.setFont(qfont(IOS_TIME))
        painter.drawText(
            QRectF(bubble.x() + 4, bubble.bottom() + 6, width - 24, 20),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.footer(),
        )
        painter.end()
