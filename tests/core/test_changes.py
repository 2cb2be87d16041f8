"""The change feed moves for every writer, on SQLite and PostgreSQL, and only when data changed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select, update

from engage_desktop.core.changes import ChangeVersions, changed_areas, read_versions
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.segments.saved import create_segment, refresh_segment
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    Campaign,
    CampaignStatus,
    DeliveryAttempt,
    OutboxMessage,
    Profile,
)
from tests.support.sending import seed_app, seed_campaign

RULES = {"version": 1, "rules": {"type": "sample", "percent": 50}}


def _read(ws: Workspace) -> ChangeVersions:
    with ws.session() as session:
        return read_versions(session)


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_each_area_moves_with_its_writes_only(
    make_workspace: Callable[..., Workspace], request: pytest.FixtureRequest, database: str
) -> None:
    ws = make_workspace(request.getfixturevalue("pg_url") if database == "postgresql" else None)
    app_id = seed_app(ws, 3)
    start = _read(ws)
    campaign_id = seed_campaign(ws, app_id)
    created = _read(ws)
    assert changed_areas(start, created) == ["campaigns"]
    start_send(ws, campaign_id)  # the campaign becomes "sending": a status change
    sending = _read(ws)
    assert changed_areas(created, sending) == ["campaigns"]
    segment_id = create_segment(ws, app_id, "Tous", RULES)
    refresh_segment(ws, segment_id)
    counted = _read(ws)
    assert changed_areas(sending, counted) == ["segments"]
    with ws.session() as session:  # what the service records as it sends
        outbox_id = session.scalars(select(OutboxMessage.id).limit(1)).one()
        session.add(DeliveryAttempt(outbox_id=outbox_id, campaign_id=campaign_id, outcome="sent"))
    sent = _read(ws)
    assert changed_areas(counted, sent) == ["progress"]
    with ws.session() as session:  # profiles and a statement that changes no campaign: nothing
        session.execute(update(Profile).values(first_name="Zoé"))
        session.execute(
            update(Campaign)
            .where(Campaign.status == CampaignStatus.PAUSED)
            .values(status=CampaignStatus.SENDING)
        )
    assert changed_areas(sent, _read(ws)) == []


def test_first_reading_reports_nothing() -> None:
    assert changed_areas(None, ChangeVersions(5, 6, 7)) == []
    assert changed_areas(ChangeVersions(5, 6, 7), ChangeVersions(5, 7, 8)) == [
        "segments",
        "progress",
    ]
