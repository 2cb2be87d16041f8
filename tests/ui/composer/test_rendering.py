"""The payload tab: a message, or why there is none (never both), and a byte count made with a
message id as long as the outbox's real ones."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from engage_desktop.core.content.fcm import payload_size
from engage_desktop.core.outbox.expand import message_id_for
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext

SHOTS = Path("/tmp/shots/send-content")


def _open(qtbot: QtBot, ctx: UiContext) -> ComposerWindow:
    window = ComposerWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1500, 1000)
    window.show()
    return window


def _set(window: ComposerWindow, key: str, text: str) -> None:
    widget = window.widgets[key]
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        assert isinstance(widget, QPlainTextEdit)
        widget.setPlainText(text)


def test_a_template_error_shows_the_issue_and_no_message(
    qtbot: QtBot, ui_context: UiContext, french: None
) -> None:
    window = _open(qtbot, ui_context)
    _set(window, "content.title", "Soldes")
    _set(window, "content.body", "Bonjour {{ first_name ")
    qtbot.waitUntil(lambda: "Aucun message" in window.payload_view.toPlainText(), timeout=5_000)
    text = window.payload_view.toPlainText()
    assert "corps" in text and '"message"' not in text
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "payload_template_error_fr.png"))


def test_a_valid_message_shows_its_json_and_the_real_byte_count(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    window = _open(qtbot, ui_context)
    _set(window, "content.title", "Soldes")
    _set(window, "content.body", "Jusqu'à -50 %")
    qtbot.waitUntil(lambda: '"message"' in window.payload_view.toPlainText(), timeout=5_000)
    message = json.loads(window.payload_view.toPlainText())["message"]
    assert message["android"]["notification"]["tag"] == message["data"]["message_id"]
    assert len(message["data"]["message_id"]) == len(message_id_for(1_000_000_000, 1_000_000_001))
    assert window.byte_meter.value() == payload_size(message)
