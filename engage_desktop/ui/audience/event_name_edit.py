"""The event-name field of the segment builder: GA4's ids offered with readable labels.

The suggestions list showed raw ids ("add_to_cart"). Each now reads "Added to cart
(add_to_cart)", typing matches the label or the id, and choosing one writes the id (what the
rule stores and the database matches). The field's tooltip says what the typed id means.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtWidgets import QCompleter

from engage_desktop.ui.event_labels import event_label

from .widgets import SuggestEdit

RAW_ROLE = Qt.ItemDataRole.UserRole + 7


class LabelledEvents(QIdentityProxyModel):
    """The shared list of event ids, shown as "label (id)"; the id under ``RAW_ROLE``."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        raw = super().data(index, Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.DisplayRole and raw:
            return f"{event_label(str(raw))} ({raw})"
        if role == RAW_ROLE or role == Qt.ItemDataRole.ToolTipRole:
            return raw
        return super().data(index, role)


class RawCompleter(QCompleter):
    """Matches on the shown label, writes the raw id into the field."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(RAW_ROLE) or "")


class EventNameEdit(SuggestEdit):
    """A ``SuggestEdit`` whose suggestions are event ids shown with readable labels."""

    def __init__(self, model: QStringListModel | None = None, placeholder: str = "") -> None:
        super().__init__(None, placeholder)
        completer = RawCompleter(self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionRole(Qt.ItemDataRole.DisplayRole)
        completer.setMaxVisibleItems(12)
        self._completer = completer
        self.setCompleter(completer)
        self.labelled = LabelledEvents(self)
        self.textChanged.connect(self._describe)
        if model is not None:
            self.set_suggestions(model)

    def set_suggestions(self, model: QStringListModel) -> None:
        self.labelled.setSourceModel(model)
        self._completer.setModel(self.labelled)

    def suggestions(self) -> list[str]:
        source = self.labelled.sourceModel()
        return source.stringList() if isinstance(source, QStringListModel) else []

    def _describe(self, text: str) -> None:
        self.setToolTip(f"{event_label(text)} ({text})" if text else "")
