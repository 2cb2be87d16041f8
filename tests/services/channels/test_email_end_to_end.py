"""An email campaign end to end: expansion, the real service process, aiosmtpd with STARTTLS
and AUTH; a row per outcome, the bounce recorded, and the one-click unsubscribe link turned
into a recorded opt-out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from engage_desktop.core.credentials.providers import set_provider_account
from engage_desktop.core.credentials.unsubscribe_key import ensure_key
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import (
    CampaignFormat,
    CampaignStatus,
    Channel,
    OutboxState,
    Provider,
)
from tests.support.cli import run_cli
from tests.support.contacts import consent_of, rows_by_address, seed_channel_campaign, seed_people
from tests.support.processes import start_service, stop_service
from tests.support.sending import status_of
from tests.support.smtp_server import MailServer, start_mail_server
from tests.support.tls import TestCA, make_test_ca
from tests.support.waiting import wait_until

LEA, GONE, BUSY = "lea@example.com", "gone@example.com", "busy@example.com"
CONTENT = {
    "subject": "Soldes pour {{ first_name }}",
    "preheader": "Jusqu'à -50 %",
    "html": "<h1>Soldes</h1><p>Bonjour {{ prenom }}, <a href='https://ml.fr/s'>voir</a></p>",
}


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[tuple[MailServer, Controller, TestCA]]:
    ca = make_test_ca(tmp_path)
    box = MailServer("mailer", "smtp-e2e-password", hard={GONE}, soft={BUSY})
    controller = start_mail_server(ca, box)
    yield box, controller, ca
    controller.stop()


def test_an_email_campaign_goes_through_smtp_with_one_row_per_outcome(
    make_workspace: Callable[..., Workspace],
    smtp: tuple[MailServer, Controller, TestCA],
    tmp_path: Path,
) -> None:
    box, controller, ca = smtp
    ws = make_workspace()
    people = [
        (None, LEA, True),
        (None, GONE, True),
        (None, BUSY, True),
        (None, "x@y.fr", False),
        (None, None, True),
    ]
    app_id = seed_people(ws, people, channel=Channel.EMAIL)
    settings = {
        "host": "localhost",
        "port": str(controller.port),
        "user": "mailer",
        "from_address": "news@maison-lumiere.fr",
        "unsubscribe_base_url": "https://u.maison-lumiere.fr/unsubscribe",
    }
    vault = Vault.system()
    set_provider_account(ws, vault, app_id, Provider.SMTP, settings, "smtp-e2e-password")
    ensure_key(ws, vault, app_id)
    campaign_id = seed_channel_campaign(ws, app_id, CampaignFormat.EMAIL, CONTENT)
    result = start_send(ws, campaign_id)
    assert result.queued == 3
    assert result.suppressed == {"no_email_consent": 1, "no_email": 1}
    env = {**os.environ, **ca.env()}
    service = start_service(str(ws.location.sqlite_path), env, tmp_path)
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=60)
    finally:
        assert stop_service(service) == 0
    rows = rows_by_address(ws, campaign_id)
    assert rows[LEA].state is OutboxState.SENT
    assert rows[BUSY].state is OutboxState.SENT  # 450 first, then accepted
    assert (rows[GONE].state, rows[GONE].error_code) == (OutboxState.FAILED, "SMTP_550")
    assert consent_of(ws, rows[GONE].profile_id or 0, Channel.EMAIL) == ("denied", "bounce:550")
    mail = next(m for m in box.received if m["To"] == LEA)
    assert mail["Subject"] == "Soldes pour Client0"
    assert "Bonjour Client0" in mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    url = mail["List-Unsubscribe"].strip("<>")
    assert url.startswith("https://u.maison-lumiere.fr/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = url.rsplit("/", 1)[1]
    forged = run_cli(
        "channel-event", "unsubscribe", token[:-2] + "xx", workspace=ws.location.sqlite_path
    )
    assert forged.returncode != 0 and "not one this workspace sent" in forged.stderr
    relayed = run_cli("channel-event", "unsubscribe", token, workspace=ws.location.sqlite_path)
    assert relayed.returncode == 0, relayed.stderr
    assert consent_of(ws, rows[LEA].profile_id or 0, Channel.EMAIL) == (
        "denied",
        "list-unsubscribe",
    )
