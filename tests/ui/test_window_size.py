"""Windows open at their preferred size unless the screen is smaller."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from engage_desktop.ui.window_size import resize_within_screen


def test_a_window_larger_than_the_screen_is_shrunk_to_its_free_area(qtbot: QtBot) -> None:
    # Seen on a 1280×900 desktop: the 1400×900 composer's right edge and buttons were off screen.
    window = QWidget()
    qtbot.addWidget(window)
    screen = window.screen()
    free = screen.availableGeometry()
    resize_within_screen(window, free.width() + 500, free.height() + 300)
    assert window.width() < free.width() and window.height() < free.height()
    assert window.width() >= free.width() * 0.9


def test_a_window_that_fits_gets_the_size_asked(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    resize_within_screen(window, free.width() // 2, free.height() // 2)
    assert (window.width(), window.height()) == (free.width() // 2, free.height() // 2)
