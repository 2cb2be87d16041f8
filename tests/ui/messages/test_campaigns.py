"""Campaign refusals and the service's pause reasons in French (stored reasons too)."""

from __future__ import annotations

import pytest

from engage_desktop.core.outbox.pause_reasons import PAUSE_REASONS
from engage_desktop.ui.messages import (
    campaign_error_text,
)
from engage_desktop.ui.messages.campaigns import _pause_templates


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
    assert "programmée : 3 problèmes à corriger" in campaign_error_text(issues)  # a Qt plural
    one = CampaignInputError("A.body", "cannot schedule: …", "schedule_has_issues", "1")
    assert "programmée : 1 problème à corriger" in campaign_error_text(one)


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
