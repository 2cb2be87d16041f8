"""The SMTP sender against aiosmtpd with STARTTLS (test CA) and AUTH required."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from engage_desktop.services.channels.base import ChannelResult, EmailMessage, Kind
from engage_desktop.services.channels.smtp import SmtpSender, check_account
from tests.support.smtp_server import MailServer, start_mail_server
from tests.support.tls import TestCA, make_test_ca

PASSWORD = "smtp-password-secret"


@pytest.fixture
def mail(tmp_path: Path) -> Iterator[tuple[MailServer, dict[str, object], TestCA]]:
    ca = make_test_ca(tmp_path)
    box = MailServer("mailer", PASSWORD, hard={"gone@example.com"}, soft={"busy@example.com"})
    controller = start_mail_server(ca, box)
    settings: dict[str, object] = {
        "host": "localhost",
        "port": controller.port,
        "user": "mailer",
        "from_address": "Maison Lumière <news@maison-lumiere.fr>",
        "reply_to": "service@maison-lumiere.fr",
    }
    yield box, settings, ca
    controller.stop()


def _mail(to: str) -> EmailMessage:
    headers = {
        "List-Unsubscribe": "<https://u.example.com/ed-1-p1.sig>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return EmailMessage(1, to, "Soldes d'hiver", "<p>Bonjour Léa</p>", "Bonjour Léa", headers)


def _send(settings: dict[str, object], password: str, ca: TestCA, to: list[str]) -> list[Kind]:
    async def run() -> list[Kind]:
        sender = SmtpSender(settings, password, tls_context=ca.client_context())
        try:
            return [r.kind for r in await sender.send([_mail(t) for t in to])]
        finally:
            await sender.close()

    return asyncio.run(run())


def test_mail_goes_out_over_starttls_with_both_parts_and_one_click_unsubscribe(
    mail: tuple[MailServer, dict[str, object], TestCA],
) -> None:
    box, settings, ca = mail
    kinds = _send(
        settings, PASSWORD, ca, ["lea@example.com", "gone@example.com", "busy@example.com"]
    )
    assert kinds == [Kind.DELIVERED, Kind.RECIPIENT, Kind.RETRY]
    assert box.logins == 1  # one connection kept for the batch
    sent = box.received[0]
    assert sent["Reply-To"] == "service@maison-lumiere.fr"
    assert sent["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent["List-Unsubscribe"] == "<https://u.example.com/ed-1-p1.sig>"
    types = [part.get_content_type() for part in sent.walk()]
    assert types == ["multipart/alternative", "text/plain", "text/html"]


def test_the_campaigns_from_and_reply_to_arrive_as_written(
    mail: tuple[MailServer, dict[str, object], TestCA],
) -> None:
    """The campaign had no From / Reply-To of its own: every mail carried the account's."""
    box, settings, ca = mail
    written = EmailMessage(
        2,
        "lea@example.com",
        "Soldes",
        "<p>Bonjour</p>",
        "Bonjour",
        sender="Les soldes Maison Lumière <soldes@maison-lumiere.fr>",
        reply_to="Service client <aide@maison-lumiere.fr>",
    )

    async def run() -> list[ChannelResult]:
        sender = SmtpSender(settings, PASSWORD, tls_context=ca.client_context())
        try:
            return list(await sender.send([written, _mail("lea@example.com")]))
        finally:
            await sender.close()

    assert [r.kind for r in asyncio.run(run())] == [Kind.DELIVERED, Kind.DELIVERED]
    own, default = box.received
    assert own["From"] == "Les soldes Maison Lumière <soldes@maison-lumiere.fr>"
    assert own["Reply-To"] == "Service client <aide@maison-lumiere.fr>"
    assert default["From"] == "Maison Lumière <news@maison-lumiere.fr>"  # the account's
    assert default["Reply-To"] == "service@maison-lumiere.fr"
    assert box.mail_from == ["news@maison-lumiere.fr"] * 2  # bounces come back to the account


def test_a_hard_bounce_asks_for_the_address_to_be_withdrawn(
    mail: tuple[MailServer, dict[str, object], TestCA],
) -> None:
    _box, settings, ca = mail

    async def run() -> list[ChannelResult]:
        sender = SmtpSender(settings, PASSWORD, tls_context=ca.client_context())
        try:
            return list(await sender.send([_mail("gone@example.com")]))
        finally:
            await sender.close()

    (result,) = asyncio.run(run())
    assert result.code == "SMTP_550"
    assert result.refusal == "bounce:550"


def test_a_refused_login_is_the_account_s_problem_and_hides_the_password(
    mail: tuple[MailServer, dict[str, object], TestCA],
) -> None:
    _box, settings, ca = mail
    assert _send(settings, "wrong-password", ca, ["lea@example.com"]) == [Kind.PROVIDER]
    passed, said = asyncio.run(check_account(settings, "wrong-password", ca.client_context()))
    assert not passed and "wrong-password" not in said
    passed, said = asyncio.run(check_account(settings, PASSWORD, ca.client_context()))
    assert passed, said
