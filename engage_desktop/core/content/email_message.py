"""The email one recipient gets: subject, preheader, HTML and its text part, rendered.

Liquid output is HTML-escaped in the HTML (a profile attribute holding ``<script>`` arrives as
text). The text part is the author's when written, else derived from the HTML (block elements
become line breaks, a link keeps its address in brackets) so every mail has both parts. The
preheader, the line mail clients show after the subject, is a hidden first element of the body.
From and Reply-To are the author's when written (``mailbox`` checks them), else the app's SMTP
account's; ``mime_message`` is the one builder of the MIME message, for the SMTP sender, the
sandbox's mailbox and the composer's payload tab.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage as MimeMessage
from html import escape
from html.parser import HTMLParser
from typing import Any

from engage_desktop.core.templating import render_html, render_text

from .fcm import Issue, RenderFailed, template_issue_text

_BLOCKS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "table", "section"})
_SKIPPED = frozenset({"style", "script", "head", "title"})


@dataclass(frozen=True, slots=True)
class EmailParts:
    """One recipient's email; ``sender`` / ``reply_to`` empty: the SMTP account's."""

    subject: str
    preheader: str
    html: str
    text: str
    sender: str = ""
    reply_to: str = ""


@dataclass(frozen=True, slots=True)
class Envelope:
    """Who the message is from and to, and the extra headers (List-Unsubscribe…)."""

    to: str
    sender: str
    reply_to: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)


def mime_message(parts: EmailParts, envelope: Envelope) -> MimeMessage:
    """The MIME message: the text part first, the HTML as its alternative (clients show the
    last part they can), then the headers as written."""
    mime = MimeMessage()
    mime["From"] = envelope.sender
    mime["To"] = envelope.to
    mime["Subject"] = parts.subject
    if envelope.reply_to:
        mime["Reply-To"] = envelope.reply_to
    for name, value in envelope.headers.items():
        mime[name] = value
    # Quoted-printable: any server takes it, and French text stays readable in the payload tab.
    mime.set_content(parts.text or " ", cte="quoted-printable")
    mime.add_alternative(parts.html, subtype="html", cte="quoted-printable")
    return mime


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip = 0
        self._href: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
        if tag == "a":
            self._href.append(dict(attrs).get("href") or "")
        if tag == "li":
            self.out.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.out.append("\n")
        if tag == "a" and self._href:
            href = self._href.pop()
            if href.startswith(("http://", "https://", "mailto:")):
                self.out.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """A readable text part from the HTML part."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    lines = (line.strip() for line in "".join(parser.out).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _render(name: str, source: str, context: Mapping[str, Any], html: bool = False) -> str:
    result = render_html(source, context) if html else render_text(source, context)
    if result.error is not None:
        raise RenderFailed(Issue(name, template_issue_text(result.error)))
    return result.text


def email_parts(content: Mapping[str, Any], context: Mapping[str, Any]) -> EmailParts:
    """The parts for one recipient; raises ``RenderFailed`` naming the field whose template
    fails for them."""
    subject = _render("subject", str(content.get("subject") or ""), context)
    preheader = _render("preheader", str(content.get("preheader") or ""), context)
    html = _render("html", str(content.get("html") or ""), context, html=True)
    written = str(content.get("text") or "")
    text = _render("text", written, context) if written.strip() else html_to_text(html)
    if preheader:
        hidden = (
            '<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">'
            f"{escape(preheader)}</div>"
        )
        html = hidden + html
    return EmailParts(
        subject.replace("\n", " ").strip(),
        preheader,
        html,
        text,
        sender=str(content.get("from") or "").strip(),
        reply_to=str(content.get("reply_to") or "").strip(),
    )
