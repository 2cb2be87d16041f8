"""What the Analytics page loads off the GUI thread: the figures, then their pictures.

``load`` reads the cached figures (computing the missing ones, or all of them on refresh) and
``render_all`` draws the six charts; both run in a worker and report progress, so the page
can show it and cancel between steps.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QSize

from engage_desktop.core.analytics.cached import (
    AppChannels,
    AppFatigue,
    AppTrends,
    CampaignSummary,
    Figure,
    app_channels,
    app_fatigue,
    app_trends,
    campaign_results,
    conversion_events,
    measured_campaigns,
    refresh_app,
)
from engage_desktop.core.analytics.conversion import ConversionGoal
from engage_desktop.core.analytics.funnel import CampaignResults
from engage_desktop.core.progress import Progress
from engage_desktop.core.service_status import service_status
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.analytics.app_charts import ChannelsChart, FatigueChart
from engage_desktop.ui.analytics.chart_view import Rendered, render
from engage_desktop.ui.analytics.charts import (
    Chart,
    FunnelChart,
    UpliftChart,
)
from engage_desktop.ui.analytics.style import ChartStyle
from engage_desktop.ui.analytics.text import ChartText
from engage_desktop.ui.analytics.timing import OpenHoursChart, TrendsChart

DEFAULT_DAYS = 30


@dataclass(frozen=True)
class Request:
    """The page's filters when the load started."""

    app_id: int
    campaign_id: int | None
    variant: str | None
    goal: ConversionGoal
    first: date | None
    last: date | None
    refresh: bool = False
    channel: str | None = None  # one channel in the channel comparison (None: all)


@dataclass(frozen=True)
class Loaded:
    """Everything the charts are drawn from, and the figures' computation times."""

    request: Request
    campaigns: list[CampaignSummary]
    events: list[str]
    trends: AppTrends
    channels: AppChannels
    fatigue: AppFatigue
    results: CampaignResults | None
    campaign_figure: Figure | None
    first: date
    last: date
    kept_up_to_date: bool = False  # a sending service is running: it refreshes when idle

    def charts(self) -> dict[str, Chart]:
        variant, channel = self.request.variant, self.request.channel
        return {
            "funnel": FunnelChart(self.results, variant),
            "uplift": UpliftChart(self.results, variant),
            "trends": TrendsChart(self.trends, self.first, self.last, self.channels, channel),
            "open-hours": OpenHoursChart(self.trends, self.first, self.last, channel),
            "channels": ChannelsChart(
                self.channels, self.first, self.last, (channel,) if channel else None
            ),
            "fatigue": FatigueChart(self.fatigue, self.first, self.last),
        }

    def oldest(self) -> Figure:
        """The older of the two figures shown: what the "as of" badge must admit to."""
        figures = [
            self.trends.figure,
            self.channels.figure,
            self.fatigue.figure,
            *([self.campaign_figure] if self.campaign_figure else []),
        ]
        return min(figures, key=lambda f: f.computed_at)

    def with_filters(
        self, variant: str | None, channel: str | None, first: date, last: date
    ) -> Loaded:
        request = replace(self.request, variant=variant, channel=channel)
        return replace(self, request=request, first=first, last=last)


def load(ws: Workspace, request: Request, progress: Progress) -> Loaded:
    if request.refresh:
        refresh_app(ws, request.app_id, request.goal, progress=progress)
    progress.report(0, None, "figures")
    trends = app_trends(ws, request.app_id)
    channels, fatigue = app_channels(ws, request.app_id), app_fatigue(ws, request.app_id)
    campaigns = [
        c for c in measured_campaigns(ws, request.app_id) if request.channel in (None, c.channel)
    ]
    events = conversion_events(ws, request.app_id)
    ids = [c.id for c in campaigns]
    chosen = request.campaign_id if request.campaign_id in ids else (ids[0] if ids else None)
    progress.report(0, None, "figures")
    results, figure = campaign_results(ws, chosen, request.goal) if chosen else (None, None)
    first, last = request.first, request.last
    if first is None or last is None:
        last = max(trends.daily) if trends.daily else ws.clock.now().date()
        first = last - timedelta(days=DEFAULT_DAYS - 1)
    request = replace(request, campaign_id=chosen)
    with ws.session_factory() as session:
        live = service_status(session, ws.clock.now()).running > 0
    return Loaded(
        request, campaigns, events, trends, channels, fatigue, results, figure, first, last, live
    )


def render_all(
    loaded: Loaded,
    sizes: dict[str, QSize],
    pixel_ratio: float,
    style: ChartStyle,
    text: ChartText,
    progress: Progress,
) -> dict[str, Rendered]:
    """Every chart drawn at its panel's size; cancelling stops between two charts."""
    pictures: dict[str, Rendered] = {}
    charts = loaded.charts()
    for done, (name, chart) in enumerate(charts.items()):
        progress.report(done, len(charts), name)
        pictures[name] = render(chart, sizes[name], pixel_ratio, style, text)
    progress.report(len(charts), len(charts), "")
    return pictures
