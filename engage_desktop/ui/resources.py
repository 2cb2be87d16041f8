"""Icons bundled with the app."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from engage_desktop.resources import resource_path


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64, 128, 256):
        path = resource_path("icons", f"engage-desktop-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon
