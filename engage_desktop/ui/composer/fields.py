"""Small adapters so every form widget reads, writes and signals the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from engage_desktop.ui.composer.inputs import EventPicker, ExpiryEdit

_COMPOSITE = (EventPicker, ExpiryEdit)


def value_of(widget: QWidget) -> Any:
    if isinstance(widget, _COMPOSITE):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDoubleSpinBox | QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(type(widget).__name__)


def set_value(widget: QWidget, value: Any) -> None:
    """Set without emitting change signals (undo/redo and loading must not record edits)."""
    if isinstance(widget, _COMPOSITE):
        widget.set_value(value)
        return
    blocked = widget.blockSignals(True)
    try:
        if isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText("" if value is None else str(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value or 0.0))
        elif isinstance(widget, QSpinBox):
            widget.setValue(_whole(value, widget.value()))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
    finally:
        widget.blockSignals(blocked)


def _whole(value: Any, fallback: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return fallback


def on_change(widget: QWidget, callback: Callable[[], None]) -> None:
    if isinstance(widget, _COMPOSITE):
        widget.edited.connect(callback)
    elif isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _t: callback())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(callback)
    elif isinstance(widget, QComboBox):
        widget.activated.connect(lambda _i: callback())
    elif isinstance(widget, QDoubleSpinBox | QSpinBox):
        widget.valueChanged.connect(lambda _v: callback())
    elif isinstance(widget, QCheckBox):
        widget.clicked.connect(lambda _c: callback())


def mark(widget: QWidget, message: str | None) -> None:
    """Show a field's problem where it is: red outline and the message as tooltip.

    Runs on every keystroke for every field, so it only touches widgets whose state changed
    (setStyleSheet re-polishes the widget and is costly)."""
    if widget.property("issue") == (message or ""):
        return
    widget.setProperty("issue", message or "")
    widget.setProperty("invalid", bool(message))
    widget.setStyleSheet("border: 1px solid #c62828;" if message else "")
    widget.setToolTip(message or "")
