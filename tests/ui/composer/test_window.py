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
from tests.support.web_engine import WEB_ENGINE_NOISE

LONG = (
    "Bonjour {{ first_name | default: 'cher client' }}, nos lampes 🎉 sont à -50 % jusqu'à dimanche soir, profitez-en vite avant la fin ! "
    * 2
)


def _open(qtbot: QtBot, ctx: UiContext, campaign_id: int | None = None) -> ComposerWindow:
    window = ComposerWindow(ctx, campaign_id)
    qtbot.addWidget(window)
    window.resize(1500, 1000)
    window.show()
    qtbot.waitUntil(lambda: not window.loading)  # segments and a stored draft, read off-thread
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


# Per format: the field holding its main text, and what the preview was given to draw.
MAIN_FIELD = {
    "push": "content.body",
    "sms": "sms.body",
    "in_app": "inapp.body",
    "email": "email.subject",
    "rich_push": "rich.title",
}
SWITCHES = ["push", "sms", "in_app", "email", "rich_push", "sms", "in_app", "push", "rich_push"]


def _choose_format(window: ComposerWindow, fmt: str) -> None:
    combo = window.widgets["campaign.format"]
    combo.setCurrentIndex(combo.findData(fmt))  # type: ignore[attr-defined]
    combo.activated.emit(combo.currentIndex())  # type: ignore[attr-defined]


def _previewed(window: ComposerWindow, fmt: str) -> str:
    """The main text as the format's preview received it."""
    if fmt == "push":
        return window.push_panel.previews[Surface.IOS_LOCK].content.body
    if fmt == "in_app":
        return window.inapp_preview.content.body
    if fmt == "rich_push":
        assert window.rich_preview is not None
        return window.rich_preview.inbox.title.text()
    if fmt == "sms":
        return window.views.sms_preview.text  # the bubble's text, as sent
    return window.views.email_preview.subject.text()  # the email's subject line


