"""A real SMTP server on loopback (aiosmtpd): STARTTLS with the test CA, required AUTH, and
recipients it refuses permanently (550) or for now (450). Mail it accepts is kept, parsed."""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from .net import free_port
from .tls import TestCA


@dataclass
class MailServer:
    """What the server was told and what it answers."""

    user: str
    password: str
    hard: set[str] = field(default_factory=set)  # answered 550
    soft: set[str] = field(default_factory=set)  # answered 450 once
    received: list[EmailMessage] = field(default_factory=list)
    mail_from: list[str] = field(default_factory=list)  # each received message's envelope sender
    logins: int = 0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address in self.hard:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if address in self.soft:
            self.soft.discard(address)
            return "450 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(parsed)
        self.mail_from.append(str(envelope.mail_from))
        return f"250 2.0.0 Ok: queued as Q{len(self.received)}"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login.decode(), data.password.decode()) == (
            self.user,
            self.password,
        )
        self.logins += ok
        return AuthResult(success=ok, handled=False)


def start_mail_server(ca: TestCA, box: MailServer) -> Controller:
    """Listening on 127.0.0.1 (``controller.port``); STARTTLS and AUTH required."""
    controller = Controller(
        box,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=ca.server_context(),
        require_starttls=True,
        auth_required=True,
        authenticator=box.authenticate,
        server_hostname="localhost",
    )
    controller.start()
    return controller
