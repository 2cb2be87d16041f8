"""The live figures beside the builder: matching profiles, reach per channel, a sample of people."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.segments.catalog import ProfileSample
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.table_model import Column, RowTableModel, configure_table
from engage_desktop.ui.theme import tint

from .labels import channel_label
from .live_count import LiveFigures

CHANNELS = ("push", "sms", "email")


def format_share(share: float) -> str:
    """0.6174 → "61.7 %" (French "61,7 %"): the share of the app's audience."""
    return QLocale().toString(share * 100, "f", 1) + "\u202f%"


class CountPanel(QFrame):
    """Shows the latest ``LiveFigures``, a busy bar while counting, or why it cannot count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(self.tr("Matching profiles"))
        self.heading.setStyleSheet("font-weight: 600;")
        self.profiles = QLabel("—")
        font = self.profiles.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.profiles.setFont(font)
        self.share = QLabel()
        self.share.setStyleSheet("color: palette(placeholder-text);")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(4)
        self.busy.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.reach_heading = QLabel(self.tr("Reachable"))
        self.reach_heading.setStyleSheet("font-weight: 600;")
        self.reach_values: dict[str, QLabel] = {}
        self.reach_bars: dict[str, QProgressBar] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for row, channel in enumerate(CHANNELS):
            value = QLabel("—")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            bar.setTextVisible(False)
            bar.setMaximumHeight(8)
            grid.addWidget(QLabel(channel_label(channel)), row, 0)
            grid.addWidget(bar, row, 1)
            grid.addWidget(value, row, 2)
            self.reach_values[channel], self.reach_bars[channel] = value, bar
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(1, 120)
        figures = QVBoxLayout()
        figures.setSpacing(2)
        figures.addWidget(self.heading)
        figures.addWidget(self.profiles)
        figures.addWidget(self.share)
        reach = QVBoxLayout()
        reach.setSpacing(4)
        reach.addWidget(self.reach_heading)
        reach.addLayout(grid)
        reach.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(28)
        columns.addLayout(figures, 2)
        columns.addLayout(reach, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addLayout(columns)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        self.show_hint()

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for label in (self.profiles, self.share, *self.reach_values.values()):
            label.setEnabled(not busy)  # greyed: these figures are being recounted

    def show_profiles(self, figures: LiveFigures) -> None:
        """The number first; the reach columns wait (greyed) for their own count."""
        self.message.clear()
        self._show_number(figures)
        for label in (self.profiles, self.share):
            label.setEnabled(True)
        for channel in CHANNELS:
            self.reach_values[channel].setText("…")
            self.reach_bars[channel].setEnabled(False)

    def show_figures(self, figures: LiveFigures) -> None:
        self.set_busy(False)  # the sample may still be read; these figures are final
        self.message.clear()
        self._show_number(figures)
        reachable = figures.reachable or {}
        for channel in CHANNELS:
            value = reachable.get(channel, 0)
            share = figures.share(value)
            self.reach_values[channel].setText(f"{format_int(value)}  ·  {format_share(share)}")
            self.reach_bars[channel].setValue(round(share * 1000))
            self.reach_bars[channel].setEnabled(True)

    def _show_number(self, figures: LiveFigures) -> None:
        self.profiles.setText(format_int(figures.profiles))
        self.share.setText(
            fill(
                self.tr("%1 of the audience (%Ln profile(s))", "", figures.audience),
                [format_share(figures.share(figures.profiles))],
            )
        )

    def show_error(self, message: str) -> None:
        self._blank()
        tint(self.message, "error")
        self.message.setText(fill(self.tr("Cannot count this segment: %1"), [message]))

    def show_hint(self) -> None:
        """Nothing to count yet: say what to do instead of showing zeros."""
        self._blank()
        tint(self.message, None, "color: palette(placeholder-text);")
        self.message.setText(
            self.tr(
                "Complete the conditions to see how many profiles match and how many you can reach."
            )
        )

    def _blank(self) -> None:
        self.profiles.setText("—")
        self.share.clear()
        for channel in CHANNELS:
            self.reach_values[channel].setText("—")
            self.reach_bars[channel].setValue(0)


class SampleTable(QTableView):
    """A few matching profiles, to check the segment holds the people meant."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        columns: list[Column[ProfileSample]] = [
            Column(
                lambda: QCoreApplication.translate("SampleTable", "External id"),
                lambda r: r.external_id,
            ),
            Column(
                lambda: QCoreApplication.translate("SampleTable", "Name"),
                lambda r: " ".join(p for p in (r.first_name, r.last_name) if p),
            ),
            Column(lambda: QCoreApplication.translate("SampleTable", "City"), lambda r: r.city),
            Column(lambda: QCoreApplication.translate("SampleTable", "Email"), lambda r: r.email),
        ]
        self.rows_model: RowTableModel[ProfileSample] = RowTableModel(columns)
        self.setModel(self.rows_model)
        configure_table(self, stretch_column=1)
        self.setSortingEnabled(False)

    def set_rows(self, rows: list[ProfileSample]) -> None:
        self.rows_model.set_rows(rows)
