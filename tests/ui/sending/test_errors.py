"""Pause reasons about the content, stored in English by the service, said in French."""

from __future__ import annotations

from engage_desktop.core.outbox.content_gate import CONTENT_MESSAGES
from engage_desktop.ui.sending.errors import reason_text


def test_a_campaign_paused_at_its_time_for_its_content_is_explained_in_french(
    french: None,
) -> None:
    stored = CONTENT_MESSAGES.english(
        "invalid_at_its_time", "A.image_url", "The image must be an https:// address.", "1"
    )
    assert reason_text(stored) == (
        "Mise en pause à l’heure prévue, rien n’a été envoyé (1 problème en tout ; corrigez le "
        "contenu, puis envoyez-la ou programmez-la de nouveau) : variante A, image : "
        "The image must be an https:// address."
    )


def test_content_found_unsendable_mid_send_is_explained_in_french(french: None) -> None:
    stored = CONTENT_MESSAGES.english("unsendable", "image_url: … (1 problem(s) in all)")
    assert reason_text(stored) == (
        "En pause, rien de plus n’a été envoyé. Le contenu ne peut pas être envoyé : "
        "image_url: … (1 problem(s) in all)"
    )


def test_english_is_worded_with_its_plural(qapp: object) -> None:
    stored = CONTENT_MESSAGES.english("invalid_at_its_time", "A.body", "Write a title.", "3")
    assert reason_text(stored) == (  # the English catalogue turns "problem(s)" into its plural
        "Paused at its scheduled time, nothing was sent (3 problems in all; fix the content, "
        "then send or schedule it again): variant A, body: Write a title."
    )
