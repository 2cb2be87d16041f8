"""Keystroke-to-repainted latency of the live push preview, against a bare QLabel.

Types 200 characters into the composer's body field (real key events, the whole path: undo
command, Liquid render, font-metric layout of six surfaces, payload rebuild, validation) with
all push surfaces visible. For each keystroke: ``handle`` = the key event until control returns
(model, layout, payload), then every surface is repainted synchronously and timed. Per surface
the latency is handle + its own repaint; ``frame`` is handle + all repaints (what one frame at
120 Hz must fit). The reference, in the same run, is QLabel.setText + repaint per character.
The rich page (QtWebEngine) is timed from set_page to loadFinished (goal 50 ms).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchmarks._common import emit, summary

GOAL_MS = 8.0
RICH_GOAL_MS = 50.0
TEXT = ("Bonjour {{ first_name }}, nos lampes 🎉 sont à -50 % jusqu'à dimanche ! " * 4)[:200]


def _ms(samples: list[float]) -> dict[str, float]:
    s = summary(samples)
    return {
        "p50_ms": round(s["median"] * 1e3, 3),
        "p95_ms": round(s["p95"] * 1e3, 3),
        "max_ms": round(s["max"] * 1e3, 3),
    }


def _rich_rerender(app: object) -> list[float]:
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    from engage_desktop.ui.preview.rich_preview import RichPreview

    preview = RichPreview()
    preview.show()
    samples: list[float] = []
    loop = QEventLoop()
    preview.page.loadFinished.connect(lambda _ok: loop.quit())
    html = "<h1>Soldes d'hiver</h1><p>Nos lampes à -50 %% jusqu'à dimanche.</p><ul>%s</ul>"
    for i in range(31):
        items = "".join(f"<li>Article {n}</li>" for n in range(i + 5))
        start = time.perf_counter()
        preview.set_page("Soldes", "Offres", html % items)
        QTimer.singleShot(10000, loop.quit)
        loop.exec()
        if i:  # the first load starts the web engine
            samples.append(time.perf_counter() - start)
    preview.close()
    preview.deleteLater()
    # Delete the web view now, while Qt is whole: left to interpreter exit it can crash.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return samples


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks preview")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel

    from engage_desktop.core.member_access import read_member_access
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.models import App, MemberRole, Role
    from engage_desktop.ui.composer.window import ComposerWindow
    from engage_desktop.ui.context import UiContext

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ws = open_for_current_user(resolve_workspace(str(Path(tmp) / "w.sqlite")), create=True)
        with ws.session() as session:
            row = App(name="Bench", firebase_project_id="bench", platforms=["ios", "android"])
            session.add(row)
            session.flush()
            session.add(MemberRole(member_id=ws.member_id, app_id=row.id, role=Role.MARKETER))
        ctx = UiContext(
            ws,
            QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat),
            access=read_member_access(ws),
        )
        window = ComposerWindow(ctx)
        window.autosave.setInterval(10**9)  # measure typing, not the draft save
        window.resize(1600, 1100)
        window.show()
        app.processEvents()
        body = window.widgets["content.body"]
        body.setFocus()
        previews = window.push_panel.previews
        handle: list[float] = []
        per_surface: dict[str, list[float]] = {s.value: [] for s in previews}
        frame: list[float] = []
        for ch in TEXT:
            start = time.perf_counter()
            if ch.isascii():
                QTest.keyClick(body, ch)
            else:
                body.insertPlainText(ch)  # QTest cannot synthesise non-ASCII keys
            handled = time.perf_counter() - start
            handle.append(handled)
            total = handled
            for surface, preview in previews.items():
                t = time.perf_counter()
                preview.repaint()
                own = time.perf_counter() - t
                per_surface[surface.value].append(handled + own)
                total += own
            frame.append(total)
        label = QLabel()
        label.resize(400, 40)
        label.show()
        app.processEvents()
        reference: list[float] = []
        text = ""
        for ch in TEXT:
            text += ch
            t = time.perf_counter()
            label.setText(text)
            label.repaint()
            reference.append(time.perf_counter() - t)
        rich = _rich_rerender(app)
        window.autosave.stop()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        window.hide()
        ws.close()
    emit(
        {
            "benchmark": "preview",
            "keystrokes": len(TEXT),
            "goal_push_surface_p95_ms": GOAL_MS,
            "keystroke_handling": _ms(handle),
            "per_surface": {
                name: {
                    **_ms(v),
                    "goal_p95_ms": GOAL_MS,
                    "meets_goal": summary(v)["p95"] * 1e3 <= GOAL_MS,
                }
                for name, v in per_surface.items()
            },
            "all_surfaces_frame": {**_ms(frame), "goal_p95_ms": GOAL_MS},
            "reference_qlabel_settext_repaint": _ms(reference),
            "rich_html_rerender": {
                **_ms(rich),
                "goal_p95_ms": RICH_GOAL_MS,
                "what": "set_page (sanitise + setHtml) until loadFinished, 30 edits",
            },
        },
        args.json,
    )
    return 0
