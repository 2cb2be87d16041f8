"""The email as a mail client shows it: who it is from, where replies go, the subject and
preheader as the inbox line, then the body with its inline CSS.

The body was passed through ``nh3.clean`` with its defaults, which drop every ``style``
attribute: the preview lost the author's colours, sizes and backgrounds. Styles are now kept,
filtered to presentation properties (no ``url()`` can fetch anything: QTextBrowser has no
network access, and ``background-image`` and ``position`` are not among the kept properties).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

STYLE_PROPERTIES = {
    "color",
    "background-color",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "text-align",
    "text-decoration",
    "line-height",
    "padding",
    "padding-top",
    "padding-bottom",
    "padding-left",
    "padding-right",
    "margin",
    "margin-top",
    "margin-bottom",
    "border",
    "border-radius",
    "width",
    "height",
    "vertical-align",
}


# ``background: #fdf0e6`` (a plain colour) is how authors write it; it becomes
# ``background-color`` so it survives the filter, while ``background: url(…)`` does not.
_PLAIN_BACKGROUND = re.compile(
    r"background\s*:\s*(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|rgba?\([0-9.,\s%]*\))\s*(?=;|['\"]|$)"
)


def clean_email_html(html: str) -> str:
    """Safe HTML that keeps inline presentation styles."""
    import nh3

    html = _PLAIN_BACKGROUND.sub(r"background-color: \1", html)

    attributes = {tag: set(values) for tag, values in nh3.ALLOWED_ATTRIBUTES.items()}
    attributes["*"] = {"style", "align", "bgcolor", "width", "height"}
    return str(nh3.clean(html, attributes=attributes, filter_style_properties=STYLE_PROPERTIES))


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class EmailPreview(QWidget):
    """``set_message(subject, preheader, html, sender, reply_to)``; empty header rows hide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.from_label, self.reply_to = _plain(), _plain()
        self.subject, self.preheader = _plain(), _plain()
        font = self.subject.font()
        font.setBold(True)
        self.subject.setFont(font)
        header = QFrame()
        header.setFrameShape(QFrame.Shape.StyledPanel)
        self.form = QFormLayout(header)
        self.form.addRow(self.tr("From:"), self.from_label)
        self.form.addRow(self.tr("Reply to:"), self.reply_to)
        self.form.addRow(self.tr("Subject:"), self.subject)
        self.form.addRow(self.tr("Preheader:"), self.preheader)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.body, 1)
        self.html = ""

    def set_message(
        self, subject: str, preheader: str, html: str, sender: str = "", reply_to: str = ""
    ) -> None:
        for label, text in (
            (self.from_label, sender),
            (self.reply_to, reply_to),
            (self.subject, subject),
            (self.preheader, preheader),
        ):
            label.setText(text)
            self.form.setRowVisible(label, bool(text) or label is self.subject)
        self.html = clean_email_html(html)
        self.body.setHtml(self.html)
