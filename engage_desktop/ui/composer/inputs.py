"""Form inputs made of more than one Qt widget, read and written as one value.

``fields`` treats them like any other field: ``value()``, ``set_value()`` (without emitting)
and the ``edited`` signal, sent only for the user's own changes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QHBoxLayout, QWidget

from engage_desktop.ui.event_labels import event_label
from engage_desktop.ui.workflow.when_text import short_date_format, short_time_format


class EventPicker(QComboBox):
    """An event name: the app's known events by their readable label (the raw name in the
    tooltip and the item's data), or any name typed in.

    Signals:
        edited(): the user picked or typed a name.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.activated.connect(lambda _i: self.edited.emit())
        line = self.lineEdit()
        assert line is not None
        line.textEdited.connect(lambda _t: self.edited.emit())

    def set_events(self, names: list[str]) -> None:
        """Offer ``names`` (the app's events, most used first); keeps the current value."""
        current = self.value()
        blocked = self.blockSignals(True)
        self.clear()
        for name in names:
            self.addItem(event_label(name), name)
            self.setItemData(self.count() - 1, name, Qt.ItemDataRole.ToolTipRole)  # raw name
        self.blockSignals(blocked)
        self.set_value(current)

    def value(self) -> str:
        """The raw event name: the picked item's, else the text as typed."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0 and self.itemData(index):
            return str(self.itemData(index))
        return text

    def set_value(self, name: Any) -> None:
        blocked = self.blockSignals(True)
        index = self.findData(str(name or ""))
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(str(name or ""))
        self.setToolTip(str(name or ""))
        self.blockSignals(blocked)


class ExpiryEdit(QWidget):
    """ "Expires on" a date and time in the user's locale and zone, or never.

    The value is ISO 8601 with this machine's UTC offset ("" for never), as the in-app
    contract stores it (``expires_at``).

    Signals:
        edited(): the user changed it.
    """

    edited = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled_box = QCheckBox(label)
        self.moment = QDateTimeEdit()
        self.moment.setCalendarPopup(True)
        self.moment.setDisplayFormat(f"{short_date_format()} {short_time_format()}")
        self.moment.setDateTime(QDateTime.currentDateTime().addDays(7))
        self.moment.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled_box)
        row.addWidget(self.moment, 1)
        self.enabled_box.clicked.connect(self._toggled)
        self.moment.dateTimeChanged.connect(lambda _d: self.edited.emit())

    def _toggled(self, on: bool) -> None:
        self.moment.setEnabled(on)
        self.edited.emit()

    def value(self) -> str:
        if not self.enabled_box.isChecked():
            return ""
        naive = self.moment.dateTime().toPython()
        assert isinstance(naive, datetime)
        return naive.replace(second=0, microsecond=0).astimezone().isoformat()

    def set_value(self, raw: Any) -> None:
        """Show a stored expiry (on this machine's clock); unreadable text shows as never
        (the content check names it)."""
        blocked = self.blockSignals(True), self.moment.blockSignals(True)
        try:
            moment = datetime.fromisoformat(str(raw)) if raw else None
        except ValueError:
            moment = None
        self.enabled_box.setChecked(moment is not None)
        self.moment.setEnabled(moment is not None)
        if moment is not None:
            local = moment.astimezone() if moment.tzinfo else moment
            self.moment.setDateTime(
                QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
            )
        self.blockSignals(blocked[0])
        self.moment.blockSignals(blocked[1])
