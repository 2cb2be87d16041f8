"""A campaign scheduled for "10:00 local" runs from the earliest time zone on.

Scheduled through the same path as the dialog and the CLI (``core.scheduling``), started by the
check the service makes (``due_campaigns``) on an injected clock that steps through two days,
its rows claimed and marked sent at each step: each recipient gets it at 10:00 on their own
clock (Auckland first, Paris, then Los Angeles), nobody at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.delivery.due import due_campaigns
from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.claims import Outcome
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.scheduling.schedule import schedule
from engage_desktop.core.scheduling.when import Timing, choice
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    CampaignFormat,
    EngagementEvent,
    EngagementKind,
    OutboxMessage,
    OutboxState,
)
from tests.support.zoned_people import (
    TEN_LOCAL,
    ZONES,
    Zoned,
    scheduled_local_time,
    seed_campaign,
    seed_zoned_app,
)


def _sent_at(ws: Workspace, campaign_id: int) -> dict[int, datetime]:
    with ws.session() as s:
        rows = s.execute(
            select(OutboxMessage.profile_id, OutboxMessage.sent_at).where(
                OutboxMessage.campaign_id == campaign_id,
                OutboxMessage.state == OutboxState.SENT,
            )
        ).all()
    return {pid: at.replace(tzinfo=UTC) if at.tzinfo is None else at for pid, at in rows}


def _run_service(ws: Workspace, campaign_id: int, start: datetime, span: timedelta) -> None:
    """A service ticking every 10 minutes of an injected clock: it starts the campaigns due,
    then claims the rows of ``campaign_id`` whose time has come and marks them sent."""
    t = start
    while t < start + span:
        ws.clock = FixedClock(t)
        with ws.session() as session:
            due = due_campaigns(session, t)
        for due_id in due:
            start_send(ws, due_id, scheduled=True)
        with ws.engine.begin() as conn:
            held = claims.claim(conn, campaign_id, "w", timedelta(minutes=5), 100, now=t)
            outcomes = [Outcome(r.outbox_id, r.campaign_id, OutboxState.SENT, t) for r in held]
            claims.record_outcomes(conn, "w", outcomes, {r.outbox_id: r.claim_count for r in held})
        t += timedelta(minutes=10)


def test_each_zone_receives_it_at_ten_on_its_own_clock_from_the_earliest_on(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id, ids = scheduled_local_time(ws)
    _run_service(ws, campaign_id, datetime(2026, 12, 4, 12, 0, tzinfo=UTC), timedelta(days=2))
    sent = _sent_at(ws, campaign_id)
    assert [sent[pid] for pid in ids] == [TEN_LOCAL[z] for z in ZONES]


def test_sent_by_hand_after_ten_in_auckland_auckland_gets_it_the_next_day(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id, ids = scheduled_local_time(ws)
    pressed = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)  # 21:00 in Auckland, 09:00 in Paris
    ws.clock = FixedClock(pressed)
    result = start_send(ws, campaign_id)  # "Send now" keeps the local-time choice
    assert (result.queued, result.next_day) == (3, 1)
    assert result.as_dict()["local_time_next_day"] == 1
    with ws.session() as s:
        planned = dict(
            s.execute(
                select(OutboxMessage.profile_id, OutboxMessage.not_before).where(
                    OutboxMessage.campaign_id == campaign_id
                )
            ).all()
        )
    auckland, paris, los_angeles = (planned[pid].replace(tzinfo=UTC) for pid in ids)
    assert auckland == TEN_LOCAL["Pacific/Auckland"] + timedelta(days=1)  # not at once
    assert (paris, los_angeles) == (TEN_LOCAL["Europe/Paris"], TEN_LOCAL["America/Los_Angeles"])


def _opened(ws: Workspace, app_id: int, opens: list[tuple[int, datetime]]) -> None:
    """Opens of an earlier campaign: what each person's best hour is learned from."""
    past = seed_campaign(ws, app_id, CampaignFormat.PUSH)
    with ws.session() as s:
        for profile_id, at in opens:
            s.add(
                EngagementEvent(
                    campaign_id=past, profile_id=profile_id, kind=EngagementKind.OPENED, at=at
                )
            )


def test_best_hour_runs_from_the_earliest_zone_so_nobody_gets_it_late(
    make_workspace: Callable[..., Workspace],
) -> None:
    """Fault: a best-hour campaign started at its day's start in the zone it was chosen in
    (Paris), so Auckland, whose best hour had already come, got it hours late."""
    ws = make_workspace()
    booked = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    people = [Zoned(z, None) for z in ZONES]
    app_id, (auckland, paris, los_angeles) = seed_zoned_app(ws, people, booked, quiet=(None, None))
    _opened(
        ws,
        app_id,
        [
            (auckland, datetime(2026, 11, 20, 19, 0, tzinfo=UTC)),  # 08:00 in Auckland
            (los_angeles, datetime(2026, 11, 20, 15, 0, tzinfo=UTC)),  # 07:00 in Los Angeles
            (los_angeles, datetime(2026, 11, 21, 15, 30, tzinfo=UTC)),  # the app's: 07:00
        ],
    )
    campaign_id = seed_campaign(ws, app_id, CampaignFormat.PUSH)
    day = datetime(2026, 12, 5, tzinfo=ZoneInfo("Europe/Paris"))
    with ws.session() as session:
        chosen = choice(day, "Europe/Paris", booked, Timing.BEST_HOUR)
        schedule(session, ws.member_id, campaign_id, chosen, booked)
    _run_service(ws, campaign_id, datetime(2026, 12, 4, 0, 0, tzinfo=UTC), timedelta(days=2))
    sent = _sent_at(ws, campaign_id)
    assert sent == {
        auckland: datetime(2026, 12, 4, 19, 0, tzinfo=UTC),  # 08:00 on 5 December, NZDT
        paris: datetime(2026, 12, 5, 6, 0, tzinfo=UTC),  # no opens: the app's 07:00
        los_angeles: datetime(2026, 12, 5, 15, 0, tzinfo=UTC),  # 07:00, PST
    }
