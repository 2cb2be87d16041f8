"""The GUI's change feed: one signal per area moved by any writer, progress coalesced, and no
reads for a feed nobody follows. Ticks are driven by hand (the shared beat is not waited for)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import DeliveryAttempt, OutboxMessage
from engage_desktop.ui.workflow.changes import ChangeFeed
from tests.support.sending import seed_app, seed_campaign


class Heard:
    def __init__(self, feed: ChangeFeed) -> None:
        self.areas: list[str] = []
        feed.campaigns_changed.connect(lambda: self.areas.append("campaigns"))
        feed.segments_changed.connect(lambda: self.areas.append("segments"))
        feed.progress_changed.connect(lambda: self.areas.append("progress"))


def _attempt(ws: Workspace, campaign_id: int) -> None:
    with ws.session() as session:
        outbox_id = session.scalars(select(OutboxMessage.id).limit(1)).one()
        session.add(DeliveryAttempt(outbox_id=outbox_id, campaign_id=campaign_id, outcome="sent"))


def _tick(feed: ChangeFeed, qtbot: QtBot) -> None:
    """One beat, and its read answered."""
    feed._tick()
    qtbot.waitUntil(lambda: feed._poll is None, timeout=10_000)


@pytest.fixture
def feed(make_workspace: Callable[..., Workspace], qapp: object) -> ChangeFeed:
    return ChangeFeed(make_workspace(), progress_ticks=3)


def test_writes_elsewhere_reach_the_followers_once_per_area(feed: ChangeFeed, qtbot: QtBot) -> None:
    heard = Heard(feed)
    ws = feed.workspace
    app_id = seed_app(ws, 2)
    _tick(feed, qtbot)  # the first reading is the reference: nothing to say yet
    assert heard.areas == []
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    _tick(feed, qtbot)
    assert heard.areas == ["campaigns"]
    _tick(feed, qtbot)
    assert heard.areas == ["campaigns"]  # nothing moved since


def test_progress_is_coalesced_and_its_last_move_is_said(feed: ChangeFeed, qtbot: QtBot) -> None:
    heard = Heard(feed)
    ws = feed.workspace
    campaign_id = seed_campaign(ws, seed_app(ws, 2))
    start_send(ws, campaign_id)
    _tick(feed, qtbot)
    heard.areas.clear()
    for _ in range(3):  # the service records deliveries at every beat
        _attempt(ws, campaign_id)
        _tick(feed, qtbot)
    assert heard.areas == ["progress"]  # once: the next may come three beats later
    _tick(feed, qtbot)
    assert heard.areas == ["progress", "progress"]  # the last move is not lost
    _tick(feed, qtbot)
    _tick(feed, qtbot)
    assert heard.areas == ["progress", "progress"]


def test_a_feed_nobody_follows_does_not_read(feed: ChangeFeed, qtbot: QtBot) -> None:
    ws = feed.workspace
    seed_campaign(ws, seed_app(ws, 2))
    feed._tick()
    assert feed._poll is None and feed.versions is None
