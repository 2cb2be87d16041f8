"""Channel comparison per day and channel, against the small workspace's hand figures."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from engage_desktop.core.analytics.cached import app_channels
from engage_desktop.core.analytics.channels import ChannelTotals
from engage_desktop.store.models import Campaign, CampaignFormat
from tests.support.analytics_workspace import Small


def test_sent_opens_and_conversions_per_channel_and_day(small: Small) -> None:
    with small.ws.session() as s:  # "Été" went out as an SMS campaign
        s.execute(
            update(Campaign).where(Campaign.id == small.summer).values(format=CampaignFormat.SMS)
        )
    got = app_channels(small.ws, small.app_id)
    assert got.daily == {
        date(2026, 7, 6): {"sms": [2, 2, 0]},
        # each open counts (p1 opened twice); p8's control conversion is not a result
        date(2026, 11, 2): {"push": [6, 3, 1]},
        date(2026, 11, 3): {"push": [0, 0, 1]},
        date(2026, 11, 12): {"push": [0, 0, 1]},
    }
    everything = got.totals(date(2026, 1, 1), date(2026, 12, 31))
    assert everything == [ChannelTotals("push", 6, 3, 3), ChannelTotals("sms", 2, 2, 0)]
    assert everything[0].open_rate == 0.5 and everything[1].conversion_rate == 0.0
    assert got.totals(date(2026, 11, 1), date(2026, 11, 2)) == [ChannelTotals("push", 6, 3, 1)]
    assert got.totals(date(2026, 1, 1), date(2026, 12, 31), ("sms",)) == [
        ChannelTotals("sms", 2, 2, 0)
    ]


def test_an_empty_range_has_no_channel(small: Small) -> None:
    got = app_channels(small.ws, small.app_id)
    assert got.totals(date(2026, 11, 5), date(2026, 11, 1)) == []
    assert got.totals(date(2025, 1, 1), date(2025, 12, 31)) == []
    assert ChannelTotals("email", 0, 0, 0).open_rate is None
