"""The application style leaves room for the accent of a capital in an unselected tab."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStyleFactory, QTabBar
from pytestqt.qtbot import QtBot

from engage_desktop.ui.style import AccentSafeStyle


def _second_tab(qtbot: QtBot, label: str, with_fix: bool) -> QImage:
    bar = QTabBar()
    qtbot.addWidget(bar)
    fusion = QStyleFactory.create("Fusion")
    bar.setStyle(AccentSafeStyle(fusion) if with_fix else fusion)
    bar.addTab("Général")
    bar.addTab(label)  # unselected: Fusion draws it lower
    bar.show()
    qtbot.waitExposed(bar)
    return bar.grab(bar.tabRect(1)).toImage()


def test_the_accent_of_e_in_equipe_is_drawn_in_an_unselected_tab(qtbot: QtBot) -> None:
    """Seen on screen: Settings' "Équipe" tab read "Equipe" (the accent was clipped)."""
    assert _second_tab(qtbot, "Équipe", True) != _second_tab(qtbot, "Equipe", True)
    # Fusion alone draws both the same: the accent is cut off.
    assert _second_tab(qtbot, "Équipe", False) == _second_tab(qtbot, "Equipe", False)


def _indicator(qtbot: QtBot, dark: bool) -> tuple[int, int]:
    """(the window's lightness, the lightest pixel of an unchecked radio button's indicator)."""
    from PySide6.QtWidgets import QRadioButton, QStyle, QStyleOptionButton

    from engage_desktop.ui.appearance import dark_palette

    button = QRadioButton("Ce jour-là")
    qtbot.addWidget(button)
    button.setStyle(AccentSafeStyle(QStyleFactory.create("Fusion")))
    if dark:
        button.setPalette(dark_palette())
    button.show()
    qtbot.waitExposed(button)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    area = button.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, option, button)
    image = button.grab(area).toImage()
    lightest = max(
        image.pixelColor(x, y).lightness()
        for x in range(image.width())
        for y in range(image.height())
    )
    return button.palette().window().color().lightness(), lightest


def test_an_unchecked_radio_button_shows_in_the_dark(qtbot: QtBot) -> None:
    """Seen on screen: the scheduling dialog's unchecked timings were dark on dark."""
    window, lightest = _indicator(qtbot, dark=True)
    assert lightest - window >= 60
