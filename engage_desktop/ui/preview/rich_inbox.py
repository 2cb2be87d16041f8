"""The rich push's row in the app's inbox: its title and summary, shown as the phone shows them.

Both labels are plain text. The summary used to go through ``html.escape`` into a label that
Qt took for plain text (no tag in it), so an apostrophe appeared as ``&#x27;`` on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


def _plain_label(bold: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    return label


class InboxRow(QFrame):
    """``show_message(title, summary)``; ``title`` and ``summary`` are the labels (plain text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.heading = QLabel(self.tr("Inbox"))
        self.title = _plain_label(bold=True)
        self.summary = _plain_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)

    def show_message(self, title: str, summary: str) -> None:
        self.title.setText(title)
        self.summary.setText(summary)
