"""Event names are offered with readable labels; choosing one writes the raw GA4 id."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from pytestqt.qtbot import QtBot

from engage_desktop.ui.audience.event_name_edit import EventNameEdit


def test_suggestions_read_as_words_and_write_the_id(qtbot: QtBot) -> None:
    # Fault: the builder offered raw GA4 ids ("add_to_cart") as the labels.
    model = QStringListModel(["add_to_cart", "purchase", "tier_unlocked"])
    edit = EventNameEdit(model, "event name")
    qtbot.addWidget(edit)
    completer = edit.completer()
    assert completer is not None
    shown = completer.model()
    assert shown is not None
    rows = [shown.index(i, 0).data(Qt.ItemDataRole.DisplayRole) for i in range(3)]
    assert rows == [
        "Added to cart (add_to_cart)",
        "Purchased (purchase)",
        "Tier unlocked (tier_unlocked)",
    ]
    completer.setCompletionPrefix("added to")  # the label finds it…
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "add_to_cart"  # …and the id is what is written
    completer.setCompletionPrefix("purch")  # the id still finds it
    assert completer.currentCompletion() == "purchase"
    edit.setText("add_to_cart")
    assert edit.toolTip() == "Added to cart (add_to_cart)"
    assert edit.suggestions() == ["add_to_cart", "purchase", "tier_unlocked"]
