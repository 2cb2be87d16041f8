"""Recompute every cached figure of an app: trends, channels, fatigue, each measured campaign.

No permission check here: ``cached.refresh_app`` checks ``VIEW_ANALYTICS`` before calling it,
and the service calls it for every app (it sends for everyone; reading the figures stays
permission-checked). Each figure is computed in a read transaction and stored in a short write
of its own (``core.cache.store_cached``), so a cancelled or failed refresh keeps the figures
already stored, old or new, and never half a figure. The marks of what was read are stored
last (``activity.SEEN_KEY``): only a refresh that went to the end counts as one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.core.analytics import activity, channels, fatigue, funnel, trends
from engage_desktop.core.analytics.conversion import ConversionGoal
from engage_desktop.core.cache import store_cached
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, OutboxMessage

TRENDS_KEY = "analytics:trends:v2"  # v2: open hours per local day and channel
CHANNELS_KEY = "analytics:channels:v2"  # v2: opt-outs too
FATIGUE_KEY = "analytics:fatigue:v1"
CAMPAIGN_KEY = "analytics:campaign:v1:{campaign_id}:{goal}"

Compute = Callable[[Session], Any]


def app_figures(app_id: int) -> list[tuple[str, Compute]]:
    """The app-wide figures: cache key and how to compute it."""
    return [
        (TRENDS_KEY, lambda s: trends.compute_payload(s, app_id)),
        (CHANNELS_KEY, lambda s: channels.compute_payload(s, app_id)),
        (FATIGUE_KEY, lambda s: fatigue.compute_payload(s, app_id)),
    ]


def campaign_key(campaign_id: int, goal: ConversionGoal) -> str:
    return CAMPAIGN_KEY.format(campaign_id=campaign_id, goal=goal.key)


def measured_ids(session: Session, app_id: int) -> list[tuple[int, str, datetime | None, str]]:
    """(id, name, started at, channel) of the app's campaigns that have an outbox, newest
    first."""
    sent = select(OutboxMessage.campaign_id).where(OutboxMessage.campaign_id == Campaign.id)
    rows = session.execute(
        select(Campaign.id, Campaign.name, Campaign.started_at, Campaign.format)
        .where(Campaign.app_id == app_id, sent.exists())
        .order_by(Campaign.started_at.desc(), Campaign.id.desc())
    )
    return [(int(i), str(n), started, str(f.value)) for i, n, started, f in rows]


def _campaign_compute(campaign_id: int, goal: ConversionGoal) -> Compute:
    return lambda s: funnel.compute_payload(s, campaign_id, goal)


def recompute_app(
    ws: Workspace,
    app_id: int,
    goal: ConversionGoal | None = None,
    *,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Recompute and store every figure of the app; returns how many. ``progress.report``
    runs before each figure, so a cancel stops between two of them."""
    goal = goal or ConversionGoal()
    with ws.session() as session:
        marks = activity.latest(session)
        campaigns = measured_ids(session, app_id)
    figures: list[tuple[str, str, Compute]] = [
        (key.split(":")[1], key, compute) for key, compute in app_figures(app_id)
    ]
    for cid, name, _started, _channel in campaigns:
        figures.append((name, campaign_key(cid, goal), _campaign_compute(cid, goal)))
    total = len(figures)
    for done, (label, key, compute) in enumerate(figures):
        progress.report(done, total, label)
        computed_at = ws.clock.now()
        with ws.session() as session:
            payload = compute(session)
        with ws.session() as session:
            store_cached(session, app_id, key, payload, computed_at)
    with ws.session() as session:
        store_cached(session, app_id, activity.SEEN_KEY, marks.as_json(), ws.clock.now())
    progress.report(total, total, "")
    return total
