"""The composer's A/B row: which variant the form shows, its share, add and remove.

A part of ``ComposerWindow`` by composition. The share is an ordinary form field
(``SHARE_KEY``, registered like the others, so it is undoable and saved); the bar only lists the
variants and asks the window to switch, add or remove. Shares must add up to 100 % (the form
model's ``share_issues``); the control group is a campaign field above.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QWidget

from engage_desktop.core.campaigns.form import SHARE_KEY
from engage_desktop.ui.composer.fields import set_value
from engage_desktop.ui.composer.forms import FieldRegistrar


class VariantBar(QWidget):
    """The variant picker, its share, and the Add / Remove buttons.

    Signals:
        chosen(key): the user picked another variant to show.
        add_wanted(), remove_wanted(): the user asked to add a variant, or drop the shown one.
    """

    chosen = Signal(str)
    add_wanted = Signal()
    remove_wanted = Signal()

    def __init__(self, register: FieldRegistrar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.activated.connect(lambda _i: self.chosen.emit(str(self.combo.currentData())))
        self.share = QDoubleSpinBox(suffix=" %", decimals=1, maximum=100.0)
        self.share.setToolTip(
            self.tr("This variant's share of the recipients outside the control group.")
        )
        register(SHARE_KEY, self.share)
        self.add_button = QPushButton(self.tr("Add variant"))
        self.add_button.clicked.connect(self.add_wanted)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the variant shown (its content goes)."))
        self.remove_button.clicked.connect(self.remove_wanted)
        row.addWidget(QLabel(self.tr("Variant")))
        row.addWidget(self.combo, 1)
        row.addWidget(QLabel(self.tr("Share")))
        row.addWidget(self.share)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self._locked = False
        self.set_variants(["A"], "A")

    def set_variants(self, keys: Iterable[str], shown: str) -> None:
        """List ``keys`` and show ``shown``; one variant alone can be neither removed nor
        given a share (it gets everyone)."""
        keys = list(keys)
        self.combo.clear()
        for key in keys:
            self.combo.addItem(key, key)
        set_value(self.combo, shown)
        several = len(keys) > 1 and not self._locked
        self.remove_button.setEnabled(several)
        self.share.setEnabled(several)

    def lock(self) -> None:
        """A sent campaign: variants can be looked at, not changed."""
        self._locked = True
        for widget in (self.share, self.add_button, self.remove_button):
            widget.setEnabled(False)
