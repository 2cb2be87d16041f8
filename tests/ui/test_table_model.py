"""Table sorting orders text as every other list does: accents and case ignored."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt

from engage_desktop.core.sorting import name_key
from engage_desktop.ui.table_model import SORT_ROLE, Column, RowTableModel

NAMES = ["Zoé", "école", "Ecole", "Émile", "eric", "Œuvre", "oeuvre", "Adèle", "zoe"]


@dataclass(frozen=True)
class Named:
    name: str
    sent: int


def _sorted_names(qapp: object, rows: list[Named], column: int) -> list[str]:
    model: RowTableModel[Named] = RowTableModel(
        [Column(lambda: "Name", lambda r: r.name), Column(lambda: "Sent", lambda r: r.sent)]
    )
    model.set_rows(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    return [proxy.index(i, 0).data() for i in range(proxy.rowCount())]


def test_text_sorts_like_the_lists_of_core_sorting(qapp: object) -> None:
    rows = [Named(name, 0) for name in NAMES]
    assert _sorted_names(qapp, rows, 0) == sorted(NAMES, key=name_key)
    # what the fold means here: "école" next to "Ecole", not after "zoe"
    assert _sorted_names(qapp, rows, 0)[:4] == ["Adèle", "Ecole", "école", "Émile"]


def test_numbers_still_sort_as_numbers(qapp: object) -> None:
    rows = [Named("a", 10), Named("b", 9), Named("c", 100)]
    assert _sorted_names(qapp, rows, 1) == ["b", "a", "c"]
