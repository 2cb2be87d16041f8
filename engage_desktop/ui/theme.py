"""Every widget follows a theme change while the window is open.

Qt gives a widget with its own style sheet a palette computed once, when the sheet is applied:
after a switch to dark (or back) those widgets kept the old colours — the segment builder stayed
light, and the Segments tab's headings (``font-weight`` sheets) kept a text colour that vanished
on the new background. ``restyle_all`` re-applies each style sheet so ``palette(…)`` resolves
again, then calls ``theme_changed()`` on widgets that draw with colours of their own (error
messages, icons painted from the palette). ``apply_appearance`` runs it after installing a
palette; ``ThemeWatcher`` runs it when the platform switches light/dark by itself.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

TINT_PROPERTY = "engageTint"  # "error" | "ok", with the rest of the sheet in TINT_EXTRA
TINT_EXTRA = "engageTintExtra"
# (light theme, dark theme): each reads at ≥ 4.5:1 on the window colour of its theme.
TINTS = {"error": ("#b3261e", "#ff8a80"), "ok": ("#1b6e3a", "#7bd88f")}


def dark_now() -> bool:
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def tint_color(role: str) -> str:
    light, dark = TINTS[role]
    return dark if dark_now() else light


def tint(widget: QWidget, role: str | None, extra: str = "") -> None:
    """Colour ``widget``'s text for ``role`` ("error", "ok", None for the normal text colour),
    in the shade that reads on the current theme, kept right when the theme changes."""
    widget.setProperty(TINT_PROPERTY, role or "")
    widget.setProperty(TINT_EXTRA, extra)
    colour = f"color: {tint_color(role)}; " if role else ""
    widget.setStyleSheet((colour + extra).strip())


@runtime_checkable
class ThemeAware(Protocol):
    """A widget that redraws its own colours on a theme change."""

    def theme_changed(self) -> None: ...


def restyle_all(app: QApplication) -> None:
    """Re-resolve every style sheet against the current palette, then tell theme-aware widgets."""
    widgets = app.allWidgets()
    for widget in widgets:
        role = widget.property(TINT_PROPERTY)
        if role:
            tint(widget, str(role), str(widget.property(TINT_EXTRA) or ""))
            continue
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)
    for widget in widgets:
        if isinstance(widget, ThemeAware):
            widget.theme_changed()


class ThemeWatcher(QObject):
    """Restyles once (coalesced) when the platform switches between light and dark.

    It listens to ``QStyleHints.colorSchemeChanged``: an event filter on the application would
    see every event of every object (QtWebEngine's included, and crashed with them).
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(lambda: restyle_all(self.app))
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.timer.start)


def watch_theme(app: QApplication) -> ThemeWatcher:
    """Start following the platform's light/dark switches (once per application)."""
    found = app.findChild(ThemeWatcher)
    return found if isinstance(found, ThemeWatcher) else ThemeWatcher(app)
