"""The demo's past campaigns leave what a real send leaves, so every analytics chart has data."""

from __future__ import annotations

from sqlalchemy import select

from engage_desktop.core.analytics.cached import app_trends, campaign_results, measured_campaigns
from engage_desktop.core.analytics.stats import Verdict
from engage_desktop.core.demo.campaign_catalog import RETAIL_CAMPAIGNS
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignStatus,
    OutboxMessage,
    Segment,
    SegmentMember,
)


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


def test_campaigns_target_their_segment_and_reach_only_its_members(
    demo_workspace: Workspace,
) -> None:
    """The demo's Campaigns list had an empty Segment column: every campaign went to the
    whole audience. Those that name a segment now store it, and everyone they reached (or held
    back as control) is in that segment's counted membership."""
    with demo_workspace.session() as s:
        targeted = s.execute(
            select(Campaign.id, Campaign.status, Segment.id, Segment.cached_count)
            .join(Segment, Segment.id == Campaign.segment_id)
            .order_by(Campaign.id)
        ).all()
        assert len(targeted) == 5
        sent = [row for row in targeted if row[1] == CampaignStatus.COMPLETED]
        assert len(sent) == 2
        for campaign_id, _status, segment_id, count in sent:
            members = set(
                s.scalars(
                    select(SegmentMember.profile_id).where(SegmentMember.segment_id == segment_id)
                )
            )
            reached = set(
                s.scalars(
                    select(OutboxMessage.profile_id).where(OutboxMessage.campaign_id == campaign_id)
                )
            )
            assert len(members) == count and reached and reached <= members, campaign_id


def test_the_demo_sms_campaign_stores_its_text_where_the_composer_reads_it() -> None:
    """The SMS campaign's text was stored under "text": the composer showed it empty."""
    [sms] = [c for c in RETAIL_CAMPAIGNS if c.format == "sms"]
    assert [set(v) for v in sms.variants] == [{"body"}]


def test_demo_sends_go_out_in_the_daytime_in_paris(demo_workspace: Workspace) -> None:
    """Every demo send was at the anchor's midnight (UTC): the Campaigns list showed 00:00."""
    from zoneinfo import ZoneInfo

    with demo_workspace.session() as session:
        times = [t for t in session.scalars(select(Campaign.scheduled_at)) if t is not None]
    paris = [t.astimezone(ZoneInfo("Europe/Paris")).hour for t in times]
    assert paris and all(8 <= hour < 21 for hour in paris), paris
