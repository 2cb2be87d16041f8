"""Import panel tests: a marketer's empty app, and no import job may outlive its test (a runner
emitting into a destroyed panel would crash later)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from engage_desktop.ui.context import UiContext
from tests.support.apps import add_app


@pytest.fixture(autouse=True)
def _background_jobs_done(qapp: object) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(20_000), "an import job is still running"


@pytest.fixture
def context(make_workspace: Callable[..., Workspace], qsettings: QSettings) -> UiContext:
    """An empty app "Maison Lumière" where the user is a marketer."""
    ws = make_workspace()
    add_app(ws, "Maison Lumière", Role.MARKETER, platforms=())
    return UiContext(ws, qsettings, access=read_member_access(ws))
