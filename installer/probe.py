"""What CI and the start-up benchmark read from a running bundle, through files in one folder.

A frozen program cannot be driven with ``python -c`` the way ``benchmarks/startup.py`` drives a
pip install, so the bundle's main script installs this probe when ``ENGAGE_DESKTOP_PROBE`` is
``MODE:FOLDER``. The same probe runs under both installs, so both pay the same overhead.

- ``first-paint``: write the wall-clock time of the main window's first paint to
  ``FOLDER/first-paint``, then exit at once (the start-up benchmark).
- ``watch``: write ``first-paint``; while the first start's progress dialog is on screen, keep
  ``first-start.json`` up to date (its title, label and the values it showed); write
  ``campaigns.json`` (the campaigns table's row count and names) once the table has rows — an
  empty window never writes it; then act on
  ``request-N.json`` files (``compose`` a campaign, ``rich-page``: render a rich push page with
  QtWebEngine and read its text back, ``vault``: a keyring round trip, ``screenshot`` the
  screen, ``quit``), answering each
  with ``done-N.json``.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog

import engage_desktop.ui.app as gui
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.pages.campaigns import CampaignsPage

POLL_MS = 200


class Probe(QObject):
    """Watches one main window: its first paint, its campaigns table, the driver's requests."""

    def __init__(self, window: MainWindow, folder: Path, *, exit_at_paint: bool) -> None:
        super().__init__(window)
        self.window = window
        self.folder = folder
        self.exit_at_paint = exit_at_paint
        self.painted = False
        self.campaigns_seen = False
        self.progress_values: list[int] = []
        self.handled: set[str] = set()
        window.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.timer.start(POLL_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            _write(self.folder / "first-paint", f"{time.time()}\n")
            if self.exit_at_paint:
                os._exit(0)
        return False

    def campaigns_page(self) -> CampaignsPage | None:
        page = self.window.page("campaigns")
        return page if isinstance(page, CampaignsPage) else None

    def watch_progress(self) -> None:
        """The first start's demo build shows a progress dialog over the window: record what it
        showed, so the driver can tell it appeared and moved (a poll every ``POLL_MS`` sees a
        build that lasts seconds)."""
        for dialog in self.window.findChildren(QProgressDialog):
            if dialog.isVisible():
                if dialog.value() not in self.progress_values:
                    self.progress_values.append(dialog.value())
                shown = {
                    "title": dialog.windowTitle(),
                    "label": dialog.labelText(),
                    "values": self.progress_values,
                }
                _write(self.folder / "first-start.json", json.dumps(shown))

    def poll(self) -> None:
        if not self.campaigns_seen:
            self.watch_progress()
        page = self.campaigns_page()
        if not self.campaigns_seen and page is not None and page.model.rows:
            self.campaigns_seen = True
            names = [row.name for row in page.model.rows]
            _write(self.folder / "campaigns.json", json.dumps({"rows": len(names), "names": names}))
        for request in sorted(self.folder.glob("request-*.json")):
            if request.name not in self.handled:
                self.handled.add(request.name)
                self.answer(request)

    def answer(self, request: Path) -> None:
        asked: dict[str, Any] = json.loads(request.read_text(encoding="utf-8"))
        done = self.folder / request.name.replace("request-", "done-")
        if asked.get("action") == "rich-page":
            self.render_rich_page(done)
            return
        try:
            result = self.act(asked)
        except Exception as exc:  # the driver reports it; the window carries on
            result = {"error": f"{type(exc).__name__}: {exc}"}
        _write(done, json.dumps(result))
        if asked.get("action") == "quit":
            self.window.close()

    def act(self, asked: dict[str, Any]) -> dict[str, Any]:
        action = asked.get("action")
        if action == "compose":
            page = self.campaigns_page()
            if page is None:
                return {"error": "no campaigns page"}
            composer = page.open_composer(int(asked["campaign_id"]))
            return {"opened": composer is not None}
        if action == "screenshot":
            screen = QGuiApplication.primaryScreen()
            saved = screen.grabWindow(0).save(str(asked["path"]))
            return {"saved": saved}
        if action == "vault":
            return vault_round_trip()
        if action == "quit":
            return {"quitting": True}
        return {"error": f"unknown action {action!r}"}

    def render_rich_page(self, done: Path) -> None:
        """The composer's rich push preview renders a page; its text is read back from Chromium.

        Answers later, from the web engine's callbacks: a bundle without QtWebEngine's helper
        process or resources fails to load or never answers.
        """
        from engage_desktop.ui.preview.rich_preview import RichPreview

        preview = RichPreview()
        preview.setParent(self.window)  # kept alive until it answers
        preview.hide()

        def answer(result: dict[str, str]) -> None:
            _write(done, json.dumps(result))
            preview.deleteLater()  # before the window goes: the engine must not outlive Qt

        def loaded(ok: bool) -> None:
            if ok:
                preview.page.toPlainText(lambda text: answer({"text": text}))
            else:
                answer({"error": "the page did not load"})

        preview.page.loadFinished.connect(loaded)
        preview.set_page("Smoke", "test", "<h1>Bonjour de la boutique</h1><p>Été</p>")


def vault_round_trip() -> dict[str, Any]:
    """Store, read back and delete a throw-away secret with the app's own vault: the keyring
    package finds its backends through package metadata, which a bundle can lose (then the
    vault refuses, or falls back to no backend)."""
    from engage_desktop.security.vault import Vault

    vault = Vault.system()
    reference, secret = "smoke-test-round-trip", f"checked at {time.time()}"
    vault.put(reference, secret)
    read_back = vault.get(reference)
    deleted = vault.delete(reference)
    return {"backend": vault.describe(), "round_trip": read_back == secret, "deleted": deleted}


def _write(path: Path, text: str) -> None:
    """Whole files only: the driver polls for them, so write aside and rename."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def install_probe(spec: str) -> None:
    """``spec`` is ``MODE:FOLDER``; the window ``run_gui`` builds gets a probe."""
    mode, _, folder = spec.partition(":")
    if mode not in {"first-paint", "watch"} or not folder:
        raise SystemExit(
            f"ENGAGE_DESKTOP_PROBE must be first-paint:FOLDER or watch:FOLDER, not {spec!r}"
        )
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)

    class ProbedMainWindow(MainWindow):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.probe = Probe(self, target, exit_at_paint=mode == "first-paint")

    gui.MainWindow = ProbedMainWindow  # type: ignore[attr-defined]  # run_gui builds it from there
