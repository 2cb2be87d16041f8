"""Icons bundled with the app."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from engage_desktop.resources import resource_path

NAV_ICON_GREY = b"#6b7280"


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64, 128, 256):
        path = resource_path("icons", f"engage-desktop-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    return icon


def nav_icon(page_id: str) -> QIcon | None:
    """The navigation icon bundled for a page, drawn in a grey that reads on light and dark.

    Bundled rather than taken from the desktop theme: most Windows and many Linux sessions have
    no icon theme, and a navigation list with icons on some rows only looks broken.
    """
    path = resource_path("icons", "nav", f"{page_id}.svg")
    if not path.exists():
        return None
    grey = path.read_bytes()
    # On the selected row the grey would sink into the highlight: draw it white there.
    white = grey.replace(NAV_ICON_GREY, b"#ffffff")
    icon = QIcon()
    for size in (20, 40):  # 1x and 2x screens
        icon.addPixmap(_render_svg(grey, size), QIcon.Mode.Normal)
        icon.addPixmap(_render_svg(white, size), QIcon.Mode.Selected)
    return icon


def _render_svg(svg: bytes, size: int) -> QPixmap:
    from PySide6.QtSvg import QSvgRenderer  # only once pages are built, never before first paint

    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))  # not Qt.GlobalColor: Qt's namespace costs 12 ms to load
    painter = QPainter(pixmap)
    QSvgRenderer(QByteArray(svg)).render(painter)
    painter.end()
    return pixmap
