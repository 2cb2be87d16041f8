"""The composer's fields for what the channels send, which were settable only in the variant's
JSON: a rich push's page address and inbox time, an in-app message's trigger and expiry, an
email's From / Reply-To and text part, and the transactional flag. Each is checked by core
(the widget at fault marked), shown in the preview or payload, and saved."""

from __future__ import annotations

import json
from datetime import datetime
from email import message_from_string, policy

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox
from pytestqt.qtbot import QtBot

from engage_desktop.core.campaigns.edit import get_draft
from engage_desktop.store.models import App, ChannelAccount, EventName, Provider
from engage_desktop.ui.composer.inputs import EventPicker, ExpiryEdit
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext
from tests.support.web_engine import WEB_ENGINE_NOISE

FROM = "Les soldes Maison Lumière <soldes@maison-lumiere.fr>"


def _open(qtbot: QtBot, ctx: UiContext, campaign_id: int | None = None) -> ComposerWindow:
    window = ComposerWindow(ctx, campaign_id)
    qtbot.addWidget(window)
    window.resize(1500, 1000)
    window.show()
    qtbot.waitUntil(lambda: not window.loading)
    return window


def _choose(window: ComposerWindow, key: str, value: object) -> None:
    combo = window.widgets[key]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))
    combo.activated.emit(combo.currentIndex())


def _type(qtbot: QtBot, window: ComposerWindow, key: str, text: str) -> None:
    widget = window.widgets[key]
    assert isinstance(widget, QLineEdit | QPlainTextEdit)
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.insert(text)
        widget.textEdited.emit(widget.text())
    else:
        widget.insertPlainText(text)


def _saved(qtbot: QtBot, window: ComposerWindow, ctx: UiContext) -> dict[str, object]:
    window.save_now()
    qtbot.waitUntil(lambda: not window.saver.busy and window.campaign_id is not None)
    ws = ctx.workspace
    with ws.session() as session:
        draft = get_draft(session, ws.member_id, window.campaign_id)  # type: ignore[arg-type]
    return {"content": dict(draft.variants[0].content), "schedule": dict(draft.schedule or {})}


@WEB_ENGINE_NOISE
def test_rich_push_page_address_and_inbox_days(qtbot: QtBot, ui_context: UiContext) -> None:
    window = _open(qtbot, ui_context)
    _choose(window, "campaign.format", "rich_push")
    _type(qtbot, window, "rich.title", "Nouveautés")
    _type(qtbot, window, "rich.html", "<p>" + "Lin lavé, couleurs douces. " * 200 + "</p>")
    assert "does not fit" in window.widgets["rich.html"].toolTip()  # no address: refused
    _type(qtbot, window, "rich.page_url", "http://ml.fr/p")
    assert window.widgets["rich.page_url"].property("invalid") is True
    page_url = window.widgets["rich.page_url"]
    assert isinstance(page_url, QLineEdit)
    page_url.clear()
    _type(qtbot, window, "rich.page_url", "https://ml.fr/printemps")
    days = window.widgets["rich.inbox_days"]
    assert isinstance(days, QSpinBox) and days.value() == 7  # the default, shown
    days.setValue(30)
    data = json.loads(window.payload_view.toPlainText())["message"]["data"]
    assert data["rich_url"] == "https://ml.fr/printemps" and "rich_html" not in data
    assert data["inbox_days"] == "30"
    content = _saved(qtbot, window, ui_context)["content"]
    assert content["page_url"] == "https://ml.fr/printemps" and content["inbox_days"] == 30  # type: ignore[index]


