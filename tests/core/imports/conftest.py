"""Fixtures for import tests: a workspace with one app the current user may edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, MemberRole, Role

DATA = Path(__file__).resolve().parents[2] / "data" / "imports"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def add_app(ws: Workspace, name: str = "Maison Lumière", role: Role = Role.MARKETER) -> int:
    with ws.session() as session:
        app = App(name=name, firebase_project_id=name.lower().replace(" ", "-"))
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=role))
        return app.id


@pytest.fixture
def ws(make_workspace: Callable[..., Workspace]) -> Workspace:
    workspace = make_workspace()
    workspace.clock = FixedClock(NOW)
    return workspace


@pytest.fixture
def app_id(ws: Workspace) -> int:
    return add_app(ws)


@pytest.fixture
def new_app(ws: Workspace) -> Callable[..., int]:
    """Factory: another app in the same workspace, with the given role for the current user."""
    return lambda name, role=Role.MARKETER: add_app(ws, name, role)
