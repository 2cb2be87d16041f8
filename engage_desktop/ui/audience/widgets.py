"""Small building blocks the condition editors share: a line edit with suggestions, an id combo
that keeps its choice while its shared model reloads, and the editor base class."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QPointF, QStringListModel, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from engage_desktop.ui.theme import tint_color

from .suggestions import ID_ROLE


def error_color() -> str:
    """Red that reads on the current palette (a lighter red on a dark theme); prefer
    ``ui.theme.tint``, which keeps it right when the theme changes."""
    return tint_color("error")


def ok_color() -> str:
    return tint_color("ok")


def chevron_icon(widget: QWidget) -> QIcon:
    """A small, light "show all" chevron (the style's arrow is a heavy black triangle)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(widget.palette().color(QPalette.ColorRole.PlaceholderText), 1.6)
    painter.setPen(pen)
    painter.drawPolyline([QPointF(4, 6), QPointF(8, 10), QPointF(12, 6)])
    painter.end()
    return QIcon(pixmap)


class SuggestEdit(QLineEdit):
    """Free text with known values offered as you type (contains, any case) or from the arrow.

    ``theme_changed`` redraws the chevron in the new theme's colour.
    """

    def __init__(self, model: QStringListModel | None = None, placeholder: str = "") -> None:
        super().__init__()
        self.setPlaceholderText(placeholder)
        self.setMinimumWidth(120)
        self._completer = QCompleter(self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setMaxVisibleItems(12)
        self.setCompleter(self._completer)
        self.show_all = self.addAction(
            chevron_icon(self), QLineEdit.ActionPosition.TrailingPosition
        )
        self.show_all.triggered.connect(self.popup_all)
        if model is not None:
            self.set_suggestions(model)

    def theme_changed(self) -> None:
        self.show_all.setIcon(chevron_icon(self))

    def set_suggestions(self, model: QStringListModel) -> None:
        self._completer.setModel(model)

    def suggestions(self) -> list[str]:
        model = self._completer.model()
        return model.stringList() if isinstance(model, QStringListModel) else []

    def popup_all(self) -> None:
        """Every known value, whatever is typed (the arrow at the end of the field)."""
        self.setFocus()
        self._completer.setCompletionPrefix("")
        self._completer.complete()


class IdCombo(QComboBox):
    """A choice of stores or segments by id; survives its shared model being refilled.

    Listen to ``id_changed``, not ``currentIndexChanged``: while the model changes, QComboBox
    moves the current row by itself (to the first row after a reset, to a neighbour when rows
    go). That is no choice of the user's: it must neither replace the wanted id nor reach the
    rule, or a refill would silently point a condition at another segment.
    """

    id_changed = Signal()

    def __init__(self, model: QAbstractItemModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(18)
        self._wanted: int | None = None
        self._reported: int | None = None  # the id listeners last heard of
        self._model_changing = False
        for about, done in (
            (model.modelAboutToBeReset, model.modelReset),
            (model.rowsAboutToBeInserted, model.rowsInserted),
            (model.rowsAboutToBeRemoved, model.rowsRemoved),
            (model.layoutAboutToBeChanged, model.layoutChanged),
        ):
            about.connect(self._changing)
            done.connect(self._changed)
        self.currentIndexChanged.connect(self._remember)

    def set_id(self, value: int | None) -> None:
        """Show ``value`` (now, or once the model holds it); not reported as a change."""
        self._wanted = value
        self._restore()
        self._reported = self.current_id()

    def current_id(self) -> int | None:
        data = self.currentData(ID_ROLE)
        return int(data) if data is not None else self._wanted

    def _changing(self) -> None:
        self._model_changing = True

    def _changed(self) -> None:
        self._model_changing = False
        self._restore()
        self._report()  # e.g. a new condition now shows the first store of a list just loaded

    def _restore(self) -> None:
        if self._wanted is None:
            return
        index = self.findData(self._wanted, ID_ROLE)
        if index >= 0 and index != self.currentIndex():
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def _remember(self, index: int) -> None:
        if self._model_changing:
            return
        data = self.itemData(index, ID_ROLE)
        if data is not None:
            self._wanted = int(data)
        self._report()

    def _report(self) -> None:
        if self.count() == 0:
            return  # a list being refilled offers no choice yet
        current = self.current_id()
        if current != self._reported:
            self._reported = current
            self.id_changed.emit()


def data_combo(items: list[tuple[str, Any]]) -> QComboBox:
    """A combo of (label, value) pairs; ``currentData()`` gives the value."""
    combo = QComboBox()
    for label, value in items:
        combo.addItem(label, value)
    return combo


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
    return label


def hbox(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return layout


class ConditionEditor(QWidget):
    """The value part of a condition row; ``values()`` are the rule's fields (without type).

    Signals:
        changed(): any control changed (the row copies ``values()`` into the draft).
    """

    changed = Signal()

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def set_values(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def icon(self) -> QIcon:
        return QIcon()