def test_in_app_trigger_by_readable_event_and_expiry(qtbot: QtBot, ui_context: UiContext) -> None:
    ws = ui_context.workspace
    with ws.session() as session:
        session.add_all(
            [EventName(app_id=ui_context.app_id, name=n) for n in ("purchase", "level_up")]
        )
    window = _open(qtbot, ui_context)
    _choose(window, "campaign.format", "in_app")
    _type(qtbot, window, "inapp.body", "Votre carte vous attend")
    picker = window.widgets["inapp.trigger_event"]
    assert isinstance(picker, EventPicker) and not picker.isEnabled()  # next app open
    assert window.views.inapp_when.text() == "Shown the next time the app opens."
    _choose(window, "inapp.trigger", "event")
    assert picker.isEnabled()
    assert "trigger event" in window.issue_list.item(0).text()  # no event named yet
    assert [picker.itemText(i) for i in range(picker.count())] == ["Levelled up", "Purchased"]
    picker.setCurrentIndex(picker.findData("purchase"))
    picker.activated.emit(picker.currentIndex())
    expiry = window.widgets["inapp.expires_at"]
    assert isinstance(expiry, ExpiryEdit)
    expiry.enabled_box.click()
    expiry.moment.setDateTime(QDateTime(2027, 1, 31, 18, 0, 0))
    said = window.views.inapp_when.text()  # under the preview, in words
    assert said.startswith("Shown when the app logs “Purchased”, until ") and "2027" in said
    document = json.loads(
        json.loads(window.payload_view.toPlainText())["message"]["data"]["engage_inapp"]
    )
    assert document["trigger"] == {"on": "event", "event": "purchase"}
    local = datetime(2027, 1, 31, 18, 0).astimezone()
    assert document["expires_at"] == int(local.timestamp())
    content = _saved(qtbot, window, ui_context)["content"]
    assert content["trigger_event"] == "purchase"  # type: ignore[index]
    assert content["expires_at"] == local.isoformat()  # type: ignore[index]
    reopened = _open(qtbot, ui_context, window.campaign_id)
    _choose(reopened, "campaign.format", "in_app")
    shown = reopened.widgets["inapp.trigger_event"]
    assert isinstance(shown, EventPicker) and shown.currentText() == "Purchased"


def test_email_from_reply_to_and_text_part(qtbot: QtBot, ui_context: UiContext) -> None:
    ws = ui_context.workspace
    with ws.session() as session:
        app = session.get(App, ui_context.app_id)
        assert app is not None
        app.use_sandbox = False
        settings = {
            "host": "smtp.ml.fr",
            "port": 587,
            "user": "u",
            "from_address": "ML <news@ml.fr>",
        }
        session.add(
            ChannelAccount(
                app_id=app.id,
                provider=Provider.SMTP,
                settings=settings,
                reference="smtp-secret:app-1",
                fingerprint="abc",
            )
        )
    window = _open(qtbot, ui_context)
    _choose(window, "campaign.format", "email")
    _type(qtbot, window, "email.subject", "Soldes")
    _type(qtbot, window, "email.html", "<h1>Soldes</h1><p>Bonjour {{ first_name }}</p>")
    assert window.views.email_from.placeholderText() == "Default: ML <news@ml.fr>"
    assert window.views.email_preview.from_label.text() == "ML <news@ml.fr>"  # the default
    _type(qtbot, window, "email.from", "soldes@")
    assert window.widgets["email.from"].property("invalid") is True
    assert not window.send_button.isEnabled()
    from_field = window.widgets["email.from"]
    assert isinstance(from_field, QLineEdit)
    from_field.clear()
    _type(qtbot, window, "email.from", FROM)
    _type(qtbot, window, "email.reply_to", "aide@maison-lumiere.fr")
    assert window.widgets["email.from"].property("invalid") is False
    assert window.views.email_preview.from_label.text() == FROM
    window.views.text_from_html.click()
    text = window.widgets["email.text"]
    assert isinstance(text, QPlainTextEdit)
    assert text.toPlainText() == "Soldes\n\nBonjour {{ first_name }}"
    text.appendPlainText("\nÀ bientôt")
    payload = window.payload_view.toPlainText()
    mime = message_from_string(payload.split("\n\n", 1)[1], policy=policy.default)
    assert mime["From"] == FROM and mime["Reply-To"] == "aide@maison-lumiere.fr"
    plain = mime.get_body(("plain",))
    assert plain is not None and "Bonjour Camille" in plain.get_content()  # type: ignore[attr-defined]
    assert "À bientôt" in plain.get_content()  # type: ignore[attr-defined]
    content = _saved(qtbot, window, ui_context)["content"]
    assert content["from"] == FROM and "À bientôt" in content["text"]  # type: ignore[index,operator]


def test_transactional_is_explained_and_saved_where_the_rules_read_it(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    window = _open(qtbot, ui_context)
    box = window.widgets["campaign.transactional"]
    assert isinstance(box, QCheckBox) and not box.isChecked()
    assert any("frequency cap" in label.text() for label in window.left.findChildren(QLabel))
    box.click()
    assert _saved(qtbot, window, ui_context)["schedule"]["transactional"] is True  # type: ignore[index]
