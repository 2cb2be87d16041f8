"""The SMS one person gets: rendered, STOP mention owed to marketing texts, segments counted."""

from __future__ import annotations

import pytest

from engage_desktop.core.content.fcm import RenderFailed
from engage_desktop.core.content.sms_message import is_e164, sms_text

STOP = "STOP au 36111"


def test_marketing_sms_gets_the_stop_mention_and_it_counts_in_the_segments() -> None:
    text = sms_text(
        {"body": "Bonjour {{ first_name }}, -20 %"},
        {"first_name": "Léa"},
        marketing=True,
        stop_mention=STOP,
    )
    assert text.text == "Bonjour Léa, -20 %\nSTOP au 36111"
    assert text.count.units == len(text.text) and text.count.segments == 1


def test_no_second_mention_and_none_for_transactional_texts() -> None:
    again = sms_text({"body": "Promo. STOP au 36111"}, {}, marketing=True, stop_mention=STOP)
    assert again.text.count("STOP") == 1
    sent = sms_text({"body": "Code 1234"}, {}, marketing=False, stop_mention=STOP)
    assert sent.text == "Code 1234"


def test_a_template_failing_for_this_person_is_never_sent_raw() -> None:
    with pytest.raises(RenderFailed):
        sms_text({"body": "{{ 1 | divided_by: 0 }}"}, {}, marketing=True, stop_mention=STOP)


def test_numbers_must_be_e164() -> None:
    assert is_e164("+33612345678")
    assert not is_e164("0612345678") and not is_e164("+33 6 12") and not is_e164(None)
