"""The app's icon (a PNG stored by Settings → Apps) as a pixmap for previews and lists."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap


def icon_pixmap(png: bytes | None, size: int) -> QPixmap | None:
    """The stored icon scaled to ``size`` pixels, or None without one (or an unreadable one)."""
    if not png:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(png, "PNG"):
        return None
    return pixmap.scaled(
        QSize(size, size),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
