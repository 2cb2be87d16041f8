"""The questions the Segments tab asks: confirm, a new segment's name, where to export.

Plain functions over Qt's standard dialogs; the tab holds them as attributes so tests can
answer without a modal loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget


def confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("SegmentsTab", "Please confirm"), question
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_name(parent: QWidget, suggestion: str) -> str | None:
    name, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("SegmentsTab", "Save as"),
        QCoreApplication.translate("SegmentsTab", "Name of the new segment:"),
        text=suggestion,
    )
    return name if ok and name.strip() else None


def ask_path(parent: QWidget, suggestion: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("SegmentsTab", "Export members"),
        suggestion,
        QCoreApplication.translate("SegmentsTab", "CSV files (*.csv)"),
    )
    return path or None
