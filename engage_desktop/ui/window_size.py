"""Windows open at a comfortable size, never larger than the screen they open on.

A 1400×900 composer on a 1366×768 laptop put its title bar buttons and its right edge off
screen; the size wanted is a preference, the screen's free area (without panels) the limit.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SCREEN_SHARE = 0.95  # leave room for the window frame the window manager adds


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height``, shrunk to fit its screen's free area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    window.resize(
        min(width, int(free.width() * SCREEN_SHARE)),
        min(height, int(free.height() * SCREEN_SHARE)),
    )
