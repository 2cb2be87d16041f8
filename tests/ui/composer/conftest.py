"""Fixtures: a composer on a real SQLite workspace with one app where the user is a marketer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, MemberRole, Profile, Role
from engage_desktop.ui.context import UiContext

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "composer"


@pytest.fixture
def ui_context(
    make_workspace: Callable[..., Workspace], tmp_path: Path, qapp: object
) -> Iterator[UiContext]:
    ws = make_workspace()
    with ws.session() as session:
        app = App(
            name="Maison Test", firebase_project_id="maison-test", platforms=["ios", "android"]
        )
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.MARKETER))
        session.add(
            Profile(
                app_id=app.id,
                external_id="u-1",
                first_name="Zoé",
                last_name="Durand",
                email="zoe@example.fr",
                attributes={"points": 42},
            )
        )
        session.add(
            Profile(app_id=app.id, external_id="u-2", first_name=None, email="anon@example.fr")
        )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield UiContext(ws, settings)


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
