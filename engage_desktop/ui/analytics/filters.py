"""The Analytics page's filters: campaign, variant, conversion goal, channel and date range.

Two rows, so that the French labels and items never push the page wider than the main window
(on one row Qt squeezed the pickers until their text was cut: "Toutes les vari"). The page
connects the signals; this only builds and lays out the pickers.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

CHANNEL_NAMES = ("push", "in_app", "rich_push", "sms", "email")


class FilterBar(QWidget):
    """The pickers, laid out on two rows: the campaign's on the first, the app's on the second.

    Attributes: ``campaign``, ``variant``, ``conversion`` (combo boxes), ``days`` (the
    attribution window), ``channel`` (combo box), ``first`` and ``last`` (the date range).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.campaign = QComboBox()
        self.campaign.setMinimumContentsLength(24)
        self.variant = QComboBox()
        self.conversion = QComboBox()
        self.channel = QComboBox()
        for combo in (self.variant, self.conversion, self.channel):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel.addItem(self.tr("All channels"), None)
        for key, label in zip(CHANNEL_NAMES, self.channel_labels(), strict=True):
            self.channel.addItem(label, key)
        self.days = QSpinBox()
        self.days.setRange(1, 90)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" d"))
        self.days.setToolTip(self.tr("Attribution window: days after the message"))
        self.first, self.last = QDateEdit(), QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(
            self._row(
                (self.tr("Campaign"), self.campaign),
                (self.tr("Variant"), self.variant),
                (self.tr("Conversion"), self.conversion),
                (self.tr("within"), self.days),
            )
        )
        layout.addLayout(
            self._row(
                (self.tr("Channel"), self.channel),
                (self.tr("From"), self.first),
                (self.tr("to"), self.last),
            )
        )

    @staticmethod
    def _row(*pairs: tuple[str, QWidget]) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, widget in pairs:
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def channel_labels(self) -> list[str]:
        return [
            self.tr("Push"),
            self.tr("In-app"),
            self.tr("Rich push"),
            self.tr("SMS"),
            self.tr("Email"),
        ]

    def pickers(self) -> tuple[QWidget, ...]:
        return (self.campaign, self.variant, self.conversion, self.channel, self.first, self.last)
