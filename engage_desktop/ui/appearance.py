"""Light or dark interface: follow the system, or the user's explicit choice.

Platforms with a colour-scheme aware theme (Windows 11, macOS, GNOME and KDE through their
platform themes) honour ``QStyleHints.setColorScheme`` and switch the palette themselves. Where
no theme does (a bare X11 session, Xvfb, the offscreen platform), Qt keeps Fusion's light
palette whatever is asked, so a dark choice would silently do nothing; there we install a dark
Fusion palette ourselves. Platforms that report a live system switch also repaint themselves, so
nothing here needs to listen for it.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Set once the app has asked for a scheme or painted its own palette: from then on "system"
# has something to undo. Before that, "system" needs nothing at all, which keeps Qt's namespace
# (≈ 12 ms to load in PySide) out of the start-up path.
_changed = False

# Role → (active/inactive colour, disabled colour). Fusion's own dark palette, written out.
_DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    QPalette.ColorRole.Window: ("#323232", "#323232"),
    QPalette.ColorRole.WindowText: ("#f0f0f0", "#8a8a8a"),
    QPalette.ColorRole.Base: ("#242424", "#2b2b2b"),
    QPalette.ColorRole.AlternateBase: ("#2c2c2c", "#2c2c2c"),
    QPalette.ColorRole.ToolTipBase: ("#3c3c3c", "#3c3c3c"),
    QPalette.ColorRole.ToolTipText: ("#f0f0f0", "#8a8a8a"),
    QPalette.ColorRole.PlaceholderText: ("#9a9a9a", "#6a6a6a"),
    QPalette.ColorRole.Text: ("#f0f0f0", "#8a8a8a"),
    QPalette.ColorRole.Button: ("#3a3a3a", "#323232"),
    QPalette.ColorRole.ButtonText: ("#f0f0f0", "#8a8a8a"),
    QPalette.ColorRole.BrightText: ("#ff6b6b", "#ff6b6b"),
    QPalette.ColorRole.Light: ("#4a4a4a", "#4a4a4a"),
    QPalette.ColorRole.Midlight: ("#3e3e3e", "#3e3e3e"),
    QPalette.ColorRole.Mid: ("#2a2a2a", "#2a2a2a"),
    QPalette.ColorRole.Dark: ("#1e1e1e", "#1e1e1e"),
    QPalette.ColorRole.Shadow: ("#141414", "#141414"),
    QPalette.ColorRole.Highlight: ("#2f6fcf", "#4a4a4a"),  # white on it: 4.9:1 (WCAG AA)
    QPalette.ColorRole.HighlightedText: ("#ffffff", "#a0a0a0"),
    QPalette.ColorRole.Link: ("#7cb0ff", "#6a8ab8"),
    QPalette.ColorRole.LinkVisited: ("#b79cff", "#8a7ab8"),
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in _DARK.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


LIGHT_HIGHLIGHT = "#2872b5"  # Fusion's #308cc6 gives white text only 3.7:1; this 5:1


def light_palette(app: QApplication) -> QPalette:
    """The style's light palette, with a selection colour that white text reads on."""
    style = app.style()
    palette = style.standardPalette() if style is not None else QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(LIGHT_HIGHLIGHT))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_appearance(app: QApplication, appearance: str) -> None:
    """Ask the platform for ``appearance``; paint it ourselves if the platform cannot."""
    global _changed
    if appearance not in ("light", "dark") and not _changed:
        return  # the platform's own choice, untouched so far
    from PySide6.QtCore import Qt

    _changed = True
    hints = QGuiApplication.styleHints()
    schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    requested = schemes.get(appearance, Qt.ColorScheme.Unknown)
    hints.setColorScheme(requested)  # Unknown = follow the system again
    wanted = requested if requested != Qt.ColorScheme.Unknown else hints.colorScheme()
    if wanted == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setPalette(dark_palette())
    elif wanted != Qt.ColorScheme.Dark and is_dark(app.palette()):
        app.setPalette(light_palette(app))
    else:
        return
    from engage_desktop.ui.theme import restyle_all

    restyle_all(app)  # widgets with style sheets and their own colours follow at once
