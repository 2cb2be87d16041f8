"""Rich push page rendered by a real web engine at the phone's viewport width, plus its inbox row.

The page runs in a private (off-the-record) profile: JavaScript off and every http(s) request
blocked unless the author turns them on, so previewing a page never calls out by surprise.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from engage_desktop.core.content.rich import sanitize_rich_html, viewport_document
from engage_desktop.core.textlayout.surfaces import IPHONE_15
from engage_desktop.ui.preview.rich_inbox import InboxRow


class _RemoteGate(QWebEngineUrlRequestInterceptor):
    """Blocks network requests unless remote content is allowed."""

    def __init__(self) -> None:
        super().__init__()
        self.allow_remote = False
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in ("http", "https", "ws", "wss") and not self.allow_remote:
            self.blocked.append(url.toString())
            info.block(True)


class RichPreview(QWidget):
    """``set_page(title, summary, html, allow_scripts, allow_remote)`` re-renders the page.

    Build it through ``rich_choice.create_rich_preview``, which checks first that the engine can start.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = QWebEngineProfile()  # no storage name: off the record
        self.gate = _RemoteGate()
        self.profile.setUrlRequestInterceptor(self.gate)
        self.view = QWebEngineView()
        self.page = QWebEnginePage(self.profile, self.view)
        # The profile must outlive its page: as the page's child it is deleted after it.
        self.profile.setParent(self.page)
        self.gate.setParent(self.profile)
        self.view.setPage(self.page)
        self.view.setFixedWidth(int(IPHONE_15.width))
        self.view.setMinimumHeight(560)
        frame = QFrame()
        frame.setStyleSheet("QFrame{background:#111;border-radius:36px;}")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(12, 40, 12, 40)
        inner.addWidget(self.view)
        self.inbox = InboxRow()
        layout = QVBoxLayout(self)
        layout.addWidget(self.inbox)
        layout.addWidget(frame)
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
        settings = self.page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, allow_scripts)
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, allow_remote
        )
        self.gate.allow_remote = allow_remote
        page = sanitize_rich_html(html, allow_scripts=allow_scripts)
        self.removed = page.removed_something
        self.html = viewport_document(page.html, int(IPHONE_15.width))
        self.inbox.show_message(title, summary)
        self.page.setHtml(self.html, QUrl("about:blank"))
