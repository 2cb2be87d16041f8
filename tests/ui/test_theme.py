"""A theme change while a window is open reaches every widget: style-sheeted headings, the segment
builder, tinted messages and palette-drawn icons (the Segments tab kept its old colours)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.appearance import apply_appearance
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.theme import TINTS
from tests.support.contrast import contrast_ratio


@pytest.fixture
def app() -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    apply_appearance(instance, "light")
    yield instance
    apply_appearance(instance, "light")


def _rgb(color: QColor) -> tuple[int, int, int]:
    return color.red(), color.green(), color.blue()


def _legible(label: QWidget, app: QApplication) -> bool:
    """The label's text colour on the window it sits on (not its own, possibly stale, one)."""
    text = label.palette().color(QPalette.ColorRole.WindowText)
    window = app.palette().color(QPalette.ColorRole.Window)
    return contrast_ratio(_rgb(text), _rgb(window)) >= 4.5


def _lightness(widget: QWidget, pick: str) -> int:
    """The lightest (or darkest) pixel the widget draws: its text, on its background."""
    image: QImage = widget.grab().toImage()
    values = [
        QColor(image.pixel(x, y)).lightness()
        for x in range(0, image.width(), 2)
        for y in range(image.height())
    ]
    return max(values) if pick == "max" else min(values)


def test_segments_tab_follows_a_theme_switch_while_open(
    demo_workspace: Workspace, tmp_path: Path, qtbot: QtBot, app: QApplication
) -> None:
    from engage_desktop.ui.audience.live_count import count_pool
    from engage_desktop.ui.audience.segments_tab import SegmentsTab

    ws = replace(demo_workspace, clock=FixedClock(datetime(2026, 11, 1, tzinfo=UTC)))
    context = UiContext(
        ws,
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        access=read_member_access(ws),
    )
    apply_appearance(app, "dark")  # opened in dark, as the screenshots were
    tab = SegmentsTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 760)
    tab.show()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)
    headings = [tab.sample_title, tab.count_panel.heading, tab.count_panel.reach_heading]
    tab.show_message("Impossible", error=True)
    try:
        apply_appearance(app, "light")
        qtbot.wait(10)
        # Fault: switched to light, the headings vanished (light text on the light window)
        # and the builder stayed dark.
        for heading in headings:
            assert _legible(heading, app), heading.text()
        assert _lightness(tab.builder, "max") > 200
        assert TINTS["error"][0] in tab.message.styleSheet()
        apply_appearance(app, "dark")
        qtbot.wait(10)
        for heading in headings:
            assert _legible(heading, app), heading.text()
        assert _lightness(tab.builder, "min") < 90
        assert TINTS["error"][1] in tab.message.styleSheet()
    finally:
        tab.close()
        assert QThreadPool.globalInstance().waitForDone(10_000)
        assert count_pool().waitForDone(10_000)
