"""The rich push page drawn by Qt's own rich-text engine, for when QtWebEngine cannot start.

QTextBrowser knows HTML 4 and a subset of CSS, runs no script and loads nothing remote (it has
no network access of its own), so it is a safe and honest approximation: the reason it is used
is shown above the page, in words a marketer understands.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from engage_desktop.core.content.rich import sanitize_rich_html
from engage_desktop.core.textlayout.surfaces import IPHONE_15
from engage_desktop.ui.preview.rich_inbox import InboxRow


class PlainRichPreview(QWidget):
    """Same ``set_page`` as the web preview; ``reason`` says why the web view is not used.

    Attributes:
        inbox: the inbox row (title and summary).
        browser: the page, rendered by QTextBrowser.
        html: the sanitised page last shown; ``removed``: whether sanitising removed anything.
    """

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = QLabel(
            reason + " " + self.tr("Below is a simpler rendering: some styles are not shown.")
        )
        self.reason.setWordWrap(True)
        self.inbox = InboxRow()
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setMaximumWidth(int(IPHONE_15.width))
        self.browser.setMinimumHeight(360)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.inbox)
        layout.addWidget(self.browser, 1)
        self.html = ""
        self.removed = False

    def set_page(
        self,
        title: str,
        summary: str,
        html: str,
        *,
        allow_scripts: bool = False,
        allow_remote: bool = False,
    ) -> None:
        """Scripts never run here and remote content is never fetched, whatever is allowed."""
        page = sanitize_rich_html(html, allow_scripts=False)
        self.removed = page.removed_something
        self.html = page.html
        self.inbox.show_message(title, summary)
        self.browser.setHtml(page.html)
