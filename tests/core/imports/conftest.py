"""Fixtures for import tests: a workspace with one app the current user may edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from tests.support.apps import add_app

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def add_import_app(ws: Workspace, name: str = "Maison Lumière", role: Role = Role.MARKETER) -> int:
    """An app without platforms, as a workspace has before its first import."""
    return add_app(ws, name, role, platforms=())


@pytest.fixture
def ws(make_workspace: Callable[..., Workspace]) -> Workspace:
    workspace = make_workspace()
    workspace.clock = FixedClock(NOW)
    return workspace


@pytest.fixture
def app_id(ws: Workspace) -> int:
    return add_import_app(ws)


@pytest.fixture
def new_app(ws: Workspace) -> Callable[..., int]:
    """Factory: another app in the same workspace, with the given role for the current user."""
    return lambda name, role=Role.MARKETER: add_import_app(ws, name, role)
