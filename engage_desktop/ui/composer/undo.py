"""One undoable edit of one form field; consecutive typing in a field merges into one step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

_IDS: dict[str, int] = {}


def _id_for(key: str) -> int:
    return _IDS.setdefault(key, 1000 + len(_IDS))


class FieldEdit(QUndoCommand):
    """Sets ``key`` from ``old`` to ``new`` through ``apply(key, value, from_undo)``.

    The first ``redo`` (run by ``QUndoStack.push``) does nothing: the widget already shows the
    typed value, and re-setting it would move the cursor.
    """

    def __init__(
        self, key: str, old: Any, new: Any, apply: Callable[[str, Any], None], text: str
    ) -> None:
        super().__init__(text)
        self.key, self.old, self.new, self.apply = key, old, new, apply
        self._first = True

    def id(self) -> int:
        return _id_for(self.key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldEdit) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.apply(self.key, self.new)

    def undo(self) -> None:
        self.apply(self.key, self.old)
