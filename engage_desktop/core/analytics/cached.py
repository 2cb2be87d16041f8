"""The analytics the GUI and the CLI read: cached figures with their age, permission-checked.

Reading needs ``VIEW_ANALYTICS`` on the app (``core.cache`` checks it); exporting needs
``EXPORT_ANALYTICS`` (``require_export``, called by every export path before it writes).
A figure is computed once and then read from ``cached_result`` until refreshed, so the page
opens offline; ``refresh_app`` recomputes every figure of an app.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from engage_desktop.core.analytics import funnel, trends
from engage_desktop.core.analytics.conversion import ConversionGoal, event_names
from engage_desktop.core.analytics.funnel import CampaignNotFound, CampaignResults
from engage_desktop.core.cache import Cached, compute_cached
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.models import Campaign, OutboxMessage

TRENDS_KEY = "analytics:trends:v1"
CAMPAIGN_KEY = "analytics:campaign:v1:{campaign_id}:{goal}"

__all__ = [
    "AppTrends",
    "CampaignNotFound",
    "CampaignSummary",
    "Figure",
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
    """Daily series (UTC days → series → count), opens by local weekday × hour, best hour."""

    app_id: int
    daily: dict[date, dict[str, int]]
    heatmap: list[list[int]]
    best_hour: int | None
    figure: Figure

    def series(self, first: date, last: date) -> dict[str, list[int]]:
        """Each series over every day of ``[first, last]``, zeros where nothing happened."""
        days = trends.days_between(first, last)
        return {
            name: [self.daily.get(d, {}).get(name, 0) for d in days] for name in trends.TREND_SERIES
        }


@dataclass(frozen=True)
class CampaignSummary:
    """A campaign that has results (outbox rows), for pickers and refreshes."""

    id: int
    name: str
    started_at: datetime | None


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
    )


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
        CAMPAIGN_KEY.format(campaign_id=campaign_id, goal=goal.key),
        lambda s: funnel.compute_payload(s, campaign_id, goal),
        refresh=refresh,
        permission=Permission.VIEW_ANALYTICS,
    )
    return funnel.from_payload(cached.payload), Figure.of(cached)


def measured_campaigns(ws: Workspace, app_id: int) -> list[CampaignSummary]:
    """The app's campaigns that have an outbox (were sent, at least in part), newest first."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.VIEW_ANALYTICS)
        sent = select(OutboxMessage.campaign_id).where(OutboxMessage.campaign_id == Campaign.id)
        rows = session.execute(
            select(Campaign.id, Campaign.name, Campaign.started_at)
            .where(Campaign.app_id == app_id, sent.exists())
            .order_by(Campaign.started_at.desc(), Campaign.id.desc())
        )
        return [CampaignSummary(int(i), str(n), s) for i, n, s in rows]


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
    """Recompute the app's trends and every measured campaign's results; returns how many."""
    campaigns = measured_campaigns(ws, app_id)
    total = len(campaigns) + 1
    progress.report(0, total, "trends")
    app_trends(ws, app_id, refresh=True)
    for done, campaign in enumerate(campaigns, start=1):
        progress.report(done, total, campaign.name)
        campaign_results(ws, campaign.id, goal, refresh=True)
    progress.report(total, total, "")
    return total


def require_export(ws: Workspace, app_id: int) -> None:
    """Raise ``PermissionDenied`` unless the member may export this app's analytics."""
    with ws.session() as session:
        require(session, ws.member_id, app_id, Permission.EXPORT_ANALYTICS)
