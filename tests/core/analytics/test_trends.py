"""Daily trends, open hours in local time and the best hour, against conftest.py's hand figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from engage_desktop.core.analytics.cached import app_trends, campaign_results
from engage_desktop.core.analytics.conversion import ConversionGoal
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from tests.support.analytics_workspace import Small, build_small
from tests.support.apps import add_app


def test_daily_trends_per_utc_day(small: Small) -> None:
    got = app_trends(small.ws, small.app_id)
    assert got.daily == {
        date(2026, 7, 6): {"sent": 2, "opened": 2, "converted": 0, "opted_out": 0},
        # opens count each open (p1 opened twice); p8's control conversion is not a result
        date(2026, 11, 2): {"sent": 6, "opened": 3, "converted": 1, "opted_out": 1},
        date(2026, 11, 3): {"sent": 0, "opened": 0, "converted": 1, "opted_out": 0},
        date(2026, 11, 12): {"sent": 0, "opened": 0, "converted": 1, "opted_out": 0},
    }
    series = got.series(date(2026, 11, 1), date(2026, 11, 4))
    assert series == {
        "sent": [0, 6, 0, 0],
        "opened": [0, 3, 0, 0],
        "converted": [0, 1, 1, 0],
        "opted_out": [0, 1, 0, 0],
    }
    assert got.series(date(2026, 11, 4), date(2026, 11, 1)) == {
        "sent": [],
        "opened": [],
        "converted": [],
        "opted_out": [],
    }


def test_opens_by_local_hour_and_weekday(small: Small) -> None:
    got = app_trends(small.ws, small.app_id)
    expected = [[0] * 24 for _ in range(7)]
    # All opens fell on Mondays. Paris is UTC+1 in November and UTC+2 in July, New York UTC-5.
    expected[0][17] = 1  # p1, 16:00 UTC in Paris
    expected[0][20] = 1  # p1 again, 19:00 UTC
    expected[0][12] = 2  # p6, 17:00 UTC in New York; p2, 10:00 UTC in Paris in summer
    expected[0][10] = 1  # p10 has no time zone: UTC
    assert got.heatmap == expected
    assert got.best_hour == 12


def test_an_app_without_results_has_empty_trends(small: Small) -> None:
    other_id = add_app(small.ws, "Vide", Role.MARKETER)
    got = app_trends(small.ws, other_id)
    assert got.daily == {} and got.best_hour is None
    assert got.heatmap == [[0] * 24 for _ in range(7)]


@pytest.mark.postgres
def test_the_same_figures_on_postgresql(
    make_workspace: Callable[..., Workspace], pg_url: str
) -> None:
    on_pg = build_small(make_workspace(pg_url))
    got = app_trends(on_pg.ws, on_pg.app_id)
    assert got.daily[date(2026, 11, 2)] == {"sent": 6, "opened": 3, "converted": 1, "opted_out": 1}
    assert sum(map(sum, got.heatmap)) == 5 and got.heatmap[0][12] == 2 and got.best_hour == 12
    results, _ = campaign_results(on_pg.ws, on_pg.soldes, ConversionGoal("purchase", 10))
    assert [(v.sent, v.opened, v.recipients, v.converted) for v in results.variants] == [
        (3, 1, 3, 1),
        (3, 1, 2, 1),
    ]
    assert (results.control_recipients, results.control_converted) == (2, 1)
    default, _ = campaign_results(on_pg.ws, on_pg.soldes)
    assert [(v.recipients, v.converted) for v in default.variants] == [(3, 1), (2, 1)]
    from engage_desktop.core.analytics.cached import app_channels, app_fatigue

    channels = app_channels(on_pg.ws, on_pg.app_id)
    assert channels.daily[date(2026, 11, 2)] == {"push": [6, 3, 1, 1]}
    fatigue = app_fatigue(on_pg.ws, on_pg.app_id)
    assert fatigue.weekly == {
        date(2026, 7, 6): {1: [2, 0]},
        date(2026, 11, 2): {1: [4, 1], 2: [1, 0]},
    }


def test_open_hours_of_a_date_range_and_a_channel(small: Small) -> None:
    """The date range and channel filters reach the open hours: opens are kept per local day
    and channel, and any range is summed from the cache."""
    from sqlalchemy import update

    from engage_desktop.store.models import Campaign, CampaignFormat

    with small.ws.session() as s:  # "Été" (the summer opens) went out as an SMS campaign
        s.execute(
            update(Campaign).where(Campaign.id == small.summer).values(format=CampaignFormat.SMS)
        )
    got = app_trends(small.ws, small.app_id)
    assert got.hours == {
        "2026-07-06": {"sms": [0] * 10 + [1, 0, 1] + [0] * 11},  # p10 in UTC, p2 in Paris
        "2026-11-02": {"push": [0] * 12 + [1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0]},
    }
    november = got.open_hours(date(2026, 11, 1), date(2026, 11, 30))
    assert november[0][17] == 1 and november[0][20] == 1 and november[0][12] == 1
    assert sum(map(sum, november)) == 3
    assert sum(map(sum, got.open_hours(channel="sms"))) == 2
    assert got.open_hours(date(2026, 11, 1), date(2026, 11, 30), "sms") == [[0] * 24] * 7
    assert got.open_hours() == got.heatmap  # no filter: the whole history
