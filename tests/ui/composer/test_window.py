"""The composer: typing updates every surface and the payload, undo/redo, autosave and restore,
and its segment picker in the same order as the Segments tab."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from engage_desktop.core.campaigns.edit import get_draft
from engage_desktop.core.segments.saved import create_segment
from engage_desktop.core.textlayout.surfaces import Surface
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext

LONG = (
    "Bonjour {{ first_name | default: 'cher client' }}, nos lampes 🎉 sont à -50 % jusqu'à dimanche soir, profitez-en vite avant la fin ! "
    * 2
)


def _open(qtbot: QtBot, ctx: UiContext, campaign_id: int | None = None) -> ComposerWindow:
    window = ComposerWindow(ctx, campaign_id)
    qtbot.addWidget(window)
    window.resize(1500, 1000)
    window.show()
    return window


def _type(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Real key clicks for ASCII; QTest cannot type other characters, so those are inserted."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif isinstance(widget, QLineEdit):
        widget.insert(text)
    else:
        widget.insertPlainText(text)


def test_typing_updates_every_surface_and_payload(
    qtbot: QtBot, ui_context: UiContext, shots: Path
) -> None:
    window = _open(qtbot, ui_context)
    _type(qtbot, window.widgets["content.title"], "Soldes")
    body = window.widgets["content.body"]
    assert isinstance(body, QPlainTextEdit)
    body.setFocus()
    body.insertPlainText(LONG)
    for surface, preview in window.push_panel.previews.items():
        assert preview.content.title == "Soldes", surface
        assert preview.content.body.startswith("Bonjour Camille,")  # sample profile rendered
    assert Surface.ANDROID_COLLAPSED in window.push_panel.cut_surfaces()
    payload = json.loads(window.payload_view.toPlainText())
    assert payload["message"]["notification"]["title"] == "Soldes"
    assert 0 < window.byte_meter.value() < 4096
    window.grab().save(str(shots / "composer_push.png"))
    window.push_panel.dark.setChecked(True)
    window.push_panel.grab().save(str(shots / "preview_dark.png"))
    window.push_panel.dark.setChecked(False)
    for surface, preview in window.push_panel.previews.items():
        preview.grab().save(str(shots / f"surface_{surface.value}.png"))


def test_undo_redo(qtbot: QtBot, ui_context: UiContext) -> None:
    window = _open(qtbot, ui_context)
    title = window.widgets["content.title"]
    assert isinstance(title, QLineEdit)
    _type(qtbot, title, "Promo")
    _type(qtbot, window.widgets["content.deep_link"], "app://x")
    qtbot.keyClick(
        window.widgets["content.deep_link"], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )
    assert window._content()["deep_link"] == ""
    window.undo_stack.undo()
    assert title.text() == "" and window.push_panel.previews[Surface.IOS_LOCK].content.title == ""
    window.undo_stack.redo()
    assert (
        title.text() == "Promo"
        and window.push_panel.previews[Surface.IOS_LOCK].content.title == "Promo"
    )


def test_invalid_fields_marked_and_schedule_blocked(qtbot: QtBot, ui_context: UiContext) -> None:
    window = _open(qtbot, ui_context)
    assert not window.schedule_button.isEnabled()  # empty notification
    _type(qtbot, window.widgets["content.body"], "Bonjour")
    _type(qtbot, window.widgets["content.image_url"], "http://insecure/x.png")
    assert window.widgets["content.image_url"].property("invalid") is True
    assert "https" in window.widgets["content.image_url"].toolTip()
    assert not window.schedule_button.isEnabled()


def test_autosave_and_restore(qtbot: QtBot, ui_context: UiContext) -> None:
    window = _open(qtbot, ui_context)
    _type(qtbot, window.widgets["content.title"], "Brouillon")
    qtbot.waitUntil(lambda: window.campaign_id is not None, timeout=5000)  # debounce fired
    campaign_id = window.campaign_id
    assert campaign_id is not None
    _type(qtbot, window.widgets["content.body"], "Texte tapé juste avant de fermer")
    window.close()  # saves at once, without waiting for the debounce
    ws = ui_context.workspace
    with ws.session() as session:
        draft = get_draft(session, ws.member_id, campaign_id)
    assert draft.status == "draft"
    assert draft.variants[0].content["body"] == "Texte tapé juste avant de fermer"
    reopened = _open(qtbot, ui_context, campaign_id)
    assert reopened.widgets["content.title"].text() == "Brouillon"  # type: ignore[attr-defined]
    assert reopened.push_panel.previews[Surface.IOS_BANNER].content.title == "Brouillon"


def test_preview_as_profile_and_liquid_errors(qtbot: QtBot, ui_context: UiContext) -> None:
    window = _open(qtbot, ui_context)
    _type(qtbot, window.widgets["content.body"], "Bonjour {{ first_name }}, {{ points }} points")
    window.profile_search.setText("zoe@")
    window.search_profiles()
    assert window.push_panel.previews[Surface.IOS_LOCK].content.body == "Bonjour Zoé, 42 points"
    window.profile_search.setText("anon")
    window.search_profiles()
    assert "first_name" in window.template_note.text()
    _type(qtbot, window.widgets["content.body"], " {{ oops | }")
    assert "line 1, column" in window.template_note.text()
    # the preview keeps the last good render
    assert window.push_panel.previews[Surface.IOS_LOCK].content.body.startswith("Bonjour , ")


def test_sms_counter_highlights_ucs2(qtbot: QtBot, ui_context: UiContext, shots: Path) -> None:
    window = _open(qtbot, ui_context)
    fmt = window.widgets["campaign.format"]
    fmt.setCurrentIndex(fmt.findData("sms"))  # type: ignore[attr-defined]
    fmt.activated.emit(fmt.currentIndex())  # type: ignore[attr-defined]
    _type(qtbot, window.widgets["sms.body"], "Soldes ✨ " + "a" * 70)
    assert "UCS-2" in window.sms_counter.text() and "✨" in window.sms_counter.text()
    assert "2 segment" in window.sms_counter.text()
    window.grab().save(str(shots / "composer_sms.png"))


def test_inapp_preview_over_dimmed_app(qtbot: QtBot, ui_context: UiContext, shots: Path) -> None:
    window = _open(qtbot, ui_context)
    fmt = window.widgets["campaign.format"]
    fmt.setCurrentIndex(fmt.findData("in_app"))  # type: ignore[attr-defined]
    fmt.activated.emit(fmt.currentIndex())  # type: ignore[attr-defined]
    _type(qtbot, window.widgets["inapp.header"], "Bienvenue {{ first_name }}")
    _type(qtbot, window.widgets["inapp.body"], "Votre carte de fidelite vous attend.")
    _type(qtbot, window.widgets["inapp.button0_label"], "Voir")
    assert window.inapp_preview.content.header == "Bienvenue Camille"
    assert window.inapp_preview.content.buttons[0].label == "Voir"
    rects = {}
    for layout in ("modal", "top_banner", "bottom_banner", "full_screen", "card"):
        combo = window.widgets["inapp.layout"]
        combo.setCurrentIndex(combo.findData(layout))  # type: ignore[attr-defined]
        combo.activated.emit(combo.currentIndex())  # type: ignore[attr-defined]
        rects[layout] = window.inapp_preview.message_rect()
        window.inapp_preview.grab().save(str(shots / f"inapp_{layout}.png"))
    assert rects["top_banner"].top() < rects["modal"].top() < rects["bottom_banner"].top()
    _type(qtbot, window.widgets["inapp.background"], "zz")
    assert window.widgets["inapp.background"].property("invalid") is True


def test_untouched_window_leaves_no_draft(qtbot: QtBot, ui_context: UiContext) -> None:
    window = _open(qtbot, ui_context)
    window.close()
    assert window.campaign_id is None


NAMES = ["zèbre", "Élite", "avion", "Bateau"]
ORDER = ["avion", "Bateau", "Élite", "zèbre"]


def test_composer_segment_picker_and_segments_tab_agree(
    admin_context: UiContext, qtbot: QtBot
) -> None:
    """Every list of saved segments in the GUI has the same order: accents and case ignored."""
    from engage_desktop.ui.audience.segments_tab import SegmentsTab

    context = admin_context
    assert context.app_id is not None
    for name in NAMES:
        create_segment(
            context.workspace,
            context.app_id,
            name,
            {"version": 1, "rules": {"type": "sample", "percent": 5}},
        )
    window = ComposerWindow(context, None)
    qtbot.addWidget(window)
    picker = window.widgets["campaign.segment_id"]
    assert [picker.itemText(i) for i in range(1, picker.count())] == ORDER  # 0: whole audience
    tab = SegmentsTab(context)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)
    assert [s.name for s in tab.table.summaries()] == ORDER
