"""The channel dispatch renders each SMS / email row with its campaign's settings."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.core.credentials.providers import set_provider_account
from engage_desktop.core.outbox.claims import Claimed, Outcome
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.services.channels.dispatch import ChannelDispatch
from engage_desktop.services.clock import ManualClock
from engage_desktop.store.models import CampaignFormat, OutboxState, Provider
from tests.support.contacts import seed_channel_campaign, seed_people
from tests.support.tls import make_test_ca
from tests.support.twilio_server import FakeTwilio

SID = "AC" + "0123456789abcdef" * 2
TOKEN = "twilio-dispatch-token"
PHONE = "+33600000001"


def _send(ws: Workspace, app_id: int, campaign_id: int) -> list[Outcome]:
    row = Claimed(
        outbox_id=1,
        campaign_id=campaign_id,
        app_id=app_id,
        device_id=None,
        token=PHONE,
        message_id=f"ed-{campaign_id}-p1",
        variant_key="A",
        attempts=0,
        profile_id=app_id * 1_000_000 + 1,
    )

    async def run() -> list[Outcome]:
        dispatch = ChannelDispatch(ws.engine, ManualClock(), Vault.system())
        try:
            assert await dispatch.owns(campaign_id)
            return await dispatch.send(row, None)
        finally:
            await dispatch.close()

    return asyncio.run(run())


def test_a_transactional_campaign_carries_no_stop_mention(
    make_workspace: Callable[..., Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The composer stores "transactional" on the campaign (where the delivery rules read it);
    the SMS renderer looked for it in the variant's content only, so a transactional SMS
    still got the marketing STOP mention."""
    twilio = FakeTwilio(make_test_ca(tmp_path), SID, TOKEN).start()
    try:
        for name, value in twilio.env().items():
            monkeypatch.setenv(name, value)
        ws = make_workspace()
        app_id = seed_people(ws, [(PHONE, None, True)])
        settings = {"account_sid": SID, "sender": "+33700000000", "stop_mention": "STOP au 36111"}
        set_provider_account(ws, Vault.system(), app_id, Provider.TWILIO, settings, TOKEN)
        for transactional in (False, True):
            campaign_id = seed_channel_campaign(
                ws, app_id, CampaignFormat.SMS, {"body": "Bonjour"}, transactional=transactional
            )
            [outcome] = _send(ws, app_id, campaign_id)
            assert outcome.state is OutboxState.SENT
        assert [form["Body"] for form in twilio.received] == ["Bonjour\nSTOP au 36111", "Bonjour"]
    finally:
        twilio.stop()
