"""All push surfaces side by side (or one at a time), with light/dark and the list of cuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
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


class PushPreviewPanel(QWidget):
    """Every surface updated together by ``set_content``; ``cut_label`` lists where text is cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = PushContent()
        self.previews = {s: PushPreview(s) for s in Surface}
        self.captions = {s: QLabel(surface_label(s)) for s in Surface}
        self.dark = QCheckBox(self.tr("Dark mode"))
        self.dark.toggled.connect(lambda _on: self.set_content(self.content))
        self.which = QComboBox()
        self.which.addItem(self.tr("All surfaces"), None)
        for surface in Surface:
            self.which.addItem(surface_label(surface), surface.value)
        self.which.currentIndexChanged.connect(self._show_chosen)
        self.cut_label = QLabel()
        self.cut_label.setWordWrap(True)

        grid = QGridLayout()
        for i, surface in enumerate(Surface):
            column, row = divmod(i, 3)
            box = QVBoxLayout()
            box.addWidget(self.captions[surface])
            box.addWidget(self.previews[surface])
            box.addStretch(1)
            grid.addLayout(box, row, column)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)

        top = QHBoxLayout()
        top.addWidget(self.which)
        top.addWidget(self.dark)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.cut_label)
        layout.addWidget(scroll, 1)

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
            self.previews[surface].setVisible(visible)
            self.captions[surface].setVisible(visible)
        self.set_content(self.content)
