"""What the SMS and email providers would be handed for one recipient, as readable text.

The composer's payload tab shows, for each format, the request its provider gets: FCM's JSON
for push, Twilio's Messages resource (form fields of a ``POST``) for SMS, the MIME message with
its headers for email (built by ``content.email_message.mime_message``, as the SMTP sender
does). Texts are rendered for one profile first, like the preview. Building them here, Qt-free
and network-free, keeps the tab honest about field names and encodings.
"""

from __future__ import annotations

from collections.abc import Mapping
from email.message import EmailMessage
from typing import Any

TWILIO_MESSAGES_PATH = "/2010-04-01/Accounts/{AccountSid}/Messages.json"
_UNRESERVED = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"
)  # what ``application/x-www-form-urlencoded`` leaves as it is (urllib is off limits in core)


def twilio_request(body: str, *, to: str, sender: str) -> str:
    """The ``POST`` Twilio's Messages resource receives for one SMS: its form fields (``To``,
    ``From``, ``Body``) one per line, then the url-encoded body exactly as sent."""
    fields = [("To", to), ("From", sender), ("Body", body)]
    lines = [
        f"POST {TWILIO_MESSAGES_PATH}",
        "Content-Type: application/x-www-form-urlencoded",
        "",
        *(f"{name}={value}" for name, value in fields),
        "",
        "&".join(f"{_form_encode(name)}={_form_encode(value)}" for name, value in fields),
    ]
    return "\n".join(lines)


def email_text(message: EmailMessage) -> str:
    """The message as it goes on the wire (CRLF shown as plain line ends)."""
    return message.as_bytes().decode("utf-8").replace("\r\n", "\n")


def recipient_of(context: Mapping[str, Any], name: str, fallback: str) -> str:
    """The profile's address (``phone`` / ``email``), or ``fallback`` when it has none."""
    value = context.get(name)
    return str(value) if value else fallback


def _form_encode(text: str) -> str:
    """One form field as browsers and HTTP clients encode it: UTF-8, space as ``+``."""
    return "".join(
        chr(b) if b in _UNRESERVED else "+" if b == 0x20 else f"%{b:02X}" for b in text.encode()
    )
