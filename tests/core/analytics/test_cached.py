"""Analytics are cached with their computation time, refreshed on demand, and permission-checked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage_desktop.core.analytics.cached import (
    app_trends,
    campaign_results,
    conversion_events,
    measured_campaigns,
    refresh_app,
    require_export,
)
from engage_desktop.core.clock import FixedClock
from engage_desktop.core.progress import Cancelled, CancelToken, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.models import CachedResult, OutboxMessage, OutboxState, Role
from tests.support.analytics_workspace import NOW, Small, build_small


def test_figures_are_read_from_the_cache_until_refreshed(small: Small) -> None:
    first, figure = campaign_results(small.ws, small.soldes)
    assert (figure.from_cache, figure.computed_at, figure.age_seconds) == (False, NOW, 0.0)
    with small.ws.session() as s:  # one more message sent after the figure was computed
        s.add(
            OutboxMessage(
                campaign_id=small.soldes,
                app_id=small.app_id,
                profile_id=small.profiles[10],
                channel="push",
                variant_key="A",
                message_id="late",
                state=OutboxState.SENT,
                created_at=NOW,
                sent_at=NOW,
            )
        )
    assert isinstance(small.ws.clock, FixedClock)
    small.ws.clock.set(NOW + timedelta(hours=3))
    again, figure = campaign_results(small.ws, small.soldes)
    assert again == first and figure.from_cache and figure.age_seconds == 3 * 3600
    fresh, figure = campaign_results(small.ws, small.soldes, refresh=True)
    assert fresh.variants[0].sent == first.variants[0].sent + 1
    assert not figure.from_cache and figure.computed_at == NOW + timedelta(hours=3)


def test_refresh_recomputes_every_figure_of_the_app_with_progress(small: Small) -> None:
    seen: list[tuple[int, int | None, str]] = []
    count = refresh_app(small.ws, small.app_id, progress=Progress(lambda *a: seen.append(a)))
    # trends, channels, fatigue and the two campaigns with an outbox (not the draft)
    assert count == 5
    assert [s[2] for s in seen] == ["trends", "channels", "fatigue", "Soldes", "Été", ""]
    assert seen[0] == (0, 5, "trends") and seen[-1] == (5, 5, "")
    with small.ws.session() as s:
        keys = sorted(
            s.scalars(select(CachedResult.key).where(CachedResult.app_id == small.app_id))
        )
    assert keys == [
        f"analytics:campaign:v1:{small.soldes}:*:7d",
        f"analytics:campaign:v1:{small.summer}:*:7d",
        "analytics:channels:v2",
        "analytics:fatigue:v1",
        "analytics:seen:v1",
        "analytics:trends:v2",
    ]
    assert app_trends(small.ws, small.app_id).figure.from_cache


def test_refresh_stops_when_cancelled(small: Small) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        refresh_app(small.ws, small.app_id, progress=Progress(None, token))


def test_measured_campaigns_newest_first_and_conversion_events(small: Small) -> None:
    assert [c.name for c in measured_campaigns(small.ws, small.app_id)] == ["Soldes", "Été"]
    assert conversion_events(small.ws, small.app_id) == ["never_happens", "purchase"]


@pytest.mark.parametrize(
    ("role", "views", "exports"),
    [(Role.ANALYST, True, True), (Role.MARKETER, True, False), (None, False, False)],
)
def test_analysts_see_and_export_marketers_only_see(
    make_workspace: Callable[..., Workspace], role: Role | None, views: bool, exports: bool
) -> None:
    # The workspace's member got no role by creating the workspace: only ``role`` on the app.
    small = build_small(make_workspace(), role)
    other = small.ws
    calls: list[Callable[[], object]] = [
        lambda: app_trends(other, small.app_id),
        lambda: campaign_results(other, small.soldes),
        lambda: measured_campaigns(other, small.app_id),
        lambda: refresh_app(other, small.app_id),
    ]
    for call in calls:
        if views:
            call()
        else:
            with pytest.raises(PermissionDenied, match="view_analytics"):
                call()
    if exports:
        require_export(other, small.app_id)
    else:
        with pytest.raises(PermissionDenied, match="export_analytics"):
            require_export(other, small.app_id)
