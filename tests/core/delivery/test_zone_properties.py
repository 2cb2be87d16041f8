"""Property tests: the rules read on a clock are read on the recipient's own, on every channel.

Over random people (a zone on the profile, on the device, both, neither, or an unknown name),
channels (push, SMS marketing or transactional, email), quiet hours, "send now" or "at 10:00
local" schedules on random dates (daylight-saving days included) and start times, the real
path runs on an injected clock: the service's start check (``due_campaigns``), the expansion,
and claims every 30 minutes for six days with a simulated sender. Then, for each row, in the
zone an independent reading gives (profile, else device, else the app's Europe/Paris):

- nothing was sent inside quiet hours, nor a marketing SMS outside the French SMS hours;
- a local-time send never left before that wall time on its date in the recipient's zone, and
  when no window moved it, it left within the claim step after that wall time on some day;
- nobody was dropped: every row was sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.delivery.daily_window import DailyWindow
from engage_desktop.core.delivery.due import due_campaigns
from engage_desktop.core.delivery.sms_hours import sms_allowed
from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.claims import Outcome
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    Campaign,
    CampaignFormat,
    CampaignStatus,
    OutboxMessage,
    OutboxState,
)
from tests.support.hypothesis_workspace import shared_workspace
from tests.support.zoned_people import Zoned, seed_campaign, seed_zoned_app

ZONES = [
    "Pacific/Auckland",
    "Europe/Paris",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "America/St_Johns",
]
APP_ZONE = ZoneInfo("Europe/Paris")
STEP = timedelta(minutes=30)
HORIZON = timedelta(days=6)
DST_DAYS = [date(2026, 3, 29), date(2026, 10, 25), date(2027, 3, 14), date(2026, 9, 27)]


@dataclass(frozen=True)
class Scenario:
    people: list[Zoned]
    channel: str  # push, sms, sms_transactional, email
    quiet: tuple[time, time] | None
    local_time: bool
    wall: time
    day_offset: int  # the local-time date: the start's (UTC) date, the day before or after
    start: datetime

    @property
    def day(self) -> date:
        return self.start.date() + timedelta(days=self.day_offset)


def _start(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC) + timedelta(minutes=minutes)


days = st.sampled_from(DST_DAYS) | st.dates(date(2026, 1, 1), date(2027, 12, 31))
scenarios = st.builds(
    Scenario,
    st.lists(
        st.builds(
            Zoned,
            st.sampled_from([*ZONES, None, "Nowhere/Land"]),
            st.sampled_from([*ZONES, None]),
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["push", "sms", "sms_transactional", "email"]),
    st.none() | st.sampled_from([(time(21), time(8)), (time(12), time(14, 30))]),
    st.booleans(),
    st.builds(time, st.integers(0, 23), st.sampled_from([0, 30])),
    st.sampled_from([-1, 0, 1]),
    days.flatmap(lambda d: st.integers(0, 24 * 60 - 1).map(lambda m: _start(d, m))),
)


def own_zone(person: Zoned) -> ZoneInfo:
    """The oracle: the first zone name that exists, profile first, else the app's."""
    for name in (person.profile_zone, person.device_zone):
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return APP_ZONE


def _campaign(ws: Workspace, sc: Scenario, app_id: int) -> int:
    fmt = CampaignFormat(sc.channel.split("_")[0])
    doc: dict[str, object] = {"transactional": sc.channel == "sms_transactional"}
    if not sc.local_time:
        return seed_campaign(ws, app_id, fmt, doc)
    wall = datetime.combine(sc.day, sc.wall)
    campaign_id = seed_campaign(
        ws, app_id, fmt, {**doc, "mode": "local_time", "at": wall.isoformat()}
    )
    with ws.session() as s:
        s.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id)
            .values(
                status=CampaignStatus.SCHEDULED,
                scheduled_at=wall.replace(tzinfo=APP_ZONE).astimezone(UTC),
                scheduled_by=ws.member_id,
            )
        )
    return campaign_id


def _run(ws: Workspace, sc: Scenario, campaign_id: int) -> None:
    """A service on an injected clock: its start check, then claims every step."""
    t = sc.start
    ws.clock = FixedClock(t)
    if not sc.local_time:
        start_send(ws, campaign_id)
    while t < sc.start + HORIZON:
        ws.clock = FixedClock(t)
        with ws.session() as session:
            due = due_campaigns(session, t)
        if campaign_id in due:
            start_send(ws, campaign_id, scheduled=True)
        with ws.engine.begin() as conn:
            held = claims.claim(conn, campaign_id, "w", timedelta(minutes=5), 100, now=t)
            outcomes = [Outcome(r.outbox_id, r.campaign_id, OutboxState.SENT, t) for r in held]
            claims.record_outcomes(conn, "w", outcomes, {r.outbox_id: r.claim_count for r in held})
        t += STEP


def _at(day: date, wall: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, wall).replace(tzinfo=zone).astimezone(UTC)


def _check(sc: Scenario, sent_at: datetime, zone: ZoneInfo) -> None:
    local = sent_at.astimezone(zone).replace(tzinfo=None)
    quiet = DailyWindow(*sc.quiet) if sc.quiet else None
    assert quiet is None or not quiet.contains(local.time()), (local, zone.key)
    if sc.channel == "sms":
        assert sms_allowed(local), (local, zone.key)
    if not sc.local_time:
        return
    assert sent_at >= _at(sc.day, sc.wall, zone), "sent before its time"
    if quiet is None and sc.channel != "sms":  # nothing else moves it: its wall time, a day
        days_on = [sc.day + timedelta(days=k) for k in range(8)]
        assert any(_at(d, sc.wall, zone) <= sent_at < _at(d, sc.wall, zone) + STEP for d in days_on)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sc=scenarios)
def test_clock_rules_hold_in_each_recipients_own_zone_on_every_channel(
    make_workspace: Callable[..., Workspace], sc: Scenario
) -> None:
    ws, n = shared_workspace(make_workspace)
    quiet = (f"{sc.quiet[0]:%H:%M}", f"{sc.quiet[1]:%H:%M}") if sc.quiet else (None, None)
    app_id, ids = seed_zoned_app(ws, sc.people, sc.start, quiet=quiet, project=f"p{n}")
    campaign_id = _campaign(ws, sc, app_id)
    _run(ws, sc, campaign_id)
    with ws.session() as s:
        rows = dict(
            s.execute(
                select(OutboxMessage.profile_id, OutboxMessage.sent_at).where(
                    OutboxMessage.campaign_id == campaign_id,
                    OutboxMessage.state == OutboxState.SENT,
                )
            ).all()
        )
    assert sorted(rows) == sorted(ids), "every row sent, none dropped"
    for pid, person in zip(ids, sc.people, strict=True):
        sent_at = rows[pid] if rows[pid].tzinfo else rows[pid].replace(tzinfo=UTC)
        _check(sc, sent_at, own_zone(person))
