"""The content check's issues in French with their arguments, in the composer too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from engage_desktop.core.campaigns.form import SHARE_KEY, CampaignForm
from engage_desktop.core.campaigns.model import (
    CampaignDraft,
    Variant,
    expired_before,
    validate_draft,
)
from engage_desktop.core.messages import CodedText, code_of
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import (
    issue_line,
    issue_text,
)
from engage_desktop.ui.messages.issues import _issue_templates


def _issue_drafts() -> list[CampaignDraft]:
    push = {
        "image_url": "http://exemple.fr/a.png",
        "deep_link": "pas un lien",
        "badge": -1,
        "ttl_seconds": 99_999_999,
        "data": {"points": 12, "message_id": "x", "gcm.n.e": "1"},
        "actions": [
            {"id": "", "title": "", "deep_link": "monapp://a b"},
            {"id": "b", "title": "B"},
            {"id": "c", "title": "C"},
            {"id": "d", "title": "D"},
        ],
    }
    inapp = {
        "layout": "sideways",
        "image_url": "http://exemple.fr/b.png",
        "buttons": [{"label": ""}, {"label": "b"}, {"label": "c"}],
        "background": "blanc",
    }
    return [
        CampaignDraft(app_id=1, name="", variants=()),
        CampaignDraft(
            app_id=1,
            name="x",
            variants=(Variant("A", 1.0, push), Variant("A", 1.0, {"body": "é" * 5000})),
            analytics_label="bad label!",
        ),
        CampaignDraft(app_id=1, name="x", format="sms", variants=(Variant("A", 1.0, {}),)),
        CampaignDraft(
            app_id=1,
            name="x",
            format="sms",
            sms_max_segments=1,
            variants=(
                Variant("A", 1.0, {"body": "a" * 200}),
                Variant("B", 1.0, {"body": "🎉" * 80}),
            ),
        ),
        CampaignDraft(app_id=1, name="x", format="email", variants=(Variant("A", 1.0, {}),)),
        CampaignDraft(
            app_id=1,
            name="x",
            format="email",
            variants=(Variant("A", 1.0, {"subject": "S", "from": "news@", "reply_to": "x"}),),
        ),
        CampaignDraft(app_id=1, name="x", format="in_app", variants=(Variant("A", 1.0, inapp),)),
        CampaignDraft(
            app_id=1,
            name="x",
            format="in_app",
            variants=(Variant("A", 1.0, {"close_button": False}),),
        ),
        CampaignDraft(
            app_id=1,
            name="x",
            format="in_app",
            variants=(
                Variant("A", 1.0, {"body": "b", "trigger": "later", "expires_at": "demain"}),
                Variant("B", 1.0, {"body": "b", "trigger": "event", "trigger_event": ""}),
                Variant("C", 1.0, {"body": "b", "expires_at": "2020-01-01T00:00:00+01:00"}),
            ),
        ),
        CampaignDraft(
            app_id=1,
            name="x",
            format="rich_push",
            variants=(
                Variant("A", 1.0, {"title": "t", "page_url": "http://a.fr", "inbox_days": 0}),
                Variant("B", 1.0, {"title": "t", "html": "<p>" + "é" * 3000 + "</p>"}),
                Variant("C", 1.0, {"title": "t"}),
            ),
        ),
    ]


SENT_AT = datetime(2027, 1, 1, tzinfo=UTC)  # after the expiry in _issue_drafts


def test_every_content_issue_is_worded_in_french_with_its_arguments(french: None) -> None:
    seen: set[str] = set()
    uneven = CampaignForm(1, "x")
    uneven.add_variant()
    uneven.write(SHARE_KEY, 80.0)  # A 80 % + B 50 %: the composer's own check
    for draft in _issue_drafts():
        found = validate_draft(draft) + expired_before(draft, SENT_AT)
        for field, message in found + uneven.share_issues():
            code, args = code_of(message)
            assert code, f"{field}: {message!r} has no code"
            seen.add(code)
            text = issue_text(message)
            assert text != str(message), (code, text)
            for arg in args:
                assert arg in text, (code, arg, text)
            line = issue_line(field, message)
            assert line.endswith(" : " + text)
            assert not line.startswith(field)  # the field in words, not core's path
    assert seen == set(_issue_templates())


def test_template_issues_block_the_draft_and_read_in_french(french: None) -> None:
    draft = CampaignDraft(
        app_id=1,
        name="x",
        format="email",
        variants=(Variant("A", 1.0, {"subject": "Bonjour", "html": "<p>\n{% if x %}</p>"}),),
    )
    [(field, message)] = validate_draft(draft)
    assert field == "A.html"
    assert issue_line(field, message) == (
        "variante A, HTML : Erreur de modèle, ligne 2, colonne 15 : {% endif %} manque avant la "
        "fin du texte"
    )
    other = CodedText("Template error, line 1, column 2: odd", "template_other", "1", "2", "odd")
    assert issue_text(other) == "Erreur de modèle, ligne 1, colonne 2 : odd"
    later = CodedText("Template error, line 1, column 2: new", "template_new_case", "1", "2")
    assert issue_text(later) == "Template error, line 1, column 2: new"


def test_composer_shows_template_errors_and_issues_in_french(
    french: None, qtbot: QtBot, marketer_context: UiContext, shots: Path
) -> None:
    from engage_desktop.ui.composer.window import ComposerWindow

    window = ComposerWindow(marketer_context, None)
    qtbot.addWidget(window)
    window.resize(1400, 950)
    window.show()
    window.widgets["content.title"].setFocus()
    qtbot.keyClicks(window.widgets["content.title"], "Bonjour {{ first_name | upcasee }}")
    window.widgets["content.image_url"].setFocus()
    qtbot.keyClicks(window.widgets["content.image_url"], "http://exemple.fr/a.png")
    qtbot.waitUntil(lambda: "upcasee" in window.template_note.text())
    note = window.template_note.text()
    assert (
        "Erreur de modèle dans le champ titre, ligne 1, colonne 25 : filtre « upcasee » inconnu"
        in note
    )
    lines = [window.issue_list.item(i).text() for i in range(window.issue_list.count())]
    assert (
        "variante A, image : L’image doit être une adresse https:// "
        "(reçu « http://exemple.fr/a.png »)." in lines
    )
    assert window.widgets["content.image_url"].toolTip().startswith("L’image doit être")
    title_tip = window.widgets["content.title"].toolTip()
    assert title_tip == (
        "Erreur de modèle, ligne 1, colonne 25 : filtre « upcasee » inconnu"
    )  # the field itself is marked, and scheduling waits until it is fixed
    assert not window.schedule_button.isEnabled()
    window.grab().save(str(shots / "composer_template_error_fr.png"))
