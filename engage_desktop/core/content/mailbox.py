"""An email's From and Reply-To as the author writes them: ``Display name <address>``.

Checked with the standard library's RFC 5322 header parser, so what passes is what an SMTP
server and a mail client read the same way: one mailbox, no defect (a missing ``@``, an address
with a space, a folded line that would smuggle another header), a domain with a dot. From wants
a display name (recipients see it in their list before the address); Reply-To may be a bare
address. Empty means "the app's SMTP account's" (``channel_account.settings``).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.headerregistry import Address, HeaderRegistry

from engage_desktop.core.messages import CodedText

_REGISTRY = HeaderRegistry()
EXAMPLE = "Maison Lumière <news@maison-lumiere.fr>"


@dataclass(frozen=True, slots=True)
class Mailbox:
    display_name: str
    address: str

    def __str__(self) -> str:
        return str(Address(display_name=self.display_name, addr_spec=self.address))


class MailboxError(ValueError):
    """Why a text is not one mailbox; ``text`` is the coded message to show."""

    def __init__(self, text: CodedText) -> None:
        super().__init__(str(text))
        self.text = text


def parse_mailbox(field: str, raw: str, *, name_required: bool = False) -> Mailbox:
    """One mailbox out of ``raw``; raises ``MailboxError`` naming ``field`` otherwise."""
    text = raw.strip()
    shown = text[:80]
    if "\r" in text or "\n" in text:
        raise _error(field, shown, "on one line")
    try:
        header = _REGISTRY("reply-to", text)  # an address-list header: one is counted below
    except (ValueError, IndexError):
        raise _error(field, shown, "a display name and an address") from None
    addresses = header.addresses  # type: ignore[attr-defined]
    if header.defects or len(addresses) != 1:
        raise _error(field, shown, "one display name and one address")
    found = addresses[0]
    if not found.username or "." not in found.domain or " " in found.addr_spec:
        raise _error(field, shown, "an address such as news@maison-lumiere.fr")
    if name_required and not found.display_name.strip():
        raise _error(field, shown, "a display name before the address")
    return Mailbox(found.display_name.strip(), found.addr_spec)


def _error(field: str, shown: str, wanted: str) -> MailboxError:
    text = f"“{shown}” is not {wanted} (write it like {EXAMPLE})."
    return MailboxError(CodedText(text, "bad_mailbox", shown, EXAMPLE))  # the issue names field


def sender_issues(content_from: str, content_reply_to: str) -> list[tuple[str, str]]:
    """The email content's ``from`` and ``reply_to`` problems, by field (empty is fine)."""
    issues: list[tuple[str, str]] = []
    for field, raw, name_required in (
        ("from", content_from, True),
        ("reply_to", content_reply_to, False),
    ):
        if raw.strip():
            try:
                parse_mailbox(field, raw, name_required=name_required)
            except MailboxError as exc:
                issues.append((field, exc.text))
    return issues
