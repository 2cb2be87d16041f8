"""From / Reply-To as the author writes them: one RFC 5322 mailbox, refused by field."""

from __future__ import annotations

import pytest

from engage_desktop.core.campaigns.model import variant_issues
from engage_desktop.core.content.mailbox import MailboxError, parse_mailbox
from engage_desktop.core.messages import code_of


def test_a_display_name_and_an_address_are_read_as_written() -> None:
    found = parse_mailbox("from", "Maison Lumière <news@maison-lumiere.fr>")
    assert (found.display_name, found.address) == ("Maison Lumière", "news@maison-lumiere.fr")
    quoted = parse_mailbox("from", '"Lumière, Maison" <n@ml.fr>', name_required=True)
    assert quoted.display_name == "Lumière, Maison"
    assert parse_mailbox("reply_to", "aide@ml.fr").address == "aide@ml.fr"


@pytest.mark.parametrize(
    "text",
    [
        "Maison Lumière",  # no address
        "Maison <news>",  # no domain
        "Maison <news@localhost>",  # no dot in the domain
        "a@ml.fr, b@ml.fr",  # two mailboxes
        "Maison <a b@ml.fr>",  # a space in the address
        "news@ml.fr\r\nBcc: everyone@ml.fr",  # a second header smuggled in
        "news@ml.fr",  # From wants a display name
    ],
)
def test_anything_else_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(MailboxError) as caught:
        parse_mailbox("from", text, name_required=True)
    code, args = code_of(caught.value.text)
    assert code == "bad_mailbox" and args[0] == text.strip()[:80]


def test_the_email_content_check_names_from_and_reply_to() -> None:
    content = {"subject": "Soldes", "from": "news@ml.fr", "reply_to": "aide"}
    fields = [field for field, _ in variant_issues("email", content)]
    assert fields == ["from", "reply_to"]
    content = {"subject": "Soldes", "from": "ML <news@ml.fr>", "reply_to": ""}
    assert variant_issues("email", content) == []  # empty Reply-To: the account's, or none
