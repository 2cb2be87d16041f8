"""Fixtures: the Segments tab on a private copy of the small demo workspace, at a fixed time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.context import UiContext

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


@pytest.fixture
def ws(demo_workspace: Workspace) -> Workspace:
    return replace(demo_workspace, clock=FixedClock(NOW))


@pytest.fixture
def context(ws: Workspace, tmp_path: Path, qapp: object) -> UiContext:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(ws, settings, access=read_member_access(ws))


@pytest.fixture
def tab(context: UiContext, qtbot) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from engage_desktop.ui.audience.segments_tab import SegmentsTab

    widget = SegmentsTab(context)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    qtbot.waitUntil(lambda: not widget.busy(), timeout=10_000)
    yield widget
    # Nothing may still run against the workspace when the fixture closes it (the widget itself
    # is already closed by pytest-qt here).
    from engage_desktop.ui.audience.live_count import count_pool

    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert count_pool().waitForDone(10_000)
