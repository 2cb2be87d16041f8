"""The channel seam in the service's process: the text each SMS campaign really sends.

A local server speaking Twilio's REST shape over TLS receives what ``ChannelDispatch`` sends:
the French STOP mention goes into marketing SMS only, never into a transactional one (the flag
is the campaign's schedule's).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from engage_desktop.core.credentials.providers import set_provider_account
from engage_desktop.core.outbox.claims import Claimed
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.services.channels.dispatch import ChannelDispatch
from engage_desktop.services.clock import ManualClock
from engage_desktop.store.models import CampaignFormat, Provider
from tests.support.contacts import seed_channel_campaign, seed_people
from tests.support.tls import make_test_ca
from tests.support.twilio_server import FakeTwilio

SID = "AC" + "0123456789abcdef" * 2
TOKEN = "twilio-auth-token-dispatch"
PHONE = "+33600000001"


@pytest.fixture
def twilio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTwilio]:
    server = FakeTwilio(make_test_ca(tmp_path), SID, TOKEN).start()
    for name, value in server.env().items():
        monkeypatch.setenv(name, value)  # this process trusts the test CA, as the service would
    yield server
    server.stop()


def _sent_body(ws: Workspace, app_id: int, campaign_id: int, twilio: FakeTwilio) -> str:
    async def run() -> None:
        dispatch = ChannelDispatch(ws.engine, ManualClock(), Vault.system())
        try:
            assert await dispatch.owns(campaign_id)
            row = Claimed(
                outbox_id=campaign_id,
                campaign_id=campaign_id,
                app_id=app_id,
                device_id=None,
                token=PHONE,
                message_id=f"m-{campaign_id}",
                variant_key="A",
                attempts=0,
                profile_id=app_id * 1_000_000 + 1,
            )
            outcomes = await dispatch.send(row, None)
            assert [o.state.value for o in outcomes] == ["sent"]
        finally:
            await dispatch.close()

    asyncio.run(run())
    return twilio.received[-1]["Body"]


def test_the_stop_mention_goes_into_marketing_sms_only(
    make_workspace: Callable[..., Workspace], twilio: FakeTwilio
) -> None:
    ws = make_workspace()
    app_id = seed_people(ws, [(PHONE, None, True)])
    settings = {"account_sid": SID, "sender": "+33700000000", "stop_mention": "STOP au 36111"}
    set_provider_account(ws, Vault.system(), app_id, Provider.TWILIO, settings, TOKEN)
    body = {"body": "Bonjour {{ first_name }}, votre code : 1234"}
    marketing = seed_channel_campaign(ws, app_id, CampaignFormat.SMS, body)
    transactional = seed_channel_campaign(ws, app_id, CampaignFormat.SMS, body, transactional=True)
    assert _sent_body(ws, app_id, marketing, twilio) == (
        "Bonjour Client0, votre code : 1234\nSTOP au 36111"
    )
    assert _sent_body(ws, app_id, transactional, twilio) == "Bonjour Client0, votre code : 1234"
