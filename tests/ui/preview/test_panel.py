"""The push preview panel fits the phones to its width: no sideways scrolling, nothing cut."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from engage_desktop.core.content.push import PushContent
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.preview.panel import PushPreviewPanel


def _fits(panel: PushPreviewPanel) -> None:
    viewport = panel.scroll_area.viewport()
    for surface, preview in panel.previews.items():
        right = preview.mapTo(viewport, QPoint(preview.width(), 0)).x()
        assert right <= viewport.width(), (surface, right, viewport.width())
    inner = panel.scroll_area.widget()
    assert inner is not None and inner.width() <= viewport.width()


def test_phones_fit_a_narrow_and_a_wide_panel(qtbot: QtBot) -> None:
    panel = PushPreviewPanel()
    qtbot.addWidget(panel)
    panel.set_content(PushContent(title="Soldes", body="Bonjour " * 30))
    panel.show()
    for width in (360, 520, 900):
        panel.resize(width, 700)
        qtbot.wait(20)
        _fits(panel)
    assert panel.columns == 2


def test_composer_preview_fits_at_the_default_window_size(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    # Fault: the Android cards were cut at the right edge at the default width.
    from engage_desktop.ui.composer.window import ComposerWindow

    window = ComposerWindow(ui_context)
    qtbot.addWidget(window)
    window.show()  # its default size, as the Campaigns page opens it
    qtbot.waitExposed(window)
    panel = window.views.push_panel
    qtbot.wait(50)
    scroll: QScrollArea = panel.scroll_area
    bar = scroll.horizontalScrollBar()
    assert bar.maximum() == 0
    _fits(panel)


def test_phone_mode_follows_the_app_theme_until_chosen(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from engage_desktop.ui.appearance import dark_palette

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    panel = PushPreviewPanel()
    qtbot.addWidget(panel)
    before = app.palette()
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(panel.dark.isChecked)
        app.setPalette(before)
        qtbot.waitUntil(lambda: not panel.dark.isChecked())
        panel.dark.click()  # the user's choice now holds
        app.setPalette(before)
        assert panel.dark.isChecked()
    finally:
        app.setPalette(before)
