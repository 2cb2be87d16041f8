"""One push surface drawn as the phone shows it: ``PushPreview.set_content(content, surface, dark)``.

The widget never wraps text itself: it draws the lines the Qt-free core computed with HarfBuzz
(``core.textlayout.surfaces.layout``), in the same font files, so the ellipsis on screen is where
the core says the device cuts. Geometry follows PREVIEW-GEOMETRY.md (1 logical unit = 1 px).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from engage_desktop.core.content.push import PushContent
from engage_desktop.core.textlayout.metrics import FontSpec, text_width
from engage_desktop.core.textlayout.surfaces import (
    ANDROID_BODY,
    ANDROID_SMALL,
    ANDROID_TITLE,
    IOS_BODY,
    IOS_TIME,
    IOS_TITLE,
    IPHONE_15,
    PIXEL_8,
    Device,
    Surface,
    SurfaceText,
    is_ios,
    layout,
)
from engage_desktop.ui.preview.fonts import qfont
from engage_desktop.ui.preview.phone_chrome import (
    Palette,
    chrome_height,
    default_app_name,
    paint_chrome,
    paint_wallpaper,
    palette,
)


class PushPreview(QWidget):
    """A phone-width strip showing one notification surface in light or dark mode.

    ``set_zoom`` scales the whole drawing (the panel fits the phones to its width); the text is
    still cut where the device, at its real width, cuts it.
    """

    def __init__(self, surface: Surface = Surface.IOS_LOCK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.surface = surface
        self.dark = False
        self.device: Device = IPHONE_15 if is_ios(surface) else PIXEL_8
        self.content = PushContent()
        self.text: SurfaceText = layout(surface, title="", body="")
        self.image: QPixmap | None = None
        self.app_name = default_app_name()  # the app's name (Settings → Apps)
        self.zoom = 1.0
        self.app_icon: QPixmap | None = None  # the app's icon (Settings → Apps), else a plain tile
        self._backdrop_key: tuple[object, ...] | None = None
        self._backdrop_pixmap: QPixmap | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_content(
        self,
        content: PushContent,
        surface: Surface | None = None,
        dark: bool | None = None,
        device: Device | None = None,
    ) -> None:
        """Show ``content`` (texts already personalised) and repaint."""
        if surface is not None and surface is not self.surface:
            self.surface = surface
            self.device = IPHONE_15 if is_ios(surface) else PIXEL_8
        if dark is not None:
            self.dark = dark
        if device is not None:
            self.device = device
        self.content = content
        self.text = layout(
            self.surface,
            title=content.title,
            subtitle=content.subtitle,
            body=content.body,
            image=bool(content.image_url),
            actions=len(content.actions),
            device=self.device,
            time_label=self.tr("now"),
        )
        self.setFixedSize(self.sizeHint())  # synchronous: the layout must not lag a keystroke
        self.update()

    def set_zoom(self, zoom: float) -> None:
        """Draw at ``zoom`` × the device's logical size (1 logical unit = ``zoom`` px)."""
        zoom = max(0.4, min(1.0, zoom))
        if abs(zoom - self.zoom) > 1e-3:
            self.zoom = zoom
            self.setFixedSize(self.sizeHint())
            self.update()

    def set_image(self, pixmap: QPixmap | None) -> None:
        """The picture to draw in the image slot (the composer fetches the URL or a local file)."""
        self.image = pixmap
        self.update()

    # --- geometry -------------------------------------------------------------------------
    def _expanded_image_height(self) -> float:
        return (
            180.0
            if self.content.image_url
            and self.surface in (Surface.IOS_EXPANDED, Surface.ANDROID_EXPANDED)
            else 0.0
        )

    def _card_height(self) -> float:
        t = self.text
        if is_ios(self.surface):
            lines = 1 + (1 if t.subtitle else 0) + max(1, len(t.body.lines))
            return 24.0 + 20.0 * lines + self._expanded_image_height()
        if self.surface is Surface.ANDROID_EXPANDED:
            actions = 48.0 if self.content.actions else 0.0
            return (
                50.0
                + 20.0
                + 6.0
                + 20.0 * max(1, len(t.body.lines))
                + 20.0
                + self._expanded_image_height()
                + actions
            )
        actions = 48.0 if self.content.actions and self.surface is Surface.ANDROID_HEADS_UP else 0.0
        return 88.0 + actions

    def _actions_height(self) -> float:
        if self.surface is Surface.IOS_EXPANDED and self.content.actions:
            return 12.0 + 44.0 * len(self.content.actions)
        return 0.0

    def _card_top(self) -> float:
        return 16.0 + chrome_height(self.surface)

    def logical_height(self) -> float:
        """The strip's height in device units: chrome, card, actions and margins."""
        return self._card_top() + 16.0 + self._card_height() + self._actions_height()

    def sizeHint(self) -> QSize:
        return QSize(round(self.device.width * self.zoom), round(self.logical_height() * self.zoom))

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        pal = palette(self.surface, self.dark)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor(pal.wallpaper[1]))  # the zoom's last partial pixel
        painter.scale(self.zoom, self.zoom)
        card = QRectF(16.0, self._card_top(), self.device.width - 32.0, self._card_height())
        painter.drawPixmap(0, 0, self._backdrop(pal, card))
        if is_ios(self.surface):
            self._paint_ios(painter, card, pal)
        else:
            self._paint_android(painter, card, pal)
        painter.end()

    def _backdrop(self, pal: Palette, card: QRectF) -> QPixmap:
        """Wallpaper and card, cached: a translucent anti-aliased rounded card is the costliest
        thing in the paint and it only changes with size, surface or mode."""
        width, height = self.device.width, self.logical_height()
        key = (
            width,
            height,
            card.height(),
            self.surface,
            self.dark,
            self.devicePixelRatioF(),
            self.zoom,
        )
        if self._backdrop_key == key and self._backdrop_pixmap is not None:
            return self._backdrop_pixmap
        ratio = self.devicePixelRatioF() * self.zoom
        pixmap = QPixmap(max(1, math.ceil(width * ratio)), max(1, math.ceil(height * ratio)))
        pixmap.setDevicePixelRatio(ratio)  # drawn in device units, stored at screen pixels
        pixmap.fill(QColor(pal.wallpaper[1]))  # the last column, partly covered at some zooms
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_wallpaper(painter, width, height, pal)
        paint_chrome(painter, self.surface, width, height, pal)
        radius = 22.0 if is_ios(self.surface) else 28.0
        path = QPainterPath()
        path.addRoundedRect(card, radius, radius)
        painter.fillPath(path, pal.card)
        painter.end()
        self._backdrop_key, self._backdrop_pixmap = key, pixmap
        return pixmap

    def _image_rect(self, painter: QPainter, rect: QRectF, radius: float) -> None:
        clip = QPainterPath()
        clip.addRoundedRect(rect, radius, radius)
        painter.save()
        painter.setClipPath(clip)
        if self.image is not None and not self.image.isNull():
            scaled = self.image.scaled(
                rect.size().toSize(),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            x = rect.x() + (rect.width() - scaled.width()) / 2
            y = rect.y() + (rect.height() - scaled.height()) / 2
            painter.drawPixmap(QPointF(x, y), scaled)  # centre crop, as both systems do
        else:
            painter.fillRect(rect, QColor(128, 128, 128, 90))
            painter.setPen(QColor(255, 255, 255, 200))
            painter.setFont(qfont(ANDROID_SMALL))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("image"))
        painter.restore()

    def _draw_icon(self, painter: QPainter, rect: QRectF, radius: float, pal: Palette) -> None:
        """The app's icon clipped to the platform's shape, or a tile in the accent colour."""
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        if self.app_icon is None:
            painter.fillPath(path, pal.accent)
            return
        painter.save()
        painter.setClipPath(path)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(rect, self.app_icon, QRectF(self.app_icon.rect()))
        painter.restore()

    def _paint_ios(self, painter: QPainter, card: QRectF, pal: Palette) -> None:
        t = self.text
        top = card.y() + 12.0
        if self._expanded_image_height():
            self._image_rect(painter, QRectF(card.x(), card.y(), card.width(), 180.0), 22.0)
            top += 180.0
        expanded = self.surface is Surface.IOS_EXPANDED
        x = card.x() + (12.0 if expanded else 12.0 + 38.0 + 9.0)
        if not expanded:
            icon = QRectF(card.x() + 12.0, card.y() + 12.0, 38.0, 38.0)
            self._draw_icon(painter, icon, 9.0, pal)
            if self.content.image_url:
                self._image_rect(
                    painter, QRectF(card.right() - 12.0 - 40.0, card.y() + 12.0, 40.0, 40.0), 8.0
                )
        self._line(
            painter,
            IOS_TITLE,
            pal.primary,
            x,
            top,
            t.title.lines[0] if self.content.title else self.app_name,
        )
        painter.setFont(qfont(IOS_TIME))
        painter.setPen(pal.secondary)
        time_right = (
            card.right() - 12.0 - (49.0 if (self.content.image_url and not expanded) else 0.0)
        )
        painter.drawText(
            QRectF(x, top, time_right - x, 20.0),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.tr("now"),
        )
        y = top + 20.0
        if t.subtitle:
            self._line(painter, IOS_TITLE, pal.primary, x, y, t.subtitle.lines[0])
            y += 20.0
        for line in t.body.lines:
            self._line(painter, IOS_BODY, pal.primary, x, y, line)
            y += 20.0
        if expanded and self.content.actions:
            box = QRectF(
                card.x(), card.bottom() + 12.0, card.width(), 44.0 * len(self.content.actions)
            )
            actions_path = QPainterPath()
            actions_path.addRoundedRect(box, 14.0, 14.0)
            painter.fillPath(actions_path, pal.card)
            for i, action in enumerate(self.content.actions):
                row = QRectF(box.x() + 16.0, box.y() + 44.0 * i, box.width() - 32.0, 44.0)
                self._line(painter, IOS_BODY, pal.primary, row.x(), row.y() + 12.0, action.title)

    def _paint_android(self, painter: QPainter, card: QRectF, pal: Palette) -> None:
        t = self.text
        icon = QRectF(
            card.x() + 16.0,
            card.y() + (16.0 if self.surface is Surface.ANDROID_EXPANDED else 32.0),
            24.0,
            24.0,
        )
        self._draw_icon(painter, icon, 12.0, pal)
        x = card.x() + 52.0
        if self.surface is Surface.ANDROID_EXPANDED:
            painter.setFont(qfont(ANDROID_SMALL))
            painter.setPen(pal.secondary)
            painter.drawText(
                QRectF(x, card.y() + 16.0, 200.0, 24.0),
                Qt.AlignmentFlag.AlignVCenter,
                self.app_name + " • " + self.tr("now"),
            )
            y = card.y() + 50.0
            self._line(painter, ANDROID_TITLE, pal.primary, x, y, t.title.lines[0])
            y += 26.0
            for line in t.body.lines:
                self._line(painter, ANDROID_BODY, pal.secondary, x, y, line)
                y += 20.0
            if self._expanded_image_height():
                self._image_rect(painter, QRectF(x, y + 4.0, card.width() - 68.0, 156.0), 16.0)
                y += 180.0
        else:
            y = card.y() + 20.0
            title = t.title.lines[0]
            self._line(painter, ANDROID_TITLE, pal.primary, x, y, title)
            painter.setFont(qfont(ANDROID_SMALL))
            painter.setPen(pal.secondary)
            title_w = _advance(title)
            painter.drawText(
                QRectF(x + title_w + 2.0, y, 80.0, 24.0),
                Qt.AlignmentFlag.AlignVCenter,
                " • " + self.tr("now"),
            )
            self._line(painter, ANDROID_BODY, pal.secondary, x, y + 24.0, t.body.lines[0])
            if self.content.image_url:
                self._image_rect(
                    painter, QRectF(card.right() - 56.0 - 48.0, card.y() + 20.0, 48.0, 48.0), 5.0
                )
            y = card.y() + 88.0
        if self.content.actions and self.surface is not Surface.ANDROID_COLLAPSED:
            ax = card.x() + 36.0
            for action in self.content.actions[:3]:
                self._line(painter, ANDROID_TITLE, pal.accent, ax, y + 12.0, action.title)
                ax += _advance(action.title) + 24.0

    def _line(
        self, painter: QPainter, spec: FontSpec, color: QColor, x: float, y: float, text: str
    ) -> None:
        painter.setFont(qfont(spec))
        painter.setPen(color)
        painter.drawText(
            QRectF(x, y, self.device.width, 24.0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
            text,
        )


def _advance(text: str) -> float:
    return text_width(text, ANDROID_TITLE)
