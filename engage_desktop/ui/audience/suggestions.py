"""Known values for the builder's editors, loaded off the GUI thread and shared by every row.

An editor asks for a key (``("event_names",)``, ``("param_keys", "purchase")``, …) and gets a Qt
model at once; the model fills in when the background query answers. Models are cached per app,
so twenty rows asking for event names cost one query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from sqlalchemy.orm import Session

from engage_desktop.core.progress import Progress
from engage_desktop.core.segments import catalog
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.background import run_in_background

Key = tuple[str, ...]
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_STRINGS: dict[str, Callable[..., list[str]]] = {
    "event_names": catalog.event_names,
    "param_keys": catalog.event_param_keys,
    "param_values": catalog.event_param_values,
    "attribute_keys": catalog.attribute_keys,
    "attribute_values": catalog.attribute_values,
    "profile_values": catalog.profile_values,
    "postal_prefixes": catalog.postal_prefixes,
    "app_versions": catalog.app_versions,
}


class Suggestions(QObject):
    """Per-app cache of value lists (``strings``) and id choices (``choices``: stores, segments).

    Signals:
        loaded(key): a model was filled.
    """

    loaded = Signal(tuple)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.app_id: int | None = None
        self._strings: dict[Key, QStringListModel] = {}
        self._choices: dict[Key, QStandardItemModel] = {}
        self.pending = 0  # loads under way (tests wait for 0)
        # The saved segment open in the builder: membership editors leave it out.
        self.editing_segment_id: int | None = None

    def set_app(self, app_id: int | None) -> None:
        """Forget every list and reload those already asked for, for the new app."""
        self.app_id = app_id
        for key, model in list(self._strings.items()):
            model.setStringList([])
            self._load(key)
        for key in list(self._choices):
            self._load(key)

    def strings(self, *key: str) -> QStringListModel:
        """A list model of suggestions for ``key``; empty until loaded."""
        if key not in self._strings:
            self._strings[key] = QStringListModel(self)
            self._load(key)
        return self._strings[key]

    def choices(self, *key: str) -> QStandardItemModel:
        """Stores (``("stores",)``) or saved segments (``("segments",)``): text + id (ID_ROLE)."""
        if key not in self._choices:
            self._choices[key] = QStandardItemModel(self)
            self._load(key)
        return self._choices[key]

    def reload(self, *key: str) -> None:
        """Load ``key`` again (e.g. segments after one was saved or deleted)."""
        if key in self._strings or key in self._choices:
            self._load(key)

    def _load(self, key: Key) -> None:
        app_id = self.app_id
        if app_id is None:
            return
        from engage_desktop.core.access import app_session
        from engage_desktop.security.roles import Permission

        ws = self.workspace

        def work(progress: Progress) -> Any:
            with app_session(ws, app_id, Permission.VIEW_AUDIENCE) as session:
                result = _query(session, app_id, key)
            progress.report(1, 1)
            return result

        self.pending += 1
        job = run_in_background(work, parent=self)
        job.succeeded.connect(lambda result: self._fill(app_id, key, result))
        job.finished.connect(self._done)

    def _done(self) -> None:
        self.pending -= 1

    def _fill(self, app_id: int, key: Key, result: Any) -> None:
        if app_id != self.app_id:
            return  # answered for the previous app
        if key in self._strings:
            self._strings[key].setStringList(result)
        elif key in self._choices:
            model = self._choices[key]
            items = []
            for choice_id, text in result:
                item = QStandardItem(text)
                item.setData(choice_id, ID_ROLE)
                items.append(item)
            model.removeRows(0, model.rowCount())
            # All rows out in one removal, all in in one insertion: the combos showing this list
            # never see a half-emptied or half-filled list whose rows they would take for a choice.
            model.invisibleRootItem().appendRows(items)
        self.loaded.emit(key)


def _query(session: Session, app_id: int, key: Key) -> Any:
    kind, args = key[0], key[1:]
    if kind == "stores":
        return [
            (s.id, f"{s.name} ({s.city})" if s.city else s.name)
            for s in catalog.stores(session, app_id)
        ]
    if kind == "segments":
        return [(s.id, s.name) for s in catalog.segments(session, app_id)]
    return _STRINGS[kind](session, app_id, *args)
