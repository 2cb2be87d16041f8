"""The probe the smoke test reads: campaigns are reported only once the table holds them, so an
empty window cannot pass; requests are answered; ``quit`` closes the window."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QProgressDialog

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.main_window import MainWindow
from installer.probe import Probe
from tests.support.web_engine import WEB_ENGINE_NOISE


def _window(qtbot, workspace: Workspace, tmp_path: Path) -> tuple[MainWindow, Path]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    folder = tmp_path / "probe"
    folder.mkdir()
    window.probe = Probe(window, folder, exit_at_paint=False)  # type: ignore[attr-defined]
    window.show()
    qtbot.waitUntil((folder / "first-paint").exists, timeout=5000)
    window.attach(UiContext(workspace, access=read_member_access(workspace)))
    return window, folder


def _ask(
    qtbot, folder: Path, number: int, timeout: int = 5, **request: object
) -> dict[str, object]:
    (folder / f"request-{number:03d}.json").write_text(json.dumps(request), encoding="utf-8")
    done = folder / f"done-{number:03d}.json"
    qtbot.waitUntil(done.exists, timeout=timeout * 1000)
    answer: dict[str, object] = json.loads(done.read_text(encoding="utf-8"))
    return answer


def test_an_empty_window_never_reports_campaigns(
    qtbot, make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    window, folder = _window(qtbot, make_workspace(), tmp_path)
    assert _ask(qtbot, folder, 1, action="screenshot", path=str(tmp_path / "s.png")) == {
        "saved": True
    }  # answered after several polls of the (empty) campaigns table
    qtbot.wait(500)
    assert not (folder / "campaigns.json").exists()
    assert window.isVisible()


def test_the_first_start_dialog_is_recorded_with_the_values_it_showed(
    qtbot, make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    window, folder = _window(qtbot, make_workspace(), tmp_path)
    qtbot.wait(500)
    assert not (folder / "first-start.json").exists()  # no dialog, nothing recorded
    dialog = QProgressDialog(window)
    dialog.setWindowTitle("First start")
    dialog.setLabelText("Creating the demo workspace")
    dialog.setRange(0, 100)
    dialog.show()
    for value in (0, 40):
        dialog.setValue(value)
        qtbot.waitUntil(
            lambda v=value: (
                (folder / "first-start.json").exists()
                and v
                in json.loads((folder / "first-start.json").read_text(encoding="utf-8"))["values"]
            ),
            timeout=5000,
        )
    dialog.close()
    shown = json.loads((folder / "first-start.json").read_text(encoding="utf-8"))
    assert shown == {
        "title": "First start",
        "label": "Creating the demo workspace",
        "values": [0, 40],
    }


@WEB_ENGINE_NOISE
def test_the_demo_campaigns_are_reported_and_requests_answered(
    qtbot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    window, folder = _window(qtbot, demo_workspace, tmp_path)
    qtbot.waitUntil((folder / "campaigns.json").exists, timeout=10000)
    shown = json.loads((folder / "campaigns.json").read_text(encoding="utf-8"))
    assert "Soldes d'hiver : -30 % sur les luminaires" in shown["names"]
    assert shown["rows"] == len(shown["names"]) > 1
    assert _ask(qtbot, folder, 1, action="dance") == {"error": "unknown action 'dance'"}
    assert _ask(qtbot, folder, 2, action="compose", campaign_id=1) == {"opened": True}
    rendered = _ask(qtbot, folder, 4, action="rich-page", timeout=60)
    assert "Bonjour de la boutique" in str(rendered["text"])
    page = window.page("campaigns")
    composers = list(page.composers)  # type: ignore[union-attr]
    assert len(composers) == 1
    for composer in composers:
        composer.close()
    keyring = _ask(qtbot, folder, 5, action="vault")
    assert keyring["round_trip"] is True and keyring["deleted"] is True
    assert "SecretService" in str(keyring["backend"])  # the session's real keyring
    assert _ask(qtbot, folder, 3, action="quit") == {"quitting": True}
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
