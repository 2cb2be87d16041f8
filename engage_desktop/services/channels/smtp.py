"""Email through SMTP (aiosmtplib): STARTTLS, AUTH, one connection per app kept open.

A recipient refused with a 5xx reply is a hard bounce (the row fails and the address's email
consent is withdrawn with the bounce as its cause); 4xx is a soft refusal, tried again later.
A refused login or sender is the account's problem: the app's campaigns pause. A connection
that fails or drops is retried like an outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from collections.abc import Mapping, Sequence
from email.message import EmailMessage as MimeMessage
from email.utils import make_msgid, parseaddr

import aiosmtplib

from engage_desktop.core.content.email_message import EmailParts, Envelope
from engage_desktop.core.content.email_message import mime_message as build_mime
from engage_desktop.core.credentials.provider_testing import PROVIDER_TEST_MESSAGES as WORDS
from engage_desktop.core.messages import CodedText
from engage_desktop.services.channels.base import ChannelResult, EmailMessage, Kind


def mime_message(mail: EmailMessage, from_address: str, reply_to: str) -> MimeMessage:
    """The MIME message (core's builder): the campaign's From and Reply-To when it has them,
    else the account's (``from_address``, ``reply_to``), and a Message-ID on the From's
    domain."""
    sender = mail.sender or from_address
    parts = EmailParts(mail.subject, "", mail.html, mail.text)
    envelope = Envelope(mail.to, sender, mail.reply_to or reply_to, mail.headers)
    mime = build_mime(parts, envelope)
    mime["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or None)
    return mime


def _address_of(mailbox: str) -> str:
    """The address of ``Name <address>`` (the SMTP envelope carries the address only)."""
    return parseaddr(mailbox)[1] or mailbox


def _refused(code: int, text: str) -> ChannelResult:
    name, words = f"SMTP_{code}", text[:500]
    if 400 <= code < 500:
        return ChannelResult(Kind.RETRY, code=name, message=words, status=code)
    return ChannelResult(
        Kind.RECIPIENT, code=name, message=words, status=code, refusal=f"bounce:{code}"
    )


class SmtpSender:
    """Sends an app's email through one SMTP account (``ChannelSender[EmailMessage]``)."""

    def __init__(
        self,
        settings: Mapping[str, object],
        password: str,
        *,
        tls_context: ssl.SSLContext | None = None,
        timeout: float = 30.0,
    ) -> None:
        self._host, self._port = str(settings["host"]), int(str(settings["port"]))
        self._user, self._password = str(settings["user"]), password
        self._from = str(settings["from_address"])
        self._envelope_from = _address_of(self._from)
        self._reply_to = str(settings.get("reply_to") or "")
        self._starttls = str(settings.get("starttls", "true")).lower() != "false"
        self._tls = tls_context or ssl.create_default_context()
        self._timeout = timeout
        self._smtp: aiosmtplib.SMTP | None = None
        self._lock = asyncio.Lock()  # one conversation at a time on the connection

    async def connect(self) -> aiosmtplib.SMTP:
        """Connect, EHLO, STARTTLS (required unless the settings say ``starttls: false``), AUTH."""
        smtp = aiosmtplib.SMTP(
            hostname=self._host,
            port=self._port,
            start_tls=self._starttls,
            tls_context=self._tls,
            timeout=self._timeout,
        )
        await smtp.connect()
        await smtp.login(self._user, self._password)
        return smtp

    async def send(self, batch: Sequence[EmailMessage]) -> list[ChannelResult]:
        async with self._lock:
            return [await self._send_one(mail) for mail in batch]

    async def _send_one(self, mail: EmailMessage) -> ChannelResult:
        try:
            if self._smtp is None or not self._smtp.is_connected:
                self._smtp = await self.connect()
            errors, reply = await self._smtp.send_message(
                mime_message(mail, self._from, self._reply_to),
                sender=self._envelope_from,  # bounces come back to the account, whatever From
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            first = exc.recipients[0]
            return _refused(first.code, first.message)
        except (aiosmtplib.SMTPAuthenticationError, aiosmtplib.SMTPSenderRefused) as exc:
            await self._drop()
            text = f"The SMTP server refused the account: {exc.code} {exc.message}"[:500]
            return ChannelResult(Kind.PROVIDER, code=f"SMTP_{exc.code}", message=text)
        except aiosmtplib.SMTPResponseException as exc:
            await self._drop()
            return _refused(exc.code, exc.message)
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            await self._drop()
            return ChannelResult(Kind.RETRY, code="SMTP_UNREACHABLE", message=type(exc).__name__)
        if errors:
            code, text = next(iter(errors.values()))
            return _refused(code, text)
        return ChannelResult(Kind.DELIVERED, provider_id=reply[:300], status=250)

    async def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()

    async def close(self) -> None:
        if self._smtp is not None and self._smtp.is_connected:
            with contextlib.suppress(aiosmtplib.SMTPException, OSError):
                await self._smtp.quit()
        await self._drop()


async def check_account(
    settings: Mapping[str, object], password: str, tls_context: ssl.SSLContext | None = None
) -> tuple[bool, CodedText]:
    """``credentials test``: connect, EHLO, STARTTLS, AUTH, QUIT. (passed, what happened,
    coded so the GUI words it in the user's language)."""
    host, port, user = str(settings["host"]), str(settings["port"]), str(settings["user"])
    sender = SmtpSender(settings, password, tls_context=tls_context, timeout=20)
    try:
        smtp = await sender.connect()
        await smtp.quit()
    except aiosmtplib.SMTPAuthenticationError as exc:
        said = exc.message[:200]
        return False, WORDS.text("smtp_login_refused", host, user, str(exc.code), said)
    except aiosmtplib.SMTPResponseException as exc:
        return False, WORDS.text("smtp_refused", host, str(exc.code), exc.message[:200])
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        return False, WORDS.text("smtp_unreachable", host, port, type(exc).__name__)
    return True, WORDS.text("smtp_passed", host, port, user)
