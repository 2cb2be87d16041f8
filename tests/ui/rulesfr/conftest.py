"""Fixtures: the French catalogues installed for one test; a Segments tab on a small app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, MemberRole, Profile, Role
from engage_desktop.ui.context import UiContext


@pytest.fixture
def context(make_workspace: Callable[..., Workspace], tmp_path: Path, qapp: object) -> UiContext:
    ws = make_workspace()
    with ws.session() as session:
        app = App(name="Maison Test", firebase_project_id="maison-test", platforms=["ios"])
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        session.add_all(Profile(app_id=app.id, external_id=f"p{i}", city="Lyon") for i in range(3))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(ws, settings)


@pytest.fixture
def tab(context: UiContext, french: None, qtbot) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The Segments tab, built after the French catalogues are installed."""
    from engage_desktop.ui.audience.live_count import count_pool
    from engage_desktop.ui.audience.segments_tab import SegmentsTab

    widget = SegmentsTab(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    qtbot.waitUntil(lambda: not widget.busy(), timeout=10_000)
    yield widget
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert count_pool().waitForDone(10_000)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Let background work finish before pytest-qt closes (and deletes) the widgets."""
    yield
    from engage_desktop.ui.audience.live_count import count_pool

    QThreadPool.globalInstance().waitForDone(10_000)
    count_pool().waitForDone(10_000)
