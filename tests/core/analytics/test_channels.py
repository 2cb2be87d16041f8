"""Channel comparison per day and channel, against the small workspace's hand figures."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from engage_desktop.core.analytics.cached import app_channels, app_trends
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
        date(2026, 7, 6): {"sms": [2, 2, 0, 0]},
        # each open counts (p1 opened twice); p8's control conversion is not a result
        date(2026, 11, 2): {"push": [6, 3, 1, 1]},
        date(2026, 11, 3): {"push": [0, 0, 1, 0]},
        date(2026, 11, 12): {"push": [0, 0, 1, 0]},
    }
    everything = got.totals(date(2026, 1, 1), date(2026, 12, 31))
    assert everything == [ChannelTotals("push", 6, 3, 3, 1), ChannelTotals("sms", 2, 2, 0, 0)]
    assert everything[0].open_rate == 0.5 and everything[1].conversion_rate == 0.0
    assert got.totals(date(2026, 11, 1), date(2026, 11, 2)) == [ChannelTotals("push", 6, 3, 1, 1)]
    assert got.totals(date(2026, 1, 1), date(2026, 12, 31), ("sms",)) == [
        ChannelTotals("sms", 2, 2, 0, 0)
    ]


def test_one_channels_daily_results_are_its_share_of_the_trends(small: Small) -> None:
    """The channel filter on the daily results: each series of one channel, zeros included;
    with one channel only, the same figures as the app's trends."""
    with small.ws.session() as s:
        s.execute(
            update(Campaign).where(Campaign.id == small.summer).values(format=CampaignFormat.SMS)
        )
    got = app_channels(small.ws, small.app_id)
    first, last = date(2026, 7, 5), date(2026, 11, 12)
    push, sms = got.series(first, last, "push"), got.series(first, last, "sms")
    assert sms["sent"][1] == 2 and sms["opened"][1] == 2 and sum(sms["sent"]) == 2
    assert (sum(push["sent"]), sum(push["converted"]), sum(push["opted_out"])) == (6, 3, 1)
    assert got.series(first, last, "email") == {
        name: [0] * len(push["sent"]) for name in ("sent", "opened", "converted", "opted_out")
    }
    trends = app_trends(small.ws, small.app_id).series(first, last)
    assert {k: [a + b for a, b in zip(push[k], sms[k], strict=True)] for k in push} == trends


def test_an_empty_range_has_no_channel(small: Small) -> None:
    got = app_channels(small.ws, small.app_id)
    assert got.totals(date(2026, 11, 5), date(2026, 11, 1)) == []
    assert got.totals(date(2025, 1, 1), date(2025, 12, 31)) == []
    assert ChannelTotals("email", 0, 0, 0).open_rate is None
