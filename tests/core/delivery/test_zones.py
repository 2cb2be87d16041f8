"""Each recipient's zone is the profile's, else the device's, else the app's, on every channel.

An SMS or email has no device of its own: its "device" zone is the person's device's. The
expansion plans with that zone and the claim-time screen defers with it (the fault: SMS and
email rows used the app's zone for both).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.delivery.zones import check_zone, recipient_zone
from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignFormat, OutboxMessage
from tests.support.zoned_people import (
    Zoned,
    not_before_by_profile,
    seed_campaign,
    seed_zoned_app,
)

# Tuesday 8 December 2026, 07:30 UTC: 08:30 in Paris (the app), 23:30 (Monday) in Los Angeles,
# 02:30 in New York, 20:30 in Auckland. Default quiet hours 21:00-08:00 local.
NOW = datetime(2026, 12, 8, 7, 30, tzinfo=UTC)
PEOPLE = [
    Zoned("America/Los_Angeles", "America/New_York"),  # the profile's zone wins
    Zoned(None, "America/New_York"),  # the device's
    Zoned(None, None),  # the app's
    Zoned("Pacific/Auckland", None),
    Zoned("Mars/Olympus_Mons", "America/New_York"),  # an unknown stored name is skipped
]
LA_MORNING = datetime(2026, 12, 8, 16, 0, tzinfo=UTC)  # 08:00 in Los Angeles
NY_MORNING = datetime(2026, 12, 8, 13, 0, tzinfo=UTC)  # 08:00 in New York
# 20:30 in Auckland is past the French marketing SMS hours (08:00-20:00): 08:00 there tomorrow
AUCKLAND_SMS = datetime(2026, 12, 8, 19, 0, tzinfo=UTC)
FORMATS = [CampaignFormat.PUSH, CampaignFormat.SMS, CampaignFormat.EMAIL]


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.value)
def test_quiet_hours_are_the_recipients_own_on_every_channel(
    make_workspace: Callable[..., Workspace], fmt: CampaignFormat
) -> None:
    check_quiet_hours(make_workspace(), fmt)


@pytest.mark.postgres
def test_the_persons_device_zone_is_read_on_postgresql(
    make_workspace: Callable[..., Workspace], pg_url: str
) -> None:
    check_quiet_hours(make_workspace(pg_url), CampaignFormat.SMS)


def check_quiet_hours(ws: Workspace, fmt: CampaignFormat) -> None:
    ws.clock = FixedClock(NOW)
    app_id, ids = seed_zoned_app(ws, PEOPLE, NOW)
    campaign_id = seed_campaign(ws, app_id, fmt)
    result = start_send(ws, campaign_id)
    sms = fmt is CampaignFormat.SMS
    assert result.queued == len(PEOPLE) and result.deferred_quiet == 3
    assert result.deferred_sms_hours == (1 if sms else 0)  # 20:30 in Auckland
    planned = not_before_by_profile(ws, campaign_id)
    auckland = AUCKLAND_SMS if sms else NOW
    assert [planned[pid] for pid in ids] == [LA_MORNING, NY_MORNING, NOW, auckland, NY_MORNING]


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.value)
def test_the_claim_screen_defers_in_the_recipients_own_zone_on_every_channel(
    make_workspace: Callable[..., Workspace], fmt: CampaignFormat
) -> None:
    """Rows made due early (a late service, a planning of the past) are screened again."""
    ws = make_workspace()
    ws.clock = FixedClock(NOW)
    app_id, ids = seed_zoned_app(ws, PEOPLE, NOW)
    campaign_id = seed_campaign(ws, app_id, fmt)
    start_send(ws, campaign_id)
    with ws.engine.begin() as conn:
        conn.execute(
            update(OutboxMessage)
            .where(OutboxMessage.campaign_id == campaign_id)
            .values(not_before=NOW - timedelta(minutes=1))
        )
        held = claims.claim(conn, campaign_id, "w", timedelta(minutes=5), 100, now=NOW)
    sent_now = [ids[2]] if fmt is CampaignFormat.SMS else [ids[2], ids[3]]  # SMS hours
    assert sorted(r.profile_id for r in held if r.profile_id) == sent_now
    planned = not_before_by_profile(ws, campaign_id)
    assert (planned[ids[0]], planned[ids[1]], planned[ids[4]]) == (
        LA_MORNING,
        NY_MORNING,
        NY_MORNING,
    )


def test_zone_order_and_unknown_names() -> None:
    paris = ZoneInfo("Europe/Paris")
    assert recipient_zone("Asia/Tokyo", "America/New_York", paris).key == "Asia/Tokyo"
    assert recipient_zone(None, "America/New_York", paris).key == "America/New_York"
    assert recipient_zone("Nowhere/Land", "", paris) is paris
    with pytest.raises(Exception, match="'Nowhere/Land' is not a known IANA time zone"):
        check_zone("Nowhere/Land")
