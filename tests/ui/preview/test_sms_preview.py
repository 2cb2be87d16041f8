"""The SMS preview: a bubble with the text as sent and the segments it costs (plural forms)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from engage_desktop.ui.preview.sms_preview import SmsPreview


def test_bubble_shows_the_text_and_its_segment_count(qtbot: QtBot) -> None:
    preview = SmsPreview()
    qtbot.addWidget(preview)
    preview.resize(393, 420)
    preview.set_message("Maison Lumière", "Soldes ce week-end !")
    assert preview.footer() == "1 segment · GSM-7"  # fault: "1 segment(s)"
    preview.set_message("Maison Lumière", "x" * 161)
    assert preview.footer() == "2 segments · GSM-7"
    preview.set_message("Maison Lumière", "Soldes 🎉")
    assert preview.footer() == "1 segment · UCS-2"
    assert "Soldes" in preview.document.toPlainText()
    image = preview.grab().toImage()
    bubble = QColor(image.pixel(20, 70))  # inside the bubble's rounded rectangle
    assert bubble != QColor(image.pixel(380, 70))  # a bubble, not plain text on the screen


def test_french_plural_forms(qtbot: QtBot, french: None) -> None:
    preview = SmsPreview()
    qtbot.addWidget(preview)
    preview.set_message("Maison Lumière", "Bonjour")
    assert preview.footer() == "1 segment · GSM-7"
    preview.set_message("Maison Lumière", "x" * 400)
    assert preview.footer() == "3 segments · GSM-7"
