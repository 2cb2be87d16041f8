"""Emoji in the preview come from the bundled colour font, whatever the machine has installed.

The check runs in a child process whose fontconfig sees no emoji font at all (one folder holding
a copy of Roboto): there, the old preview drew empty boxes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.support.paths import ROOT

CHILD = textwrap.dedent(
    """
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from engage_desktop.core.content.push import PushContent
    from engage_desktop.core.textlayout.surfaces import Surface
    from engage_desktop.ui.preview.push_preview import PushPreview

    def coloured(title):
        preview = PushPreview(Surface.IOS_LOCK)
        preview.set_content(PushContent(title=title, body="Vite !"))
        image = preview.grab().toImage()
        return sum(
            1
            for x in range(image.width())
            for y in range(image.height())
            if QColor(image.pixel(x, y)).saturation() > 120
        )

    print("EMOJI_PIXELS", coloured("Soldes 🎉🎉🎉") - coloured("Soldes"))
    """
)


def test_emoji_are_drawn_in_colour_without_a_system_emoji_font(tmp_path: Path) -> None:
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(ROOT / "resources" / "fonts" / "Roboto-Regular.ttf", fonts)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(config), PYTHONPATH=str(ROOT)
    )
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    pixels = int(done.stdout.split("EMOJI_PIXELS")[1])
    assert pixels > 150, done.stdout  # three colour emoji, not three empty boxes


def test_bundled_emoji_font_is_reasonably_small() -> None:
    size = (ROOT / "resources" / "fonts" / "NotoColorEmoji.ttf").stat().st_size
    assert size < 12_000_000
