"""The saved segments of the app with their cached figures and how old those are.

The figures come from the cache (``saved.list_segments`` never counts), so the list opens
instantly and offline; Refresh recounts one segment on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from engage_desktop.core.segments.saved import SegmentSummary
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.table_model import Column, RowTableModel, configure_table


def format_age(seconds: float | None) -> str:
    """How old cached figures are: "just now", "3 min ago", "2 h ago", "5 days ago"."""

    if seconds is None:
        return QCoreApplication.translate("SegmentAge", "never counted")
    seconds = max(0.0, seconds)
    if seconds < 60:
        return QCoreApplication.translate("SegmentAge", "just now")
    if seconds < 3600:
        return fill(
            QCoreApplication.translate("SegmentAge", "%1 min ago"), [str(int(seconds // 60))]
        )
    if seconds < 86400:
        return fill(
            QCoreApplication.translate("SegmentAge", "%1 h ago"), [str(int(seconds // 3600))]
        )
    days = int(seconds // 86400)
    if days == 1:
        return QCoreApplication.translate("SegmentAge", "yesterday")
    return fill(QCoreApplication.translate("SegmentAge", "%1 days ago"), [str(days)])


def _name_tooltip(summary: SegmentSummary) -> str:
    """The full name (the narrow list may elide it) and the description the list has no room for."""
    if summary.description:
        return f"{summary.name}\n{summary.description}"
    return summary.name


def _reach(channel: str) -> Callable[[SegmentSummary], int | None]:
    return lambda s: None if s.cached_reachable is None else s.cached_reachable.get(channel, 0)


class SegmentTable(QTableView):
    """Name, cached profiles and push reach, age of the figures; ages tick every 30 s."""

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now = now

        def age(s: SegmentSummary) -> float | None:
            return None if s.computed_at is None else (now() - s.computed_at).total_seconds()

        def count(value: int | None) -> str:
            return "—" if value is None else format_int(value)

        columns: list[Column[SegmentSummary]] = [
            Column(
                lambda: QCoreApplication.translate("SegmentTable", "Segment"),
                lambda s: s.name,
                tooltip=_name_tooltip,
            ),
            Column(
                lambda: QCoreApplication.translate("SegmentTable", "Profiles"),
                lambda s: s.cached_count,
                count,
                align_right=True,
            ),
            Column(
                lambda: QCoreApplication.translate("SegmentTable", "Push"),
                _reach("push"),
                count,
                align_right=True,
            ),
            Column(lambda: QCoreApplication.translate("SegmentTable", "Counted"), age, format_age),
        ]
        self.rows_model: RowTableModel[SegmentSummary] = RowTableModel(columns)
        self.setModel(self.rows_model)
        configure_table(self, stretch_column=0)
        self.setSortingEnabled(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tick = QTimer(self, interval=30_000)
        self._tick.timeout.connect(self._ages_changed)
        self._tick.start()

    def set_rows(self, rows: list[SegmentSummary]) -> None:
        self.rows_model.set_rows(rows)

    def summaries(self) -> list[SegmentSummary]:
        return list(self.rows_model.rows)

    def selected(self) -> SegmentSummary | None:
        rows = self.selectionModel().selectedRows()
        return self.rows_model.rows[rows[0].row()] if rows else None

    def select_id(self, segment_id: int | None) -> None:
        for row, summary in enumerate(self.rows_model.rows):
            if summary.id == segment_id:
                self.selectRow(row)
                return
        self.clearSelection()

    def _ages_changed(self) -> None:
        last = self.rows_model.columnCount() - 1
        count = self.rows_model.rowCount()
        if count:
            self.rows_model.dataChanged.emit(
                self.rows_model.index(0, last), self.rows_model.index(count - 1, last)
            )

    def index_of(self, segment_id: int) -> QModelIndex:
        for row, summary in enumerate(self.rows_model.rows):
            if summary.id == segment_id:
                return self.rows_model.index(row, 0)
        return QModelIndex()
