"""The id combo keeps the segment or store a condition points at while its shared list reloads."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel

from engage_desktop.ui.audience.suggestions import ID_ROLE
from engage_desktop.ui.audience.widgets import IdCombo


def fill(model: QStandardItemModel, choices: list[tuple[int, str]]) -> None:
    """As ``Suggestions`` refills a shared list: every row removed, then every row in one insertion."""
    items = []
    for seg_id, name in choices:
        item = QStandardItem(name)
        item.setData(seg_id, ID_ROLE)
        items.append(item)
    model.removeRows(0, model.rowCount())
    model.invisibleRootItem().appendRows(items)


def test_a_refill_keeps_the_chosen_id_and_reports_nothing(qapp: object) -> None:
    model = QStandardItemModel()
    fill(model, [(1, "Acheteurs récents"), (9, "Gold"), (4, "Paris et Lyon")])
    combo = IdCombo(model)
    heard: list[int | None] = []
    combo.id_changed.connect(lambda: heard.append(combo.current_id()))
    combo.set_id(9)
    assert combo.currentText() == "Gold" and heard == []
    fill(model, [(1, "Acheteurs récents"), (12, "Anciens"), (9, "Gold")])  # QComboBox picks row 0
    assert (combo.current_id(), combo.currentText()) == (9, "Gold")
    model.insertRow(0, QStandardItem("Aaa"))
    model.removeRow(0)
    assert combo.current_id() == 9 and heard == []
    combo.setCurrentIndex(0)  # the user's own choice is reported and kept
    assert heard == [1] and combo.current_id() == 1
    fill(model, [(12, "Anciens"), (1, "Acheteurs récents")])
    assert combo.current_id() == 1 and heard == [1]


def test_a_list_arriving_later_shows_and_reports_the_wanted_id(qapp: object) -> None:
    model = QStandardItemModel()
    combo = IdCombo(model)
    heard: list[int | None] = []
    combo.id_changed.connect(lambda: heard.append(combo.current_id()))
    combo.set_id(9)
    assert combo.current_id() == 9
    fill(model, [(1, "Acheteurs récents"), (9, "Gold")])
    assert combo.currentText() == "Gold" and heard == []
    fresh = IdCombo(model)  # a new condition with no choice yet shows the first row
    assert fresh.current_id() == 1
    fresh_heard: list[int | None] = []
    fresh.id_changed.connect(lambda: fresh_heard.append(fresh.current_id()))
    fill(model, [(5, "Bordeaux"), (1, "Acheteurs récents")])
    assert fresh_heard == [5]  # the rule follows what the row now shows
