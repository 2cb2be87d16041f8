"""What surrounds a notification on the phone: wallpaper, and per surface the lock screen's clock
or the banner's status bar and home screen, so the iOS lock screen and banner look as different
as they are (they were drawn identically).

Heights are logical units (pt / dp) added above the card; ``paint_chrome`` draws into a painter
already scaled to the device's logical width.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, Qt, QTime
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPainterPath

from engage_desktop.core.textlayout.surfaces import IOS_TIME, Surface, is_ios
from engage_desktop.ui.preview.fonts import qfont

LOCK_CLOCK_HEIGHT = 132.0  # date line and the large clock above the notification stack
STATUS_BAR_HEIGHT = 44.0  # status bar above a banner (below it: the home screen)


@dataclass(frozen=True)
class Palette:
    """A surface's colours in light or dark mode (text pairs checked for contrast in tests)."""

    wallpaper: tuple[str, str]
    card: QColor
    primary: QColor
    secondary: QColor
    accent: QColor
    chrome: QColor  # clock, status bar and captions drawn on the wallpaper


def palette(surface: Surface, dark: bool) -> Palette:
    if is_ios(surface):
        if dark:
            return Palette(
                ("#1c2541", "#0b132b"),
                QColor(49, 49, 49, 235),
                QColor("#ffffff"),
                QColor(235, 235, 245, 165),
                QColor("#0a84ff"),
                QColor("#ffffff"),
            )
        return Palette(
            ("#36508a", "#7a4a78"),
            QColor(246, 246, 246, 235),
            QColor("#111111"),
            QColor(60, 60, 67, 190),
            QColor("#007aff"),
            QColor("#ffffff"),
        )
    if dark:
        return Palette(
            ("#202124", "#111214"),
            QColor("#2b2930"),
            QColor("#e6e0e9"),
            QColor("#cac4d0"),
            QColor("#d0bcff"),
            QColor("#e6e0e9"),
        )
    return Palette(
        ("#d7e3f4", "#eef1f6"),
        QColor("#ece6f0"),
        QColor("#1d1b20"),
        QColor("#49454f"),
        QColor("#6750a4"),
        QColor("#1d1b20"),
    )


def chrome_height(surface: Surface) -> float:
    """Room above the card: the lock screen's clock, the banner's status bar, else none."""
    if surface is Surface.IOS_LOCK:
        return LOCK_CLOCK_HEIGHT
    if surface is Surface.IOS_BANNER:
        return STATUS_BAR_HEIGHT
    return 0.0


def paint_wallpaper(painter: QPainter, width: float, height: float, pal: Palette) -> None:
    gradient = QLinearGradient(0, 0, 0, height)
    gradient.setColorAt(0, QColor(pal.wallpaper[0]))
    gradient.setColorAt(1, QColor(pal.wallpaper[1]))
    painter.fillRect(QRectF(0, 0, width, height), gradient)


def paint_chrome(
    painter: QPainter, surface: Surface, width: float, height: float, pal: Palette
) -> None:
    if surface is Surface.IOS_LOCK:
        _lock_clock(painter, width, pal)
    elif surface is Surface.IOS_BANNER:
        _home_screen(painter, width, height, pal)
        _status_bar(painter, width, pal)


def _lock_clock(painter: QPainter, width: float, pal: Palette) -> None:
    locale = QLocale()
    date = locale.toString(QDate.currentDate(), "dddd d MMMM")
    painter.setPen(pal.chrome)
    painter.setFont(qfont(IOS_TIME))
    painter.drawText(QRectF(0, 18, width, 22), Qt.AlignmentFlag.AlignCenter, date)
    clock = QFont(qfont(IOS_TIME))
    clock.setPixelSize(72)
    clock.setWeight(QFont.Weight.DemiBold)
    painter.setFont(clock)
    time = locale.toString(QTime(9, 41), QLocale.FormatType.ShortFormat)
    painter.drawText(QRectF(0, 36, width, 84), Qt.AlignmentFlag.AlignCenter, time)


def _status_bar(painter: QPainter, width: float, pal: Palette) -> None:
    painter.setPen(pal.chrome)
    painter.setFont(qfont(IOS_TIME))
    painter.drawText(QRectF(28, 12, 80, 22), Qt.AlignmentFlag.AlignVCenter, "9:41")
    island = QPainterPath()
    island.addRoundedRect(QRectF(width / 2 - 60, 10, 120, 26), 13, 13)
    painter.fillPath(island, QColor("#000000"))
    battery = QPainterPath()
    battery.addRoundedRect(QRectF(width - 52, 17, 24, 12), 3, 3)
    painter.fillPath(battery, pal.chrome)


def _home_screen(painter: QPainter, width: float, height: float, pal: Palette) -> None:
    """Rows of app icons behind the banner: the phone is in use, not locked."""
    tile = QColor(pal.chrome)
    tile.setAlpha(60)
    size, gap = 60.0, (width - 4 * 60.0) / 5
    y = STATUS_BAR_HEIGHT + 24.0
    while y + size < height:
        for column in range(4):
            path = QPainterPath()
            path.addRoundedRect(QRectF(gap + column * (size + gap), y, size, size), 14, 14)
            painter.fillPath(path, tile)
        y += size + 28.0


def default_app_name() -> str:
    return QCoreApplication.translate("PushPreview", "App")
