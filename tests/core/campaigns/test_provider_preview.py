"""The SMS and email requests the payload tab shows read back as their providers read them."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from urllib.parse import parse_qsl, urlencode

from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.campaigns.provider_preview import (
    email_text,
    recipient_of,
    twilio_request,
)
from engage_desktop.core.content.email_message import Envelope, email_parts, mime_message


def test_twilio_form_fields_decode_to_what_was_written() -> None:
    request = twilio_request("Soldes -50 % & € ce soir", to="+33612345678", sender="{From}")
    lines = request.splitlines()
    assert lines[0] == "POST /2010-04-01/Accounts/{AccountSid}/Messages.json"
    assert "Body=Soldes -50 % & € ce soir" in lines
    assert dict(parse_qsl(lines[-1])) == {
        "To": "+33612345678",
        "From": "{From}",
        "Body": "Soldes -50 % & € ce soir",
    }


def test_mime_message_parses_back_with_both_parts_and_the_senders_as_written() -> None:
    content = {
        "subject": "Soldes d'été",
        "preheader": "Jusqu'à -50 %",
        "html": "<p>Bonjour <b>{{ first_name }}</b></p><p>À bientôt</p>",
        "from": "Maison Lumière <news@maison-lumiere.fr>",
        "reply_to": "Service client <aide@maison-lumiere.fr>",
    }
    parts = email_parts(content, {"first_name": "Zoé"})
    built = mime_message(parts, Envelope("zoe@example.fr", parts.sender, parts.reply_to))
    parsed = message_from_bytes(built.as_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    assert parsed["Subject"] == "Soldes d'été" and parsed["To"] == "zoe@example.fr"
    assert parsed["From"] == "Maison Lumière <news@maison-lumiere.fr>"
    assert parsed["Reply-To"] == "Service client <aide@maison-lumiere.fr>"
    plain = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert plain is not None and html is not None
    assert plain.get_content().split() == ["Bonjour", "Zoé", "À", "bientôt"]
    assert "Jusqu&#x27;à -50 %" in html.get_content()  # the hidden preheader, escaped
    assert "quoted-printable" in email_text(built)  # readable, not base64


def test_recipient_fallback() -> None:
    assert recipient_of({"email": ""}, "email", "{To}") == "{To}"
    assert recipient_of({"phone": "+33612345678"}, "phone", "{To}") == "+33612345678"


@given(st.text())
def test_form_encoding_matches_urllib(text: str) -> None:
    """Core may not import urllib: its own form encoder must agree with it on any text."""
    request = twilio_request(text, to="+33612345678", sender="S")
    expected = urlencode([("To", "+33612345678"), ("From", "S"), ("Body", text)])
    assert request.splitlines()[-1] == expected
