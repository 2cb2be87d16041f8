"""Regression guard: PySide6 6.12.0 lowers None's refcount on every Python virtual override call
and crashes after a few thousand paints (see docs/architecture.md). Our pin must not have it."""

from __future__ import annotations

import gc
import sys

from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class _Painted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawLine(0, 0, 10, 10)
        painter.end()
        self.paints += 1


def test_repainting_does_not_leak_none_references(qtbot) -> None:
    widget = _Painted()
    qtbot.addWidget(widget)
    widget.resize(50, 50)
    widget.show()
    qtbot.waitExposed(widget)
    gc.collect()  # garbage of earlier tests, freed mid-loop, would lower None's count too
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for _ in range(1000):
            widget.grab()  # renders through our Python paintEvent override
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert widget.paints >= 1000
    assert after >= before - 5
