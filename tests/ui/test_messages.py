"""Core's coded messages appear in French in the French GUI, arguments included (workspace
refusals and the dispatch service's pause reasons too); unknown codes fall back to core's
English text."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from engage_desktop.core.campaigns.form import SHARE_KEY, CampaignForm
from engage_desktop.core.campaigns.model import CampaignDraft, Variant, validate_draft
from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.messages import CodedText, code_of
from engage_desktop.core.outbox.pause_reasons import PAUSE_REASONS
from engage_desktop.core.templating import render_text
from engage_desktop.core.templating.render import _CASES
from engage_desktop.core.workspace import Workspace, open_for_current_user
from engage_desktop.store.errors import WorkspaceError
from engage_desktop.store.location import resolve_workspace
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import (
    _issue_templates,
    _pause_templates,
    _template_templates,
    campaign_error_text,
    field_label,
    issue_line,
    issue_text,
    template_error_text,
    workspace_error_text,
)
from tests.support.apps import add_app

TEMPLATE_CASES = [
    ("Bonjour {{ first_name", "unclosed", "« }} » manque"),
    ("ligne 1\n{{ x | nofilter }}", "unknown_filter", "filtre « nofilter » inconnu"),
    ("{% if x %}\nabc", "missing_end_tag", "{% endif %} manque"),
    ("{% foo %}", "unexpected_tag", "balise « foo » inattendue"),
    ("{% if x", "unclosed_tag", "« %} » manque"),
    ("{% if %}x{% endif %}", "missing_expression", "il manque une valeur"),
    ("{{ x[ }}", "bad_path", "nom de variable est incomplet"),
    ("{{ x ] }}", "unexpected_text", "« ] » inattendu"),
    ("{{ a b }}", "extra_text", "des mots en trop"),
    ("{{ 'a' | append }}", "filter_arguments", "pour le filtre « append »"),
    ("{{ x | truncate: 'a' }}", "filter_integer", "le filtre « truncate » attend"),
    ("{{ 1 | divided_by: 0 }}", "divide_by_zero", "division par zéro"),
    (
        "{% for a in (1..999) %}{% for b in (1..999) %}.{% endfor %}{% endfor %}",
        "too_much_work",
        "trop de travail",
    ),
]


def test_every_template_case_has_a_wording() -> None:
    assert {code for code, _ in _CASES} == set(_template_templates())
    assert {code for _, code, _ in TEMPLATE_CASES} == set(_template_templates())


@pytest.mark.parametrize(("source", "code", "french_part"), TEMPLATE_CASES)
def test_template_errors_in_french_say_field_line_and_column(
    french: None, source: str, code: str, french_part: str
) -> None:
    error = render_text(source, {"x": 1}).error
    assert error is not None and error.code == code
    text = template_error_text("title", error)
    where = f"Erreur de modèle dans le champ titre, ligne {error.line}, colonne {error.column} : "
    assert text.startswith(where), text
    assert french_part in text
    assert error.message not in text  # python-liquid's English is not shown in French


def test_template_errors_in_english_keep_the_same_facts(qapp: object) -> None:
    error = render_text("a\n{{ x | nofilter }}", {}).error
    assert error is not None
    assert template_error_text("body", error) == (
        "Template error in body, line 2, column 8: unknown filter “nofilter”"
    )


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


def test_every_content_issue_is_worded_in_french_with_its_arguments(french: None) -> None:
    seen: set[str] = set()
    uneven = CampaignForm(1, "x")
    uneven.add_variant()
    uneven.write(SHARE_KEY, 80.0)  # A 80 % + B 50 %: the composer's own check
    for draft in _issue_drafts():
        for field, message in validate_draft(draft) + uneven.share_issues():
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


def test_field_paths_in_french(french: None) -> None:
    assert field_label("A.body") == "variante A, corps"
    assert field_label("B.actions[1]") == "variante B, bouton 2"
    assert field_label("A.data.promo") == "variante A, donnée personnalisée « promo »"
    assert field_label("name") == "nom de la campagne"
    assert field_label("A.something_new") == "variante A, something_new"


def test_campaign_refusals_in_french(french: None) -> None:
    from engage_desktop.core.campaigns.model import CampaignInputError

    edited = CampaignInputError("status", "a completed campaign…", "not_editable", "completed")
    assert (
        campaign_error_text(edited)
        == "Cette campagne est envoyée : elle ne peut plus être modifiée."
    )
    scheduled = CampaignInputError("status", "…", "not_schedulable", "draft")
    assert campaign_error_text(scheduled) == (
        "Cette campagne est un brouillon : elle ne peut pas être programmée."
    )
    issues = CampaignInputError("A.body", "cannot schedule: …", "schedule_has_issues", "3")
    assert "3 problème(s)" in campaign_error_text(issues)


def test_unknown_codes_fall_back_to_the_english_message(french: None) -> None:
    from engage_desktop.core.campaigns.model import CampaignInputError
    from engage_desktop.core.templating import TemplateError
    from engage_desktop.ui.imports.common import failure_text

    assert issue_text(CodedText("A new rule said in English.", "rule_from_later", "x")) == (
        "A new rule said in English."
    )
    assert issue_text("A plain string") == "A plain string"
    assert campaign_error_text(CampaignInputError("f", "odd", "zzz")) == "f: odd"
    error = TemplateError("liquid says something new", 3, 2, code="", args=())
    assert template_error_text("body", error) == (
        "Erreur de modèle dans le champ corps, ligne 3, colonne 2 : liquid says something new"
    )
    unknown = ImportFailed("x.csv: a brand new failure.", "brand_new", "x.csv")
    assert "x.csv: a brand new failure." in failure_text(unknown)


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


def test_permission_refusals_in_french(
    french: None, make_workspace: Callable[..., Workspace]
) -> None:
    from engage_desktop.security.roles import Permission, PermissionDenied, require
    from engage_desktop.store.models import MemberRole, Role
    from engage_desktop.ui.messages import permission_text

    ws = make_workspace()
    app_id = add_app(ws, "A", None, project="p")  # no role on it yet
    with pytest.raises(PermissionDenied) as caught, ws.session() as session:
        require(session, ws.member_id, app_id, Permission.EDIT_AUDIENCE)
    assert str(caught.value) == (
        "You have no role on app 'A', which does not allow 'edit_audience'."
    )  # the CLI's English names the app
    assert permission_text(caught.value) == (
        "Vous n’avez aucun rôle sur l’app « A » : il ne vous est pas permis de modifier "
        "l’audience (imports, segments)."
    )
    with ws.session() as session:
        session.add(MemberRole(member_id=ws.member_id, app_id=app_id, role=Role.ANALYST))
    with pytest.raises(PermissionDenied) as caught, ws.session() as session:
        require(session, ws.member_id, app_id, Permission.MANAGE_CREDENTIALS)
    assert permission_text(caught.value) == (
        "Votre rôle sur l’app « A » (analyste) ne vous permet pas de modifier les identifiants "
        "de l’app."
    )
    assert permission_text(PermissionDenied("Old-style refusal.")) == "Old-style refusal."


def test_segment_refusals_in_french(french: None) -> None:
    from engage_desktop.core.segments import saved as segments
    from engage_desktop.ui.messages import segment_error_text

    taken = segments.SegmentError("a segment named 'Gold' already exists", "name_taken", "Gold")
    assert segment_error_text(taken) == "Un segment nommé « Gold » existe déjà dans cette app."
    used = segments.SegmentError("…", "in_use", "Gold", "VIP, Lyon")
    assert segment_error_text(used) == (
        "Le segment « Gold » est utilisé par VIP, Lyon : modifiez-les d’abord."
    )
    assert segment_error_text(segments.SegmentError("english only", "zzz")) == "english only"


def test_missing_campaign_and_edit_refusal_in_french(french: None) -> None:
    from engage_desktop.core.campaigns.edit import CampaignNotFound
    from engage_desktop.security.errors import PermissionDenied
    from engage_desktop.ui.sending.errors import user_message

    gone = CampaignNotFound("No campaign with id 7.", "campaign_not_found", "7")
    assert campaign_error_text(gone) == "Cette campagne n’existe plus (supprimée entre-temps ?)."
    editing = PermissionDenied("…", "analyst", "edit_campaigns")
    assert user_message(editing) == (
        "Votre rôle sur cette app (analyste) ne vous permet pas de modifier les campagnes."
    )
    sending = PermissionDenied("…", "analyst", "send_campaigns")
    assert user_message(sending).startswith("Votre rôle sur cette app ne permet pas d")


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


def _refusal(path: Path | str) -> WorkspaceError:
    with pytest.raises(WorkspaceError) as caught:
        open_for_current_user(resolve_workspace(str(path)))
    return caught.value


def test_each_workspace_refusal_reads_in_french(
    french: None, tmp_path: Path, make_workspace: Callable[..., Workspace]
) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("liste de courses\n")
    other = tmp_path / "firefox.sqlite"
    with closing(sqlite3.connect(other)) as conn, conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY)")
    broken = tmp_path / "broken.sqlite"
    with closing(sqlite3.connect(broken)) as conn, conn:
        conn.execute("CREATE TABLE t (x)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    data = bytearray(broken.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    broken.write_bytes(bytes(data))
    ws = make_workspace()
    newer = ws.location.sqlite_path
    assert newer is not None
    ws.close()
    with closing(sqlite3.connect(newer)) as conn, conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("UPDATE alembic_version SET version_num = '9999_du_futur'")
    sock = tmp_path / "socket.sqlite"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))

    expected = {
        tmp_path / "absent.sqlite": f"Il n’y a pas d’espace de travail à {tmp_path}/absent.sqlite.",
        tmp_path: f"{tmp_path} est un dossier, pas un fichier d’espace de travail.",
        text_file: f"{text_file} n’est pas un espace de travail Engage Desktop",
        other: f"{other} appartient à une autre application",
        broken: f"{broken} est abîmé ou n’est pas un espace de travail (",
        newer: f"L’espace de travail {newer} a été écrit par une version plus récente "
        "d’Engage Desktop (schéma 9999_du_futur).",
    }
    try:
        for path, french_start in expected.items():
            exc = _refusal(path)
            assert exc.code, str(exc)
            assert workspace_error_text(exc).startswith(french_start), workspace_error_text(exc)
        unreadable = _refusal(sock)
    finally:
        server.close()
    assert unreadable.code in ("unreadable", "no_access")
    assert workspace_error_text(unreadable).startswith(
        (f"{sock} ne peut pas être lu", f"Le fichier d’espace de travail {sock}")
    )


def test_cases_hard_to_provoke_and_unknown_codes(french: None) -> None:
    unreachable = WorkspaceError("…", "unreachable", "postgresql://db/engage", "timeout expired")
    assert workspace_error_text(unreachable) == (
        "La base de l’espace de travail postgresql://db/engage est injoignable : timeout expired"
    )
    failed = WorkspaceError("…", "update_failed", "/w.sqlite", "disk I/O error")
    assert workspace_error_text(failed) == (
        "L’espace de travail /w.sqlite n’a pas pu être mis à jour : disk I/O error"
    )
    assert workspace_error_text(WorkspaceError("The demo needs at least 10 users.")) == (
        "The demo needs at least 10 users."
    )  # a sentence without a code yet: core's English rather than nothing


PAUSE_REASONS_FR = {
    "fcm_unreachable": (
        ("127.0.0.1:8765", "20", "Connection refused"),
        "FCM est injoignable à l’adresse 127.0.0.1:8765 depuis 20 s (Connection refused). "
        "L’envoi est en pause et reprendra de lui-même dès que FCM répondra ; vérifiez "
        "l’adresse FCM dans les réglages et le réseau.",
    ),
    "fcm_unavailable": (
        ("UNAVAILABLE", "21"),
        "FCM ne renvoie que des erreurs depuis 21 s (UNAVAILABLE). L’envoi est en pause et "
        "reprendra de lui-même dès que FCM répondra de nouveau.",
    ),
    "fcm_quota": (
        ("QUOTA_EXCEEDED", "30"),
        "FCM refuse les messages du projet pour dépassement de quota depuis 30 s "
        "(QUOTA_EXCEEDED). L’envoi est en pause et reprendra de lui-même dès que FCM les "
        "acceptera de nouveau.",
    ),
    "token_unavailable": (
        ("Maison Lumière", "maison-lumiere", "https://oauth2.googleapis.com/token", "HTTP 503"),
        "Le serveur de jetons de l’application « Maison Lumière » (projet maison-lumiere) à "
        "l’adresse https://oauth2.googleapis.com/token ne délivre aucun jeton d’accès (HTTP 503). "
        "L’envoi est en pause et reprendra de lui-même dès qu’il en délivrera de nouveau.",
    ),
    "project_refused": (
        ("Maison Lumière", "maison-lumiere", "THIRD_PARTY_AUTH_ERROR", "APNs auth error"),
        "FCM refuse tous les messages de l’app « Maison Lumière » (projet maison-lumiere) : "
        "THIRD_PARTY_AUTH_ERROR — APNs auth error. L’envoi est en pause et les jetons des "
        "appareils sont conservés : corrigez la configuration du projet (compte de service, "
        "expéditeur, clé APNs), puis reprenez l’envoi.",
    ),
    "message_refused": (
        ("INVALID_ARGUMENT", "Invalid value at 'message.data[0].value'"),
        "FCM refuse le message de cette campagne : INVALID_ARGUMENT — Invalid value at "
        "'message.data[0].value'. L’envoi est en pause : corrigez le contenu, puis reprenez "
        "l’envoi.",
    ),
    "provider_refused": (
        ("twilio", "3", "Authenticate"),
        "Le fournisseur twilio refuse le compte de l’app 3 : Authenticate. Ses campagnes sur ce "
        "canal sont en pause : corrigez le compte avec « engage-desktop credentials set », puis "
        "reprenez.",
    ),
    "provider_missing": (
        ("smtp", "3"),
        "L’app 3 n’a pas de compte smtp utilisable sur cette machine. Ses campagnes sur ce canal "
        "sont en pause : donnez-le avec « engage-desktop credentials set » ici, puis reprenez.",
    ),
}


@pytest.mark.parametrize("code", sorted(PAUSE_REASONS.templates))
def test_every_pause_reason_is_worded_in_french(french: None, code: str) -> None:
    from engage_desktop.ui.sending.errors import reason_text

    args, expected = PAUSE_REASONS_FR[code]
    assert reason_text(PAUSE_REASONS.english(code, *args)) == expected


def test_every_pause_reason_has_a_gui_template(qapp: object) -> None:
    assert set(_pause_templates()) == set(PAUSE_REASONS.templates)


def test_a_scheduled_send_waiting_for_approval_is_said_in_french(french: None) -> None:
    from engage_desktop.core.approvals.messages import APPROVAL_MESSAGES
    from engage_desktop.ui.sending.errors import reason_text

    english = APPROVAL_MESSAGES.english("needs_approval", "12", "1,163", "500")
    said = reason_text(f"Not started at its time: {english}")  # as the service stores it
    assert "Cet envoi toucherait 1,163 destinataires" in said
    assert "seuil de validation de cette application (500)" in said
