"""The composer's A/B row: variants with their shares (which must add up to 100 %), each with
its own content and preview, saved with the campaign."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit
from pytestqt.qtbot import QtBot

from engage_desktop.core.campaigns.edit import get_draft
from engage_desktop.core.campaigns.form import SHARE_KEY
from engage_desktop.core.textlayout.surfaces import Surface
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext


def _title(window: ComposerWindow, text: str) -> None:
    title = window.widgets["content.title"]
    assert isinstance(title, QLineEdit)
    title.setText(text)
    title.textEdited.emit(text)


def test_variants_with_shares_and_their_own_previews(
    qtbot: QtBot, ui_context: UiContext, french: None
) -> None:
    window = ComposerWindow(ui_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.loading)
    bar = window.variant_bar
    assert not bar.share.isEnabled() and not bar.remove_button.isEnabled()  # one variant: all
    _title(window, "Titre A")
    window.widgets["content.body"].setPlainText("Corps")  # type: ignore[attr-defined]
    bar.add_button.click()
    assert window.shown_variant() == "B" and bar.share.value() == 50.0
    _title(window, "Titre B")
    preview = window.push_panel.previews[Surface.IOS_LOCK]
    assert preview.content.title == "Titre B"
    share = window.widgets[SHARE_KEY]
    assert isinstance(share, QDoubleSpinBox)
    share.setValue(30.0)  # A 50 % + B 30 %
    assert share.property("invalid") is True and "100 %" in share.toolTip()
    assert any(
        "parts des variantes" in window.issue_list.item(i).text()
        for i in range(window.issue_list.count())
    )
    assert not window.schedule_button.isEnabled()
    bar.combo.setCurrentIndex(bar.combo.findData("A"))
    bar.combo.activated.emit(bar.combo.currentIndex())
    assert preview.content.title == "Titre A" and share.value() == 50.0
    share.setValue(70.0)
    assert share.property("invalid") is False and window.schedule_button.isEnabled()
    window.save_now()
    qtbot.waitUntil(lambda: window.campaign_id is not None and not window.saver.busy)
    ws = ui_context.workspace
    with ws.session() as session:
        saved = get_draft(session, ws.member_id, window.campaign_id)  # type: ignore[arg-type]
    assert [(v.key, round(v.weight, 3), v.content["title"]) for v in saved.variants] == [
        ("A", 0.7, "Titre A"),
        ("B", 0.3, "Titre B"),
    ]
    bar.remove_button.click()  # removes A, the one shown
    assert window.shown_variant() == "B" and preview.content.title == "Titre B"
    assert bar.combo.count() == 1 and not bar.remove_button.isEnabled()
