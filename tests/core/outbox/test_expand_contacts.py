"""SMS and email expansion: one row per person at their phone or address, consent on that
channel, every person accounted for, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from engage_desktop.core.outbox.expand import audience_summary, start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignFormat, Channel, OutboxMessage
from tests.support.contacts import seed_channel_campaign, seed_people

PEOPLE: list[tuple[str | None, str | None, bool]] = [
    ("+33600000001", "lea@example.com", True),
    ("+33600000002", "pas-une-adresse", True),
    ("06 00 00 00 03", "zoe@example.com", True),
    (None, None, True),
    ("+33600000005", "max@example.com", False),
]


def check(ws: Workspace, channel: Channel) -> None:
    app_id = seed_people(ws, PEOPLE, channel=channel)
    fmt = CampaignFormat.SMS if channel is Channel.SMS else CampaignFormat.EMAIL
    body = {"body": "Promo"} if channel is Channel.SMS else {"subject": "Promo", "html": "<p>a</p>"}
    campaign_id = seed_channel_campaign(ws, app_id, fmt, body)
    expected = (
        {"no_phone": 1, "bad_phone": 1, "no_sms_consent": 1}
        if channel is Channel.SMS
        else {"no_email": 1, "bad_email": 1, "no_email_consent": 1}
    )
    summary = audience_summary(ws, campaign_id)
    result = start_send(ws, campaign_id)
    assert (result.queued, result.suppressed) == (summary.queued, summary.suppressed)
    assert (result.queued, result.suppressed) == (2, expected)
    with ws.session() as s:
        rows = s.execute(
            select(
                OutboxMessage.profile_id,
                OutboxMessage.channel,
                OutboxMessage.address,
                OutboxMessage.message_id,
                OutboxMessage.device_id,
            ).where(OutboxMessage.campaign_id == campaign_id)
        ).all()
    assert len(rows) == len(PEOPLE)  # everyone accounted for
    assert {r.channel for r in rows} == {channel}
    assert {r.device_id for r in rows} == {None}
    first = app_id * 1_000_000 + 1
    by_profile = {r.profile_id: r for r in rows}
    want = "+33600000001" if channel is Channel.SMS else "lea@example.com"
    assert by_profile[first].address == want
    assert by_profile[first].message_id == f"ed-{campaign_id}-p{first}"


@pytest.mark.parametrize("channel", [Channel.SMS, Channel.EMAIL])
def test_contact_expansion_on_sqlite(
    make_workspace: Callable[..., Workspace], channel: Channel
) -> None:
    check(make_workspace(), channel)


@pytest.mark.postgres
def test_contact_expansion_on_postgresql(
    make_workspace: Callable[..., Workspace], pg_url: str
) -> None:
    check(make_workspace(pg_url), Channel.SMS)
