"""The composer fetches the image URL for the preview, from a real local HTTP server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext


def _png(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


@pytest.fixture
def server(qapp: object) -> Iterator[tuple[str, list[str]]]:
    picture = _png(120, 60)
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            if self.path == "/lampe.png":
                body, kind, status = picture, "image/png", 200
            elif self.path == "/page.html":
                body, kind, status = b"<html>not a picture</html>", "text/html", 200
            else:
                body, kind, status = b"missing", "text/plain", 404
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", asked
    httpd.shutdown()
    httpd.server_close()


def _enter(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """As a user types it (the composer listens to edits, not to programmatic changes)."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_image_url_is_fetched_once_and_shown_on_every_surface(
    qtbot: QtBot, ui_context: UiContext, server: tuple[str, list[str]], shots: Path
) -> None:
    base, asked = server
    window = ComposerWindow(ui_context, None)
    qtbot.addWidget(window)
    window.resize(1500, 1000)
    window.show()
    field = window.widgets["content.image_url"]
    assert isinstance(field, QLineEdit)
    _enter(qtbot, field, f"{base}/lampe.png")
    previews = window.push_panel.previews.values()
    qtbot.waitUntil(lambda: all(p.image is not None for p in previews), timeout=10_000)
    assert next(iter(previews)).image.width() == 120  # type: ignore[union-attr]
    window.push_panel.grab().save(str(shots / "preview_with_remote_image.png"))
    _enter(qtbot, field, f"{base}/manquante.png")
    qtbot.waitUntil(lambda: "could not be loaded" in window.template_note.text(), timeout=10_000)
    assert all(p.image is None for p in previews)
    _enter(qtbot, field, f"{base}/page.html")
    qtbot.waitUntil(lambda: "not an image" in window.template_note.text(), timeout=10_000)
    _enter(qtbot, field, f"{base}/lampe.png")
    qtbot.waitUntil(lambda: all(p.image is not None for p in previews), timeout=10_000)
    assert asked.count("/lampe.png") == 1  # remembered, not fetched again
    assert "could not be loaded" not in window.template_note.text()


def test_in_app_message_shows_its_image_too(
    qtbot: QtBot, ui_context: UiContext, server: tuple[str, list[str]], shots: Path
) -> None:
    base, _asked = server
    window = ComposerWindow(ui_context, None)
    qtbot.addWidget(window)
    window.resize(1500, 1000)
    window.show()
    fmt = window.widgets["campaign.format"]
    fmt.setCurrentIndex(fmt.findData("in_app"))  # type: ignore[attr-defined]
    fmt.activated.emit(fmt.currentIndex())  # type: ignore[attr-defined]
    field = window.widgets["inapp.image_url"]
    assert isinstance(field, QLineEdit)
    _enter(qtbot, field, f"{base}/lampe.png")
    qtbot.waitUntil(lambda: window.inapp_preview.image is not None, timeout=10_000)
    shot = window.inapp_preview.grab().toImage()
    rect = window.inapp_preview.message_rect()
    centre = shot.pixelColor(int(rect.center().x()), int(rect.y() + 80))
    assert centre.name() == "#008080"  # the served picture (Qt.darkCyan), not the grey box
    window.inapp_preview.grab().save(str(shots / "inapp_with_remote_image.png"))
