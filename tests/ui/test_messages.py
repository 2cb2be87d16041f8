"""The dispatch service's pause reasons, stored in English, are shown in French."""

from __future__ import annotations

import pytest

from engage_desktop.core.outbox.pause_reasons import PAUSE_REASONS
from engage_desktop.ui.messages import _pause_templates

FRENCH = {
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
}


@pytest.mark.parametrize("code", sorted(PAUSE_REASONS.templates))
def test_every_pause_reason_is_worded_in_french(french: None, code: str) -> None:
    from engage_desktop.ui.sending.errors import reason_text

    args, expected = FRENCH[code]
    assert reason_text(PAUSE_REASONS.english(code, *args)) == expected


def test_every_pause_reason_has_a_gui_template(qapp: object) -> None:
    assert set(_pause_templates()) == set(PAUSE_REASONS.templates)
