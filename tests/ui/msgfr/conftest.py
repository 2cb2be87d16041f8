"""Fixtures: the French catalogues installed for one test, and a workspace with one app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, MemberRole, Role
from engage_desktop.ui.context import UiContext

SHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "msgfr"


def _context(make_workspace: Callable[..., Workspace], tmp_path: Path, role: Role) -> UiContext:
    ws = make_workspace()
    with ws.session() as session:
        app = App(name="Maison Test", firebase_project_id="maison-test", platforms=["ios"])
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=role))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(ws, settings)


@pytest.fixture
def admin_context(
    make_workspace: Callable[..., Workspace], tmp_path: Path, qapp: object
) -> UiContext:
    return _context(make_workspace, tmp_path, Role.ADMIN)


@pytest.fixture
def marketer_context(
    make_workspace: Callable[..., Workspace], tmp_path: Path, qapp: object
) -> UiContext:
    return _context(make_workspace, tmp_path, Role.MARKETER)


@pytest.fixture
def shots() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS
