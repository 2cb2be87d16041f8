"""The push composer on a real workspace: typing, preview cuts, payload, undo/redo, autosave."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from engage_desktop.core.campaigns import get_campaign, list_campaigns
from engage_desktop.core.content.fcm import payload_size
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, CampaignStatus, MemberRole, Role
from engage_desktop.ui.composer.preview import A_TEXT_W, ELLIPSIS, elide, font, wrap
from engage_desktop.ui.composer.window import PushComposer
from engage_desktop.ui.context import UiContext


@pytest.fixture
def context(make_workspace: Callable[..., Workspace], qsettings: QSettings) -> UiContext:
    ws = make_workspace()
    with ws.session() as session:
        app = App(name="Maison Lumière", firebase_project_id="lumiere")
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.MARKETER))
    return UiContext(ws, qsettings)


def make(qtbot: QtBot, context: UiContext, campaign_id: int | None = None) -> PushComposer:
    composer = PushComposer(context, campaign_id)
    qtbot.addWidget(composer)
    composer.show()
    return composer


def test_typing_updates_preview_and_payload(qtbot: QtBot, context: UiContext) -> None:
    c = make(qtbot, context)
    qtbot.keyClicks(c.edits["title"], "Bonjour {{ first_name }}")
    qtbot.keyClicks(c.edits["body"], "Soldes ")
    c.edits["body"].insertPlainText("🎄")  # type: ignore[union-attr]  # QTest types ASCII only
    assert c.preview.shown.android_title == "Bonjour Camille"
    assert c.preview.shown.ios_title == "Bonjour Camille"
    assert c.preview.shown.ios_body == ("Soldes 🎄",)
    message = json.loads(c.payload_view.toPlainText())["message"]
    assert message["notification"] == {"title": "Bonjour Camille", "body": "Soldes 🎄"}
    assert c.byte_meter.value() == payload_size(message)
    assert str(payload_size(message)) in c.byte_meter.text()
    assert "UCS-2" in c.sms_label.text() and "🎄" in c.sms_label.text()


def test_sample_profile_from_the_demo(
    qtbot: QtBot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    context = UiContext(demo_workspace, qsettings)
    c = make(qtbot, context)
    qtbot.keyClicks(c.edits["title"], "Bonjour {{ first_name }} de {{ city }}")
    expected = f"Bonjour {c.sample['first_name']} de {c.sample.get('city', '')}"
    assert json.loads(c.payload_view.toPlainText())["message"]["notification"]["title"] == expected


def test_long_title_is_cut_with_real_metrics(qtbot: QtBot, context: UiContext) -> None:
    c = make(qtbot, context)
    long = "Les soldes d'hiver commencent aujourd'hui dans tous nos magasins de France"
    qtbot.keyClicks(c.edits["title"], long)
    shown = c.preview.shown.android_title
    assert shown.endswith(ELLIPSIS) and long.startswith(shown[:-1])
    fm = QFontMetricsF(font(14, QFont.Weight.Medium))
    small = QFontMetricsF(font(12))
    box = A_TEXT_W - (2 + small.horizontalAdvance("•") + 4 + small.horizontalAdvance("now") + 4)
    assert fm.horizontalAdvance(shown) <= box
    # One more character would not have fitted: the cut is the longest that fits.
    assert fm.horizontalAdvance(long[: len(shown)] + ELLIPSIS) > box


def test_elide_and_wrap_respect_graphemes() -> None:
    fm = QFontMetricsF(font(14))
    text = "e\u0301" * 40 + "👩‍👩‍👧" * 10
    for width in (30.0, 80.0, 150.0):
        cut = elide(fm, text, width)
        assert fm.horizontalAdvance(cut) <= width
        kept = cut[:-1]
        assert text.startswith(kept)
        assert not kept.endswith("e")  # never between a letter and its combining accent
    assert elide(fm, "court", 200) == "court"
    lines = wrap("مرحبا بالعالم " * 12, font(15), 200, 4)
    assert len(lines) == 4 and lines[-1].endswith(ELLIPSIS)


def test_issues_shown_next_to_fields(qtbot: QtBot, context: UiContext) -> None:
    c = make(qtbot, context)
    qtbot.keyClicks(c.edits["title"], "T")
    qtbot.keyClicks(c.edits["image_url"], "http://cdn.example/i.png")
    label = c.issue_labels["image_url"]
    assert label.isVisibleTo(c) and "https" in label.text()
    c.edits["image_url"].clear()
    qtbot.keyClicks(c.edits["image_url"], "https://cdn.example/i.png")
    assert not label.isVisibleTo(c)
    qtbot.keyClicks(c.edits["action1_title"], " ")
    assert c.issue_labels["action1_title"].isVisibleTo(c)


def test_undo_redo(qtbot: QtBot, context: UiContext) -> None:
    c = make(qtbot, context)
    qtbot.keyClicks(c.edits["title"], "Soldes")
    qtbot.keyClicks(c.edits["body"], "-30 %")
    assert c.undo_stack.count() == 2  # keystrokes of one field merge into one step
    c.undo_stack.undo()
    assert c.edits["body"].toPlainText() == "" and c.values["title"] == "Soldes"  # type: ignore[union-attr]
    assert c.preview.shown.ios_body == ()
    c.undo_stack.undo()
    assert c.edits["title"].text() == "" and c.preview.shown.android_title == ""  # type: ignore[union-attr]
    c.undo_stack.redo()
    assert c.edits["title"].text() == "Soldes" and c.preview.shown.android_title == "Soldes"  # type: ignore[union-attr]


def test_autosave_then_reopen(qtbot: QtBot, context: UiContext) -> None:
    c = make(qtbot, context)
    qtbot.keyClicks(c.edits["name"], "Soldes")
    qtbot.keyClicks(c.edits["title"], "Bonjour")
    qtbot.keyClicks(c.edits["action0_title"], "J'en profite")
    with qtbot.waitSignal(c.saved, timeout=5000):
        pass
    campaign_id = c.campaign_id
    assert campaign_id is not None
    rows = list_campaigns(context.workspace, context.app_id or 0)
    assert [(r.name, r.status) for r in rows] == [("Soldes", CampaignStatus.DRAFT)]
    qtbot.keyClicks(c.edits["body"], "Corps")
    c.close()  # closing saves what the timer has not saved yet
    content = get_campaign(context.workspace, campaign_id).draft.variants[0].content
    assert content["body"] == "Corps" and content["actions"][0]["title"] == "J'en profite"
    again = make(qtbot, context, campaign_id)
    assert again.edits["title"].text() == "Bonjour"  # type: ignore[union-attr]
    assert again.edits["body"].toPlainText() == "Corps"  # type: ignore[union-attr]
    assert again.undo_stack.count() == 0 and again.preview.shown.android_body == "Corps"


def test_campaigns_page_opens_composer(qtbot: QtBot, context: UiContext) -> None:
    from engage_desktop.ui.pages.campaigns import CampaignsPage

    page = CampaignsPage(context)
    qtbot.addWidget(page)
    page.new_button.click()
    composer = page.composers[-1]
    assert isinstance(composer, PushComposer)
    qtbot.keyClicks(composer.edits["name"], "Depuis la page")  # type: ignore[arg-type]
    composer.save_now()
    assert page.model.rows[0].name == "Depuis la page"
    page.table.selectRow(0)
    assert page.edit_button.isEnabled()
    composer.close()
    QApplication.processEvents()
    page.edit_button.click()
    assert page.composers[-1].values["name"] == "Depuis la page"  # type: ignore[attr-defined]
    page.composers[-1].close()
    qtbot.waitUntil(lambda: not page.composers)  # closed windows are deleted and forgotten
