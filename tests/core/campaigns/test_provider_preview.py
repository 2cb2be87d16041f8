"""The SMS and email requests the payload tab shows read back as their providers read them."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from urllib.parse import parse_qsl, urlencode

from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.campaigns.provider_preview import (
    email_message,
    email_text,
    html_to_text,
    recipient_of,
    twilio_request,
)


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


def test_mime_message_parses_back_with_both_parts_and_no_script() -> None:
    built = email_message(
        "Soldes d'été",
        "Jusqu'à -50 %",
        "<p>Bonjour <b>Zoé</b></p><script>steal()</script><p>À bientôt</p>",
        to="zoe@example.fr",
        sender="{From}",
    )
    parsed = message_from_bytes(built.as_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    assert parsed["Subject"] == "Soldes d'été" and parsed["To"] == "zoe@example.fr"
    plain = parsed.get_body(("plain",))
    html = parsed.get_body(("html",))
    assert plain is not None and html is not None
    assert plain.get_content().split() == ["Bonjour", "Zoé", "À", "bientôt"]
    assert "Jusqu'à -50 %" in html.get_content() and "steal" not in html.get_content()
    assert "Content-Transfer-Encoding: 8bit" in email_text(built)  # readable, not base64


def test_html_to_text_and_recipient_fallback() -> None:
    assert html_to_text("<h1>Titre</h1>A &amp; B<br>C") == "Titre\nA & B\nC"
    assert recipient_of({"email": ""}, "email", "{To}") == "{To}"
    assert recipient_of({"phone": "+33612345678"}, "phone", "{To}") == "+33612345678"


@given(st.text())
def test_form_encoding_matches_urllib(text: str) -> None:
    """Core may not import urllib: its own form encoder must agree with it on any text."""
    request = twilio_request(text, to="+33612345678", sender="S")
    expected = urlencode([("To", "+33612345678"), ("From", "S"), ("Body", text)])
    assert request.splitlines()[-1] == expected
