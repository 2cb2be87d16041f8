"""The campaign's image, fetched from its URL for the preview (Qt's network stack, async).

The phone shows the picture the notification will carry, not a grey box. A fetch starts after
the URL has been still for a moment, is limited in time and size (the limits FCM's clients
apply), and each URL is fetched once per composer: typing never waits on the network.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

MAX_BYTES = 10 * 1024 * 1024  # iOS's limit for a notification attachment; Android's is lower
TIMEOUT_MS = 10_000
SETTLE_MS = 600  # the URL must stay unchanged this long before it is fetched


class RemoteImage(QObject):
    """``request(url)``; ``changed`` fires when the current URL's picture (or failure) is known.

    ``pixmap`` is the current URL's picture or None; ``error`` says why there is none (empty
    while loading or when no URL is set).
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = ""
        self.pixmap: QPixmap | None = None
        self.error = ""
        self._cache: dict[str, QPixmap | str] = {}  # URL → picture, or why it failed
        self._network = QNetworkAccessManager(self)
        self._reply: QNetworkReply | None = None
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._fetch)

    def request(self, url: str) -> None:
        url = url.strip()
        if url == self.url:
            return
        self.url = url
        self._abort()
        known = self._cache.get(url)
        if not url.lower().startswith(("https://", "http://")):
            self._settle.stop()
            self._set(None)
        elif known is not None:
            self._settle.stop()
            self._set(known)
        else:
            self._set(None)
            self._settle.start()

    def _fetch(self) -> None:
        request = QNetworkRequest(QUrl(self.url))
        request.setTransferTimeout(TIMEOUT_MS)
        request.setAttribute(
            QNetworkRequest.Attribute.RedirectPolicyAttribute,
            QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy,
        )
        reply = self._network.get(request)
        reply.setProperty("engage_url", self.url)  # as typed: QUrl may normalise it
        reply.downloadProgress.connect(self._check_size)
        reply.finished.connect(lambda: self._finished(reply))
        self._reply = reply

    def _check_size(self, received: int, total: int) -> None:
        if max(received, total) > MAX_BYTES and self._reply is not None:
            self._reply.setProperty("too_big", True)
            self._reply.abort()

    def _finished(self, reply: QNetworkReply) -> None:
        reply.deleteLater()
        if reply is not self._reply:
            return  # an older URL's answer
        self._reply = None
        url = str(reply.property("engage_url"))
        if reply.property("too_big"):
            outcome: QPixmap | str = self.tr("the image is larger than 10 MB")
        elif reply.error() != QNetworkReply.NetworkError.NoError:
            outcome = reply.errorString()
        else:
            image = QImage.fromData(reply.readAll().data())
            outcome = QPixmap.fromImage(image) if not image.isNull() else self.tr("not an image")
        self._cache[url] = outcome
        if url == self.url:
            self._set(outcome)

    def _abort(self) -> None:
        if self._reply is not None:
            reply, self._reply = self._reply, None
            reply.abort()

    def _set(self, outcome: QPixmap | str | None) -> None:
        """A picture, why there is none, or None: no URL yet, or still loading."""
        self.pixmap = outcome if isinstance(outcome, QPixmap) else None
        self.error = outcome if isinstance(outcome, str) else ""
        self.changed.emit()
