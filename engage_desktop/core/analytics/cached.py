"""The analytics the GUI and the CLI read: cached figures with their age, permission-checked.

Reading needs ``VIEW_ANALYTICS`` on the app (``core.cache`` checks it); exporting needs
``EXPORT_ANALYTICS`` (``require_export``, called by every export path before it writes).
A figure is computed once and then read from ``cached_result`` until refreshed, so the page
opens offline; ``refresh_app`` recomputes every figure of an app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from engage_desktop.core.analytics import channels, fatigue, funnel, trends
from engage_desktop.core.analytics.conversion import ConversionGoal, event_names
from engage_desktop.core.analytics.funnel import CampaignNotFound, CampaignResults
from engage_desktop.core.analytics.refresh import (
    CHANNELS_KEY,
    FATIGUE_KEY,
    TRENDS_KEY,
    campaign_key,
    measured_ids,
    recompute_app,
)
from engage_desktop.core.cache import Cached, compute_cached
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission, require

__all__ = [
    "AppChannels",
    "AppFatigue",
    "AppTrends",
    "CampaignNotFound",
    "CampaignSummary",
    "Figure",
    "app_channels",
    "app_fatigue",
    "app_trends",
    "campaign_results",
    "conversion_events",
    "measured_campaigns",
    "refresh_app",
    "require_export",
]


@dataclass(frozen=True)
class Figure:
    """When a cached figure was computed, and whether this call computed it."""

    computed_at: datetime
    age_seconds: float
    from_cache: bool

    @classmethod
    def of(cls, cached: Cached) -> Figure:
        return cls(cached.computed_at, cached.age_seconds, cached.from_cache)


@dataclass(frozen=True)
class AppTrends:
    """Daily series (UTC days → series → count), opens by local weekday × hour and per local
    day and channel, and the best hour over the whole history."""

    app_id: int
    daily: dict[date, dict[str, int]]
    heatmap: list[list[int]]
    best_hour: int | None
    figure: Figure
    hours: trends.Hours = field(default_factory=dict)  # opens per local day, channel, hour

    def open_hours(
        self, first: date | None = None, last: date | None = None, channel: str | None = None
    ) -> list[list[int]]:
        """Opens by weekday × local hour over ``[first, last]`` and one channel (None: all)."""
        if first is None and last is None and channel is None:
            return self.heatmap
        return trends.hours_grid(self.hours, first, last, channel)

    def series(self, first: date, last: date) -> dict[str, list[int]]:
        """Each series over every day of ``[first, last]``, zeros where nothing happened."""
        days = trends.days_between(first, last)
        return {
            name: [self.daily.get(d, {}).get(name, 0) for d in days] for name in trends.TREND_SERIES
        }


@dataclass(frozen=True)
class AppChannels:
    """Sent, opens, conversions and opt-outs per UTC day and channel (``channels.STORED``)."""

    app_id: int
    daily: dict[date, dict[str, list[int]]]
    figure: Figure

    def totals(
        self, first: date, last: date, only: tuple[str, ...] | None = None
    ) -> list[channels.ChannelTotals]:
        return channels.totals(self.daily, first, last, only)

    def series(self, first: date, last: date, channel: str) -> dict[str, list[int]]:
        """One channel's daily results, shaped as ``AppTrends.series``."""
        return channels.series(self.daily, first, last, channel)


@dataclass(frozen=True)
class AppFatigue:
    """Person-weeks and opt-outs per ISO week (its Monday) and messages received that week."""

    app_id: int
    weekly: dict[date, dict[int, list[int]]]
    figure: Figure

    def buckets(self, first: date, last: date) -> list[fatigue.FatigueBucket]:
        return fatigue.buckets(self.weekly, first, last)


@dataclass(frozen=True)
class CampaignSummary:
    """A campaign that has results (outbox rows), for pickers and refreshes."""

    id: int
    name: str
    started_at: datetime | None
    channel: str  # the campaign's format: "push", "sms"…


def app_trends(ws: Workspace, app_id: int, *, refresh: bool = False) -> AppTrends:
    cached = compute_cached(
        ws,
        app_id,
        TRENDS_KEY,
        lambda s: trends.compute_payload(s, app_id),
        refresh=refresh,
        permission=Permission.VIEW_ANALYTICS,
    )
    payload: dict[str, Any] = cached.payload
    return AppTrends(
        app_id=app_id,
        daily={date.fromisoformat(k): v for k, v in payload["daily"].items()},
        heatmap=payload["heatmap"],
        best_hour=payload["best_hour"],
        figure=Figure.of(cached),
        hours=payload["hours"],
    )


def app_channels(ws: Workspace, app_id: int, *, refresh: bool = False) -> AppChannels:
    cached = compute_cached(
        ws,
        app_id,
        CHANNELS_KEY,
        lambda s: channels.compute_payload(s, app_id),
        refresh=refresh,
        permission=Permission.VIEW_ANALYTICS,
    )
    daily = {date.fromisoformat(k): v for k, v in cached.payload["daily"].items()}
    return AppChannels(app_id, daily, Figure.of(cached))


def app_fatigue(ws: Workspace, app_id: int, *, refresh: bool = False) -> AppFatigue:
    cached = compute_cached(
        ws,
        app_id,
        FATIGUE_KEY,
        lambda s: fatigue.compute_payload(s, app_id),
        refresh=refresh,
        permission=Permission.VIEW_ANALYTICS,
    )
    weekly = {
        date.fromisoformat(k): {int(n): v for n, v in per.items()}
        for k, per in cached.payload["weekly"].items()
    }
    return AppFatigue(app_id, weekly, Figure.of(cached))


def campaign_results(
    ws: Workspace, campaign_id: int, goal: ConversionGoal | None = None, *, refresh: bool = False
) -> tuple[CampaignResults, Figure]:
    """One campaign's funnel, conversions and control group, from the cache when present."""
    goal = goal or ConversionGoal()
    with ws.session() as session:
        app_id = funnel.campaign_app(session, campaign_id)
    cached = compute_cached(
        ws,
        app_id,
        campaign_key(campaign_id, goal),
        lambda s: funnel.compute_payload(s, campaign_id, goal),
        refresh=refresh,
        permission=Permission.VIEW_ANALYTICS,
    )
    return funnel.from_payload(cached.payload), Figure.of(cached)


def measured_campaigns(ws: Workspace, app_id: int) -> list[CampaignSummary]:
    """The app's campaigns that have an outbox (were sent, at least in part), newest first."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_ANALYTICS)
        return [CampaignSummary(*row) for row in measured_ids(session, app_id)]


def conversion_events(ws: Workspace, app_id: int) -> list[str]:
    """The behaviour events an analyst can pick as the conversion event."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_ANALYTICS)
        return event_names(session, app_id)


def refresh_app(
    ws: Workspace,
    app_id: int,
    goal: ConversionGoal | None = None,
    *,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Recompute every figure of the app (``refresh.recompute_app``); returns how many."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_ANALYTICS)
    return recompute_app(ws, app_id, goal, progress=progress)


def require_export(ws: Workspace, app_id: int) -> None:
    """Raise ``PermissionDenied`` unless the member may export this app's analytics."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.EXPORT_ANALYTICS)
