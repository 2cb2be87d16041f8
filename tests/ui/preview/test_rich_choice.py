"""Where QtWebEngine cannot start, the rich push preview falls back and says why; the app stays.

Each case runs in a real child process, because the failure being guarded against is Chromium
killing its process ("Running as root without --no-sandbox is not supported").
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.support.paths import ROOT

CHILD = textwrap.dedent(
    """
    import sys
    {prelude}
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from engage_desktop.ui.preview.rich_choice import create_rich_preview
    preview = create_rich_preview()
    preview.show()
    preview.set_page("Soldes", "l'automne", "<p>Bonjour</p>")
    QTimer.singleShot(2500, app.quit)  # long enough for Chromium's zygote to start (and die)
    app.exec()
    print("ALIVE", type(preview).__name__)
    print("REASON", getattr(preview, "reason", None) and preview.reason.text())
    """
)


def _run(prelude: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD.format(prelude=prelude)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for key, value in changes.items():
        env.pop(key, None)
        if value is not None:
            env[key] = value
    return env


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_root_without_sandbox_flag_falls_back_instead_of_dying() -> None:
    # Fault: choosing rich push closed the whole app, without a message, when run as root.
    done = _run("", _env(QTWEBENGINE_CHROMIUM_FLAGS=None, QTWEBENGINE_DISABLE_SANDBOX=None))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ALIVE PlainRichPreview" in done.stdout
    assert "root" in done.stdout


def test_missing_web_engine_falls_back() -> None:
    blocked = "sys.modules['PySide6.QtWebEngineWidgets'] = None  # as if not installed"
    done = _run(blocked, _env())
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ALIVE PlainRichPreview" in done.stdout
    assert "not available" in done.stdout


def test_web_engine_used_where_it_can_start() -> None:
    done = _run("", _env(QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ALIVE RichPreview" in done.stdout
