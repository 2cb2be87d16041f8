"""All push surfaces side by side (or one at a time), with light/dark and the list of cuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.content.push import PushContent
from engage_desktop.core.textlayout.surfaces import Surface
from engage_desktop.ui.appearance import is_dark
from engage_desktop.ui.messages import fill
from engage_desktop.ui.preview.push_preview import PushPreview


def surface_label(surface: Surface) -> str:
    return {
        Surface.IOS_LOCK: QCoreApplication.translate("PushPreviewPanel", "iOS lock screen"),
        Surface.IOS_BANNER: QCoreApplication.translate("PushPreviewPanel", "iOS banner"),
        Surface.IOS_EXPANDED: QCoreApplication.translate("PushPreviewPanel", "iOS expanded"),
        Surface.ANDROID_HEADS_UP: QCoreApplication.translate(
            "PushPreviewPanel", "Android heads-up"
        ),
        Surface.ANDROID_COLLAPSED: QCoreApplication.translate(
            "PushPreviewPanel", "Android shade, collapsed"
        ),
        Surface.ANDROID_EXPANDED: QCoreApplication.translate(
            "PushPreviewPanel", "Android shade, expanded"
        ),
    }[surface]


SPACING = 12
MIN_ZOOM_FOR_TWO_COLUMNS = 0.72  # below this, one phone per row reads better than two tiny ones


def fit_columns(available: int, device_width: float) -> tuple[int, float]:
    """How many phones side by side in ``available`` pixels, and the zoom that fits them."""
    two = (available - SPACING) / (2 * device_width)
    if two >= MIN_ZOOM_FOR_TWO_COLUMNS:
        return 2, min(1.0, two)
    return 1, min(1.0, available / device_width)


class PushPreviewPanel(QWidget):
    """Every surface updated together by ``set_content``; ``cut_label`` lists where text is cut.

    The phones are zoomed to the panel's width (two columns, iOS and Android, when they stay
    legible, else one): no sideways scrolling at any window size.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = PushContent()
        self.previews = {s: PushPreview(s) for s in Surface}
        self.captions = {s: QLabel(surface_label(s)) for s in Surface}
        self.dark = QCheckBox(self.tr("Dark mode"))
        self.dark.setChecked(is_dark(self.palette()))  # the phone's mode follows the app's…
        self.dark_chosen = False  # …until the user picks one here
        self.dark.clicked.connect(self._dark_clicked)
        self.dark.toggled.connect(lambda _on: self.set_content(self.content))
        self.which = QComboBox()
        self.which.addItem(self.tr("All surfaces"), None)
        for surface in Surface:
            self.which.addItem(surface_label(surface), surface.value)
        self.which.currentIndexChanged.connect(self._show_chosen)
        self.cut_label = QLabel()
        self.cut_label.setWordWrap(True)

        self.cells: dict[Surface, QWidget] = {}
        for surface in Surface:
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.captions[surface])
            box.addWidget(self.previews[surface])
            box.addStretch(1)
            self.cells[surface] = cell
        self.grid = QGridLayout()
        self.grid.setSpacing(SPACING)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        inner = QWidget()
        inner.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area = scroll
        scroll.viewport().installEventFilter(self)
        self._arrange(2, 1.0)

        top = QHBoxLayout()
        top.addWidget(self.which)
        top.addWidget(self.dark)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.cut_label)
        layout.addWidget(scroll, 1)

    def _dark_clicked(self) -> None:
        self.dark_chosen = True

    def changeEvent(self, event: QEvent) -> None:
        """A theme change while open: the phones follow it unless the user chose their mode."""
        if event.type() == QEvent.Type.PaletteChange and not self.dark_chosen:
            self.dark.setChecked(is_dark(self.palette()))
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        """Zoom the phones to the scroll area's width (the widest device sets the zoom)."""
        available = self.scroll_area.viewport().width() - 2
        widest = max(p.device.width for p in self.previews.values())
        columns, zoom = fit_columns(available, widest)
        self._arrange(columns, zoom)

    def _arrange(self, columns: int, zoom: float) -> None:
        for preview in self.previews.values():
            preview.set_zoom(zoom)
        if columns == self.columns:
            return
        self.columns = columns
        for cell in self.cells.values():
            self.grid.removeWidget(cell)
        for i, surface in enumerate(Surface):
            column, row = divmod(i, 3) if columns == 2 else (0, i)
            self.grid.addWidget(self.cells[surface], row, column, Qt.AlignmentFlag.AlignTop)

    def set_content(self, content: PushContent) -> None:
        self.content = content
        dark = self.dark.isChecked()
        for surface, preview in self.previews.items():
            if preview.isVisible() or not self.isVisible():
                preview.set_content(content, surface, dark)
        cut = [surface_label(s) for s, p in self.previews.items() if p.text.cut]
        if cut:
            self.cut_label.setText(fill(self.tr("Text cut on: %1"), [", ".join(cut)]))
        else:
            self.cut_label.setText(self.tr("Shown in full on every surface."))

    def set_image(self, pixmap: QPixmap | None) -> None:
        for preview in self.previews.values():
            preview.set_image(pixmap)

    def cut_surfaces(self) -> list[Surface]:
        return [s for s, p in self.previews.items() if p.text.cut]

    def _show_chosen(self) -> None:
        chosen = self.which.currentData()
        for surface in Surface:
            visible = chosen is None or chosen == surface.value
            self.cells[surface].setVisible(visible)
        self.set_content(self.content)
