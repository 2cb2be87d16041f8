"""Editors for profile-attribute and event conditions (the two with the most fields)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.segments import attribute_ops as ops
from engage_desktop.core.segments.rules import PROFILE_COLUMNS

from .event_name_edit import EventNameEdit
from .labels import field_label, op_label
from .suggestions import Suggestions
from .widgets import ConditionEditor, SuggestEdit, caption, data_combo, hbox, select_data

# Profile columns whose known values are worth suggesting, and where they come from.
_VALUE_SOURCES = {"city", "postal_code", "locale", "time_zone", "first_name"}
_OTHER = "attributes.*"


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    return edit


class AttributeEditor(ConditionEditor):
    """Field (a profile column or ``attributes.<key>``), operator, and a value editor per shape."""

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.suggestions = suggestions
        self.field = QComboBox()
        self.field.setMinimumContentsLength(14)
        for name in PROFILE_COLUMNS:
            self.field.addItem(field_label(name), name)
        self._keys = suggestions.strings("attribute_keys")
        self._keys.modelReset.connect(self._add_known_keys)
        self._add_known_keys()
        self.other_key = QLineEdit()
        self.other_key.setPlaceholderText(self.tr("attribute key"))
        self.other_key.setMaximumWidth(150)
        self.op = QComboBox()
        self.text = SuggestEdit(placeholder=self.tr("value"))
        self.low, self.high = (
            SuggestEdit(placeholder=self.tr("from")),
            SuggestEdit(placeholder=self.tr("to")),
        )
        self.date, self.date_low, self.date_high = _date_edit(), _date_edit(), _date_edit()
        self.days = QSpinBox(minimum=0, maximum=36500, value=30)
        self.days.setSuffix(self.tr(" days"))
        and_1, and_2 = caption(self.tr("and")), caption(self.tr("and"))
        # Which value widgets each shape shows (hidden ones take no room in the row).
        self._shapes: dict[str, list[QWidget]] = {
            "none": [],
            "text": [self.text],
            "list": [self.text],
            "pair": [self.low, and_1, self.high],
            "date": [self.date],
            "date_pair": [self.date_low, and_2, self.date_high],
            "days": [self.days],
        }
        self._value_widgets: list[QWidget] = [
            self.text,
            self.low,
            and_1,
            self.high,
            self.date,
            self.date_low,
            and_2,
            self.date_high,
            self.days,
        ]
        self.setLayout(hbox(self.field, self.other_key, self.op, *self._value_widgets))
        self._field_changed()
        self.field.currentIndexChanged.connect(self._field_changed)
        self.other_key.textChanged.connect(self._key_typed)
        self.op.currentIndexChanged.connect(self._op_changed)
        for edit in (self.text, self.low, self.high):
            edit.textChanged.connect(self.changed)
        for date in (self.date, self.date_low, self.date_high):
            date.dateChanged.connect(self.changed)
        self.days.valueChanged.connect(self.changed)

    def _add_known_keys(self) -> None:
        current = self.current_field() if hasattr(self, "op") else None
        self.field.blockSignals(True)
        while self.field.count() > len(PROFILE_COLUMNS):
            self.field.removeItem(self.field.count() - 1)
        for key in self._keys.stringList():
            self.field.addItem(field_label(f"attributes.{key}"), f"attributes.{key}")
        self.field.addItem(self.tr("Other attribute…"), _OTHER)
        self.field.blockSignals(False)
        if current is not None:
            self._show_field(current)

    def current_field(self) -> str:
        data = str(self.field.currentData())
        return f"attributes.{self.other_key.text().strip()}" if data == _OTHER else data

    def _field_changed(self) -> None:
        self.other_key.setVisible(self.field.currentData() == _OTHER)
        field = self.current_field()
        previous = self.op.currentData()
        self.op.blockSignals(True)
        self.op.clear()
        for op in ops.operators_for(field):
            self.op.addItem(op_label(op), op)
        select_data(self.op, previous)
        self.op.blockSignals(False)
        self._set_value_source(field)
        self._op_changed()

    def _key_typed(self) -> None:
        self._set_value_source(self.current_field())
        self.changed.emit()

    def _set_value_source(self, field: str) -> None:
        if ops.is_json_field(field):
            model = self.suggestions.strings("attribute_values", field.split(".", 1)[1])
        elif field in _VALUE_SOURCES:
            model = self.suggestions.strings("profile_values", field)
        else:
            model = self.suggestions.strings("none")
        for edit in (self.text, self.low, self.high):
            edit.set_suggestions(model)

    def _op_changed(self) -> None:
        shape = ops.value_shape(self.current_field(), str(self.op.currentData()))
        for widget in self._value_widgets:
            widget.setVisible(widget in self._shapes[shape])
        self.text.setPlaceholderText(
            self.tr("values, separated by commas") if shape == "list" else self.tr("value")
        )
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        field, op = self.current_field(), str(self.op.currentData())
        shape = ops.value_shape(field, op)
        raw: Any = {
            "text": self.text.text(),
            "list": self.text.text(),
            "pair": (self.low.text(), self.high.text()),
            "date": self.date.date().toString(Qt.DateFormat.ISODate),
            "date_pair": (
                self.date_low.date().toString(Qt.DateFormat.ISODate),
                self.date_high.date().toString(Qt.DateFormat.ISODate),
            ),
            "days": self.days.value(),
        }.get(shape)
        return ops.to_rule(field, op, raw)

    def set_values(self, values: dict[str, Any]) -> None:
        field, op, raw = ops.from_rule(values)
        self._show_field(field)
        select_data(self.op, op)
        shape = ops.value_shape(field, op)
        if shape in ("text", "list"):
            self.text.setText(str(raw or ""))
        elif shape == "pair":
            self.low.setText(raw[0])
            self.high.setText(raw[1])
        elif shape == "date":
            self.date.setDate(QDate.fromString(str(raw), Qt.DateFormat.ISODate))
        elif shape == "date_pair":
            self.date_low.setDate(QDate.fromString(raw[0], Qt.DateFormat.ISODate))
            self.date_high.setDate(QDate.fromString(raw[1], Qt.DateFormat.ISODate))
        elif shape == "days":
            self.days.setValue(int(raw or 0))

    def _show_field(self, field: str) -> None:
        index = self.field.findData(field)
        if index < 0 and ops.is_json_field(field):
            index = self.field.findData(_OTHER)
            self.other_key.setText(field.split(".", 1)[1])
        if index >= 0:
            self.field.setCurrentIndex(index)
        self._field_changed()


class EventEditor(ConditionEditor):
    """Did / did not do an event, at least N times, in the last D days or ever, with an optional
    parameter filter; names, parameter keys and values are suggested from the app's events."""

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.suggestions = suggestions
        self.did = data_combo([(self.tr("did"), True), (self.tr("did not do"), False)])
        self.name = EventNameEdit(suggestions.strings("event_names"), self.tr("event name"))
        self.name.setMinimumWidth(170)
        self.min_count = QSpinBox(minimum=1, maximum=9999, value=1)
        self.min_count.setPrefix(self.tr("at least "))
        self.min_count.setSuffix(self.tr(" time(s)"))
        self.period = data_combo([(self.tr("in the last"), "days"), (self.tr("ever"), "ever")])
        self.days = QSpinBox(minimum=1, maximum=3650, value=30)
        self.days.setSuffix(self.tr(" days"))
        self.with_param = QCheckBox(self.tr("where parameter"))
        self.param_key = SuggestEdit(placeholder=self.tr("parameter"))
        self.param_value = SuggestEdit(placeholder=self.tr("value"))
        self.param_row = QWidget()
        self.param_row.setLayout(
            hbox(self.with_param, self.param_key, caption("="), self.param_value)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(hbox(self.did, self.name, self.min_count))
        layout.addLayout(hbox(self.period, self.days))
        layout.addWidget(self.param_row)
        self._sync()
        self.name.textChanged.connect(self._name_changed)
        self.param_key.textChanged.connect(self._key_changed)
        for signal in (
            self.did.currentIndexChanged,
            self.period.currentIndexChanged,
            self.with_param.toggled,
        ):
            signal.connect(self._sync)
        for edit in (self.param_value,):
            edit.textChanged.connect(self.changed)
        for spin in (self.min_count, self.days):
            spin.valueChanged.connect(self.changed)

    def _name_changed(self) -> None:
        name = self.name.text().strip()
        self.param_key.set_suggestions(self.suggestions.strings("param_keys", name))
        self._key_changed()

    def _key_changed(self) -> None:
        name, key = self.name.text().strip(), self.param_key.text().strip()
        self.param_value.set_suggestions(self.suggestions.strings("param_values", name, key))
        self.changed.emit()

    def _sync(self) -> None:
        self.days.setVisible(self.period.currentData() == "days")
        did = bool(self.did.currentData())
        self.min_count.setVisible(did)
        for edit in (self.param_key, self.param_value):
            edit.setEnabled(self.with_param.isChecked())
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        did = bool(self.did.currentData())
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "did": did,
            "min_count": self.min_count.value() if did else 1,
            "within_days": self.days.value() if self.period.currentData() == "days" else None,
        }
        if self.with_param.isChecked():
            values["param"] = {
                "key": self.param_key.text().strip(),
                "equals": self.param_value.text(),
            }
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        self.name.setText(str(values.get("name", "")))
        select_data(self.did, bool(values.get("did", True)))
        self.min_count.setValue(int(values.get("min_count") or 1))
        within = values.get("within_days")
        select_data(self.period, "ever" if within is None else "days")
        if within is not None:
            self.days.setValue(int(within))
        param = values.get("param")
        self.with_param.setChecked(isinstance(param, dict))
        if isinstance(param, dict):
            self.param_key.setText(str(param.get("key", "")))
            self.param_value.setText(str(param.get("equals", "")))
        self._sync()


class LastEventEditor(ConditionEditor):
    """When the profile last did an event: before a date (lapsed) or on/after it (recent)."""

    def __init__(self, suggestions: Suggestions) -> None:
        super().__init__()
        self.name = EventNameEdit(suggestions.strings("event_names"), self.tr("event name"))
        self.name.setMinimumWidth(170)
        self.side = data_combo(
            [(self.tr("last done before"), "before"), (self.tr("last done on or after"), "after")]
        )
        self.day = _date_edit()
        self.setLayout(hbox(self.name, self.side, self.day))
        self.name.textChanged.connect(self.changed)
        self.side.currentIndexChanged.connect(self.changed)
        self.day.dateChanged.connect(self.changed)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            str(self.side.currentData()): self.day.date().toString("yyyy-MM-dd"),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        self.name.setText(str(values.get("name", "")))
        side = "after" if values.get("after") else "before"
        select_data(self.side, side)
        self.day.setDate(QDate.fromString(str(values.get(side, "")), "yyyy-MM-dd"))