@WEB_ENGINE_NOISE
def test_switching_formats_keeps_editor_preview_payload_and_saved_row_in_step(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    """The fault: push → SMS showed the push body in the preview and GSM-7 counter but the old
    text in the editor; → in-app an empty editor over the SMS text, which was saved; the SMS
    payload tab kept FCM's JSON and byte meter."""
    window = _open(qtbot, ui_context)
    typed: dict[str, str] = {}
    ws = ui_context.workspace
    for fmt in SWITCHES:
        _choose_format(window, fmt)
        editor = window.widgets[MAIN_FIELD[fmt]]
        assert isinstance(editor, QLineEdit | QPlainTextEdit)
        shown = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
        assert shown == typed.get(fmt, ""), fmt  # its own content, as it was left
        text = f"Texte {fmt} {len(typed)}"
        typed[fmt] = shown + " bis" if shown else text
        _type(qtbot, editor, typed[fmt][len(shown) :])
        assert typed[fmt] in _previewed(window, fmt), fmt
        payload = window.payload_view.toPlainText()
        assert typed[fmt] in payload, fmt
        others = [t for f, t in typed.items() if f != fmt]
        assert not any(t in payload for t in others), fmt
        assert (not window.byte_meter.isHidden()) == (fmt in ("push", "rich_push")), fmt
        if fmt == "sms":
            assert "Messages.json" in payload and f"Body={typed[fmt]}" in payload
            assert "GSM-7" in window.sms_counter.text()
            assert f"{len(typed[fmt])}" in window.sms_counter.text()
        if fmt == "email":
            assert f"Subject: {typed[fmt]}" in payload and "MIME-Version: 1.0" in payload
        if fmt in ("push", "rich_push"):
            message = json.loads(payload)["message"]
            part = "title" if fmt == "rich_push" else "body"
            assert typed[fmt] in message["notification"][part]
            assert typed[fmt] in message["apns"]["payload"]["aps"]["alert"][part]  # not "aps": {}
        window.save_now()
        qtbot.waitUntil(lambda: not window.saver.busy and window.campaign_id is not None)
        with ws.session() as session:
            saved = get_draft(session, ws.member_id, window.campaign_id)  # type: ignore[arg-type]
        assert saved.format == fmt
        stored = json.dumps(dict(saved.variants[0].content), ensure_ascii=False)
        assert typed[fmt] in stored and not any(t in stored for t in others), fmt


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
    window.close()  # saves at once, without waiting for the debounce, then closes
    assert window.isVisible()  # the window waits for the save (off the GUI thread)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
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
    window.search_profiles()  # found and read off the GUI thread
    qtbot.waitUntil(
        lambda: (
            window.push_panel.previews[Surface.IOS_LOCK].content.body == "Bonjour Zoé, 42 points"
        )
    )
    window.profile_search.setText("anon")
    window.search_profiles()
    qtbot.waitUntil(lambda: "first_name" in window.template_note.text())
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


def test_opening_on_a_locked_database_keeps_the_window_painting(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    from engage_desktop.core.campaigns.edit import save_draft
    from engage_desktop.core.campaigns.model import CampaignDraft
    from tests.support.slow_database import RepaintCounter, held_lock

    ws = ui_context.workspace
    with ws.session() as session:
        stored = save_draft(
            session, ws.member_id, CampaignDraft(int(ui_context.app_id or 0), "Nuit")
        )
    with held_lock(ws):
        window = ComposerWindow(ui_context, stored)  # returns at once: the read waits on a worker
        qtbot.addWidget(window)
        window.show()
        counter = RepaintCounter(window)
        qtbot.wait(1000)
        assert counter.paints >= 10
        assert window.loading and not window.left.isEnabled()  # nothing typed can be overwritten
        counter.stop()
    qtbot.waitUntil(lambda: not window.loading, timeout=15_000)
    assert window.widgets["campaign.name"].text() == "Nuit"  # type: ignore[attr-defined]
    assert window.left.isEnabled()


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
    qtbot.waitUntil(lambda: not window.loading)  # the segments are read off the GUI thread
    picker = window.widgets["campaign.segment_id"]
    assert [picker.itemText(i) for i in range(1, picker.count())] == ORDER  # 0: whole audience
    tab = SegmentsTab(context)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)
    assert [s.name for s in tab.table.summaries()] == ORDER


def _completed_campaign(ctx: UiContext) -> int:
    """A push campaign sent to five devices: 2 sent, 1 failed, 2 held back as control group."""
    from datetime import UTC, datetime

    from sqlalchemy import update

    from engage_desktop.core.campaigns.edit import save_draft
    from engage_desktop.core.campaigns.model import CampaignDraft, Variant
    from engage_desktop.store.models import Campaign, Channel, OutboxMessage, OutboxState

    ws, app_id = ctx.workspace, int(ctx.app_id or 0)
    content = {"title": "Soldes", "body": "Jusqu'à -50 %"}
    with ws.session() as session:
        cid = save_draft(
            session,
            ws.member_id,
            CampaignDraft(app_id, "Soldes", variants=(Variant("A", 1.0, content),)),
        )
        when = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
        session.execute(
            update(Campaign)
            .where(Campaign.id == cid)
            .values(status="completed", started_at=when, finished_at=when)
        )
        states = [OutboxState.SENT] * 2 + [OutboxState.FAILED] + [OutboxState.SUPPRESSED] * 2
        for i, state in enumerate(states):
            session.add(
                OutboxMessage(
                    campaign_id=cid,
                    app_id=app_id,
                    channel=Channel.PUSH,
                    message_id=f"m-{cid}-{i}",
                    state=state,
                    suppression_reason="control_group" if state == OutboxState.SUPPRESSED else None,
                )
            )
    return cid


def test_a_completed_campaign_opens_read_only_with_its_results_and_a_duplicate_to_edit(
    qtbot: QtBot, ui_context: UiContext, french: None, shots: Path
) -> None:
    """The fault: a completed campaign opened fully editable with Send… enabled, and every
    edit then failed with "Not saved"; its copy was named "(copy)" in French."""
    cid = _completed_campaign(ui_context)
    window = _open(qtbot, ui_context, cid)
    assert window.read_only and window.results is not None
    assert not any(w.isEnabled() for w in window.widgets.values())
    for button in (window.send_button, window.schedule_button, window.test_send_button):
        assert button.isHidden()
    results = window.results
    qtbot.waitUntil(lambda: results.counts["sent"].text() == "2")
    assert results.counts["failed"].text() == "1" and results.counts["suppressed"].text() == "2"
    assert "groupe témoin" in results.reasons.text()
    assert window.push_panel.previews[Surface.IOS_LOCK].content.title == "Soldes"  # still shown
    window.grab().save(str(shots / "composer_completed_fr.png"))
    qtbot.mouseClick(results.duplicate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.copy_window is not None)
    copy = window.copy_window
    assert copy is not None
    qtbot.addWidget(copy)
    qtbot.waitUntil(lambda: not copy.loading)
    assert copy.campaign_name() == "Soldes (copie)" and not copy.read_only
    assert copy.widgets["content.title"].isEnabled() and not copy.send_button.isHidden()
    ws = ui_context.workspace
    with ws.session() as session:
        assert get_draft(session, ws.member_id, cid).status == "completed"  # never touched
