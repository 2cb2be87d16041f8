"""A chart on the page: matplotlib draws it off the GUI thread, the widget shows the picture.

Matplotlib's QtAgg canvas draws in ``paintEvent``, on the GUI thread; a busy chart would freeze
the window for as long. So the page renders each figure with the Agg backend in a worker
(``render``), at the panel's size and pixel ratio, and the panel only paints the finished image:
scaled while a new one is being drawn after a resize, never blank.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.ui.analytics.charts import DRAWING, Chart
from engage_desktop.ui.analytics.hover import Region, regions, text_at
from engage_desktop.ui.analytics.style import ChartStyle
from engage_desktop.ui.analytics.text import ChartText

SCREEN_DPI = 96.0


@dataclass(frozen=True)
class Rendered:
    """RGBA pixels of a drawn chart (bytes, so a worker can hand them to the GUI thread)."""

    width: int
    height: int
    pixel_ratio: float
    rgba: bytes
    regions: tuple[Region, ...] = ()  # what hovering shows, in the picture's logical pixels

    def image(self) -> QImage:
        image = QImage(self.rgba, self.width, self.height, QImage.Format.Format_RGBA8888).copy()
        image.setDevicePixelRatio(self.pixel_ratio)
        return image


def render(
    chart: Chart, size: QSize, pixel_ratio: float, style: ChartStyle, text: ChartText
) -> Rendered:
    """Draw ``chart`` at ``size`` logical pixels (any thread: a Figure of its own, no pyplot)."""
    width, height = max(size.width(), 50), max(size.height(), 50)
    dpi = SCREEN_DPI * pixel_ratio
    with DRAWING:
        figure = Figure(figsize=(width / SCREEN_DPI, height / SCREEN_DPI), dpi=dpi)
        canvas = FigureCanvasAgg(figure)
        chart.draw(figure, style, text)
        canvas.draw()  # type: ignore[no-untyped-call]
        buffer = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
        found = regions(figure, pixel_ratio)
    return Rendered(buffer.shape[1], buffer.shape[0], pixel_ratio, bytes(buffer), found)


class ChartView(QWidget):
    """Paints the latest rendered image of a chart, scaled to fit until the next one arrives,
    and shows the value under the mouse as a tooltip (``hover``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.regions: tuple[Region, ...] = ()
        self.setMinimumSize(320, 220)
        self.setMouseTracking(True)

    def set_image(self, image: QImage, found: tuple[Region, ...] = ()) -> None:
        self.image = image
        self.regions = found
        self.update()

    def value_at(self, x: float, y: float) -> str | None:
        """The tooltip for widget position ``(x, y)``: the picture may be stretched to the
        widget while a new one is drawn, so the position is scaled to the picture first."""
        if self.image is None or self.width() <= 0 or self.height() <= 0:
            return None
        size = self.image.deviceIndependentSize()
        return text_at(
            self.regions, x * size.width() / self.width(), y * size.height() / self.height()
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        words = self.value_at(point.x(), point.y())
        if words is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), words, self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        QToolTip.hideText()
        super().leaveEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(self.rect()), self.image)
        painter.end()


class ChartPanel(QFrame):
    """A chart with its export menu (PNG, SVG, PDF, CSV, XLSX).

    Signals:
        export_requested(kind): the user picked an export format ("png", "svg", "pdf", "csv",
            "xlsx").
    """

    export_requested = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.view = ChartView()
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for kind, label in (
            ("png", self.tr("Image (PNG)…")),
            ("svg", self.tr("Vector image (SVG)…")),
            ("pdf", self.tr("PDF…")),
            ("csv", self.tr("Table (CSV for Excel)…")),
            ("xlsx", self.tr("Table (Excel workbook)…")),
        ):
            menu.addAction(label).triggered.connect(
                lambda _c=False, k=kind: self.export_requested.emit(k)
            )
        self.export_button.setMenu(menu)
        head = QHBoxLayout()
        head.addStretch(1)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)

    def render_size(self) -> QSize:
        return self.view.size()
