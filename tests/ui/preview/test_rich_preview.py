"""Rich push preview in a real web engine: sanitised, scripts off, remote requests blocked."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from engage_desktop.ui.preview.rich_preview import RichPreview
from tests.support.web_engine import WEB_ENGINE_NOISE


@pytest.fixture
def image_server() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def _load(qtbot: QtBot, preview: RichPreview, html: str, **flags: bool) -> None:
    with qtbot.waitSignal(preview.page.loadFinished, timeout=20000) as blocker:
        preview.set_page("Soldes", "Nos offres", html, **flags)
    assert blocker.args == [True]


@WEB_ENGINE_NOISE
def test_sanitised_and_remote_blocked(qtbot: QtBot, image_server: tuple[str, list[str]]) -> None:
    base, hits = image_server
    preview = RichPreview()
    qtbot.addWidget(preview)
    preview.show()
    html = f"<h1>Soldes d'été</h1><img src='{base}/a.png'><script>document.title='ran'</script>"
    _load(qtbot, preview, html)
    assert "<script" not in preview.html and preview.removed
    assert preview.page.title() != "ran"
    qtbot.waitUntil(lambda: bool(preview.gate.blocked), timeout=5000)
    assert hits == []
    _load(qtbot, preview, html, allow_scripts=True, allow_remote=True)
    qtbot.waitUntil(lambda: preview.page.title() == "ran", timeout=5000)
    qtbot.waitUntil(lambda: "/a.png" in hits, timeout=5000)


@WEB_ENGINE_NOISE
def test_composer_rich_push_format(qtbot: QtBot, ui_context: object) -> None:
    from engage_desktop.ui.composer.window import ComposerWindow

    window = ComposerWindow(ui_context)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    fmt = window.widgets["campaign.format"]
    fmt.setCurrentIndex(fmt.findData("rich_push"))  # type: ignore[attr-defined]
    fmt.activated.emit(fmt.currentIndex())  # type: ignore[attr-defined]
    assert window.rich_preview is not None
    html = window.widgets["rich.html"]
    html.setFocus()
    with qtbot.waitSignal(window.rich_preview.page.loadFinished, timeout=20000):
        html.insertPlainText("<p>Bonjour {{ first_name }}</p><script>x()</script>")  # type: ignore[attr-defined]
    assert "Bonjour Camille" in window.rich_preview.html
    assert "Scripts" in window.template_note.text()
