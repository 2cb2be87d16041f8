"""An SMS campaign end to end: expansion, the real service process, a local Twilio over TLS.

One row per outcome kind: delivered, refused number (21211), unsubscribed recipient (21610:
consent withdrawn), rate-limited then delivered (429 + Retry-After), and suppressed rows with
their reasons; a refused account (20003) pauses the campaign and loses nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from engage_desktop.core.credentials.providers import set_provider_account
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import (
    Campaign,
    CampaignFormat,
    CampaignStatus,
    Channel,
    EngagementEvent,
    EngagementKind,
    OutboxState,
    Provider,
)
from tests.support.cli import run_cli
from tests.support.contacts import (
    consent_of,
    marketing_sms_allowed_now,
    rows_by_address,
    seed_channel_campaign,
    seed_people,
)
from tests.support.processes import start_service, stop_service
from tests.support.sending import reason_of, status_of
from tests.support.tls import make_test_ca
from tests.support.twilio_server import FakeTwilio
from tests.support.waiting import wait_until

SID = "AC" + "0123456789abcdef" * 2
TOKEN = "twilio-auth-token-e2e"
OK, BAD, STOP, BUSY = "+33600000001", "+33611111111", "+33622222222", "+33633333333"
BODY = "Bonjour {{ first_name }}, -20 % ce week-end"
CALLBACK = "https://hooks.maison-lumiere.fr/twilio/status"


@pytest.fixture
def twilio(tmp_path: Path) -> Iterator[FakeTwilio]:
    server = FakeTwilio(make_test_ca(tmp_path), SID, TOKEN).start()
    server.refuse = {BAD: 21211, STOP: 21610}
    server.busy = {BUSY}
    yield server
    server.stop()


def _campaign(ws: Workspace, token: str) -> tuple[int, int]:
    people = [
        (OK, None, True),
        (BAD, None, True),
        (STOP, None, True),
        (BUSY, None, True),
        ("+33644444444", None, False),
        (None, None, True),
        ("06 12 34 56 78", None, True),
    ]
    app_id = seed_people(ws, people)
    settings = {
        "account_sid": SID,
        "sender": "+33700000000",
        "stop_mention": "STOP au 36111",
        "status_callback_url": CALLBACK,
    }
    set_provider_account(ws, Vault.system(), app_id, Provider.TWILIO, settings, token)
    marketing = marketing_sms_allowed_now()  # else transactional: no need to wait for 08:00
    campaign_id = seed_channel_campaign(
        ws, app_id, CampaignFormat.SMS, {"body": BODY}, transactional=not marketing
    )
    return app_id, campaign_id


def _service(ws: Workspace, twilio: FakeTwilio, tmp_path: Path):  # type: ignore[no-untyped-def]
    env = {**os.environ, **twilio.env()}
    return start_service(str(ws.location.sqlite_path), env, tmp_path)


def test_an_sms_campaign_reaches_twilio_with_one_row_per_outcome(
    make_workspace: Callable[..., Workspace], twilio: FakeTwilio, tmp_path: Path
) -> None:
    ws = make_workspace()
    _app_id, campaign_id = _campaign(ws, TOKEN)
    result = start_send(ws, campaign_id)
    assert result.queued == 4
    assert result.suppressed == {"no_sms_consent": 1, "no_phone": 1, "bad_phone": 1}
    service = _service(ws, twilio, tmp_path)
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, timeout=60)
    finally:
        assert stop_service(service) == 0
    rows = rows_by_address(ws, campaign_id)
    assert rows[OK].state is OutboxState.SENT and (rows[OK].provider_message_id or "").startswith(
        "SM"
    )
    assert (rows[BAD].state, rows[BAD].error_code) == (OutboxState.FAILED, "TWILIO_21211")
    assert (rows[STOP].state, rows[STOP].error_code) == (OutboxState.FAILED, "TWILIO_21610")
    assert rows[BUSY].state is OutboxState.SENT  # after its Retry-After
    assert [s for to, s in twilio.answers if to == BUSY] == [429, 201]
    state, source = consent_of(ws, rows[STOP].profile_id or 0, Channel.SMS)
    assert state == "denied" and "21610" in (source or "")
    sent = {form["To"]: form for form in twilio.received}
    with ws.session() as session:  # a transactional SMS (sent at night here) has no STOP mention
        marketing = not (session.get(Campaign, campaign_id).schedule or {}).get("transactional")
    stop = "\nSTOP au 36111" if marketing else ""
    assert sent[OK]["Body"] == f"Bonjour Client0, -20 % ce week-end{stop}"
    assert sent[OK]["From"] == "+33700000000"
    # A status callback, relayed by whatever serves the callback URL, reaches the workspace.
    sid = rows[OK].provider_message_id or ""
    relayed = run_cli(
        "channel-event",
        "sms-status",
        "--sid",
        sid,
        "--status",
        "delivered",
        workspace=ws.location.sqlite_path,
    )
    assert relayed.returncode == 0, relayed.stderr
    assert sent[OK]["StatusCallback"] == CALLBACK
    with ws.session() as s:
        kinds = s.scalars(
            select(EngagementEvent.kind).where(EngagementEvent.message_id == rows[OK].message_id)
        ).all()
    assert kinds == [EngagementKind.DELIVERED]


def test_a_refused_account_pauses_the_campaign_and_loses_nothing(
    make_workspace: Callable[..., Workspace], twilio: FakeTwilio, tmp_path: Path
) -> None:
    ws = make_workspace()
    _app_id, campaign_id = _campaign(ws, "a-token-twilio-refuses")
    start_send(ws, campaign_id)
    service = _service(ws, twilio, tmp_path)
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.PAUSED, timeout=60)
    finally:
        assert stop_service(service) == 0
    assert reason_of(ws, campaign_id).startswith("The twilio provider refuses app ")
    assert "a-token-twilio-refuses" not in reason_of(ws, campaign_id)
    rows = rows_by_address(ws, campaign_id)
    assert {rows[n].state for n in (OK, BAD, STOP, BUSY)} <= {OutboxState.QUEUED, OutboxState.RETRY}
    assert twilio.received == []
    log = (tmp_path / "service.log").read_text()
    assert "a-token-twilio-refuses" not in log
