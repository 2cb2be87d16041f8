"""The demo's past campaigns leave what a real send leaves, so every analytics chart has data."""

from __future__ import annotations

from sqlalchemy import select

from engage_desktop.core.analytics.cached import app_trends, campaign_results, measured_campaigns
from engage_desktop.core.analytics.stats import Verdict
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, Campaign


def test_control_group_is_held_back_in_the_outbox_and_measured(demo_workspace: Workspace) -> None:
    """The control group used to exist only through its conversions: no row said who was held
    back, so its size (and every uplift) could not be computed."""
    with demo_workspace.session() as s:
        soldes = s.scalar(select(Campaign.id).where(Campaign.control_share > 0))
    assert soldes is not None
    results, _ = campaign_results(demo_workspace, soldes)
    assert results.control_recipients > 0
    assert results.control_converted < results.control_recipients  # few convert, if any
    variant = results.variants[0]
    assert variant.suppressed["control_group"] > 0
    assert variant.sent > variant.opened > 0 and variant.converted > 0
    assert results.uplift(variant).verdict is not Verdict.NO_DATA


def test_every_app_has_trends_and_open_hours(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as s:
        apps = list(s.scalars(select(App.id)))
    for app_id in apps:
        assert measured_campaigns(demo_workspace, app_id)
        trends = app_trends(demo_workspace, app_id)
        assert sum(day["sent"] for day in trends.daily.values()) > 0
        assert trends.best_hour is not None
