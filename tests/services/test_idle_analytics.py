"""The service refreshes analytics when the outbox is idle, on its own clock, and stops for
new sending work; a real service process fills the cache after a send with no Refresh."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from engage_desktop.core.analytics.activity import SEEN_KEY
from engage_desktop.core.analytics.refresh import TRENDS_KEY
from engage_desktop.core.cache import get_cached
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission
from engage_desktop.services.clock import ManualClock
from engage_desktop.services.idle_analytics import IdleAnalytics
from engage_desktop.store.models import (
    CachedResult,
    Campaign,
    CampaignFormat,
    CampaignStatus,
    CampaignVariant,
    EngagementEvent,
    EngagementKind,
    OutboxMessage,
    OutboxState,
)
from tests.support.analytics_workspace import NOW, Small, build_small
from tests.support.processes import Sandbox, service_env, start_service, stop_service
from tests.support.sending import seed_app, seed_campaign, status_of
from tests.support.waiting import wait_until


def _keys(small: Small) -> list[str]:
    with small.ws.session() as s:
        return sorted(
            s.scalars(select(CachedResult.key).where(CachedResult.app_id == small.app_id))
        )


def _sending_campaign(small: Small, retry_at: timedelta) -> None:
    """A sending campaign with one row waiting for a retry ``retry_at`` after NOW."""
    with small.ws.session() as s:
        c = Campaign(
            app_id=small.app_id,
            name="En cours",
            format=CampaignFormat.PUSH,
            status=CampaignStatus.SENDING,
            started_at=NOW,
        )
        c.variants = [CampaignVariant(key="A", content={"title": "x"})]
        s.add(c)
        s.flush()
        s.add(
            OutboxMessage(
                campaign_id=c.id,
                app_id=small.app_id,
                profile_id=small.profiles[1],
                channel="push",
                variant_key="A",
                message_id="waiting",
                state=OutboxState.RETRY,
                next_attempt_at=NOW + retry_at,
                created_at=NOW,
            )
        )


def test_refreshes_after_a_quiet_spell_and_only_when_something_changed(
    make_workspace: Callable[..., Workspace],
) -> None:
    small = build_small(make_workspace())
    clock = ManualClock(NOW)
    idle = IdleAnalytics(small.ws, clock, idle_after=10, min_gap=60, check_every=1)

    async def scenario() -> None:
        await idle.step()  # quiet from now on
        clock.advance(9)
        await idle.step()
        assert not idle.running and _keys(small) == []
        clock.advance(1)
        await idle.step()  # ten quiet seconds: the app was never refreshed
        await idle.wait_running()
        assert idle.refreshed == 1
        assert f"analytics:campaign:v1:{small.soldes}:*:7d" in _keys(small)
        assert SEEN_KEY in _keys(small)
        with small.ws.session() as s:  # an open arrives (an engagement import)
            s.add(
                EngagementEvent(
                    campaign_id=small.summer,
                    profile_id=small.profiles[10],
                    kind=EngagementKind.OPENED,
                    at=NOW,
                )
            )
        clock.advance(30)
        await idle.step()  # at most one refresh a minute
        assert not idle.running and idle.refreshed == 1
        clock.advance(30)
        await idle.step()
        await idle.wait_running()
        assert idle.refreshed == 2
        clock.advance(60)
        await idle.step()  # nothing changed since: nothing to do
        assert not idle.running and idle.refreshed == 2

    asyncio.run(scenario())
    trends = get_cached(small.ws, small.app_id, TRENDS_KEY, permission=Permission.VIEW_ANALYTICS)
    assert trends is not None and trends.payload["daily"]["2026-11-20"]["opened"] == 1


def test_new_sending_work_stops_a_refresh_which_runs_again_later(
    make_workspace: Callable[..., Workspace],
) -> None:
    small = build_small(make_workspace())
    _sending_campaign(small, retry_at=timedelta(seconds=30))  # not claimable yet
    clock = ManualClock(NOW)
    idle = IdleAnalytics(small.ws, clock, idle_after=10, min_gap=60, check_every=1)
    path = small.ws.location.sqlite_path
    assert path is not None

    async def scenario() -> None:
        await idle.step()
        clock.advance(10)
        # Another program holds the write lock: the refresh stops at its first stored figure.
        lock = sqlite3.connect(path, isolation_level=None, timeout=10)
        lock.execute("BEGIN IMMEDIATE")
        try:
            await idle.step()
            assert idle.running
            clock.advance(20)  # the retry is due: a row is claimable
            await idle.step()
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        await idle.wait_running()
        assert (idle.cancelled, idle.refreshed) == (1, 0)
        assert SEEN_KEY not in _keys(small)  # a stopped refresh does not count as one
        with small.ws.session() as s:  # the service sends the row
            row = s.scalars(
                select(OutboxMessage).where(OutboxMessage.message_id == "waiting")
            ).one()
            row.state, row.sent_at = OutboxState.SENT, NOW
        await idle.step()  # quiet again, but not for long enough
        assert not idle.running
        clock.advance(60)
        await idle.step()
        await idle.wait_running()
        assert idle.refreshed == 1 and SEEN_KEY in _keys(small)

    asyncio.run(scenario())


def test_a_real_service_fills_the_cache_after_a_send_without_refresh(
    make_workspace: Callable[..., Workspace], sandbox: Sandbox, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 40)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    key = f"analytics:campaign:v1:{campaign_id}:*:7d"

    def figures() -> Any:
        found = get_cached(ws, app_id, key, permission=Permission.VIEW_ANALYTICS)
        return None if found is None else found.payload

    assert figures() is None
    service = start_service(
        str(ws.location.sqlite_path),
        service_env(sandbox.url, tmp_path),
        tmp_path,
        "--analytics-idle-after",
        "0.5",
    )
    try:
        wait_until(lambda: status_of(ws, campaign_id) == CampaignStatus.COMPLETED, 30)
        wait_until(lambda: figures() is not None, 30, "the idle service's analytics refresh")
    finally:
        assert stop_service(service) == 0
    payload = figures()
    assert payload is not None
    assert [(v["key"], v["sent"]) for v in payload["variants"]] == [("A", 40)]
    trends = get_cached(ws, app_id, TRENDS_KEY, permission=Permission.VIEW_ANALYTICS)
    assert trends is not None and sum(d["sent"] for d in trends.payload["daily"].values()) == 40
