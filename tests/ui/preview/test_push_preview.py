"""The push preview as the phone draws it: the app's name, distinct iOS surfaces, zoom."""

from __future__ import annotations

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from engage_desktop.core.content.push import PushContent
from engage_desktop.core.textlayout.surfaces import Surface
from engage_desktop.ui.preview.phone_chrome import chrome_height
from engage_desktop.ui.preview.push_preview import PushPreview


def _image(qtbot: QtBot, surface: Surface, content: PushContent, name: str = "") -> QImage:
    preview = PushPreview(surface)
    qtbot.addWidget(preview)
    if name:
        preview.app_name = name
    preview.set_content(content)
    return preview.grab().toImage()


def test_ios_shows_the_apps_name_when_there_is_no_title(qtbot: QtBot) -> None:
    # Fault: "App" was drawn instead of the app's name on iOS.
    for surface in (Surface.IOS_LOCK, Surface.IOS_BANNER):
        untitled = _image(qtbot, surface, PushContent(body="Vite !"), name="Maison Lumière")
        titled = _image(qtbot, surface, PushContent(title="Maison Lumière", body="Vite !"))
        top = int(chrome_height(surface))  # the card, not the clock (its glyphs are cached)
        card = (0, top, titled.width(), titled.height() - top)
        assert untitled.copy(*card) == titled.copy(*card), surface


def test_ios_lock_screen_and_banner_look_different(qtbot: QtBot) -> None:
    # Fault: the iOS lock screen and the banner were drawn identically for short texts.
    content = PushContent(title="Soldes", body="Vite !")
    lock = _image(qtbot, Surface.IOS_LOCK, content)
    banner = _image(qtbot, Surface.IOS_BANNER, content)
    assert lock.size() != banner.size() or lock != banner
    # The lock screen has its clock above the card; the banner sits under the status bar.
    assert lock.height() > banner.height() + 60


def test_zoom_scales_the_drawing_not_the_cut(qtbot: QtBot) -> None:
    preview = PushPreview(Surface.ANDROID_HEADS_UP)
    qtbot.addWidget(preview)
    content = PushContent(title="Soldes d'automne", body="Bonjour " * 40)
    preview.set_content(content)
    full = preview.size()
    lines = preview.text.body.lines
    preview.set_zoom(0.75)
    assert preview.width() == round(full.width() * 0.75)
    assert preview.text.body.lines == lines  # the device still cuts at its real width
    assert not preview.grab().isNull()
