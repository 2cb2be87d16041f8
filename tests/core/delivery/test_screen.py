"""The delivery rules hold end to end on a real SQLite workspace: the expansion plans, the
claim screens (``core.delivery.screen``) and a simulated sender marks claimed rows sent at the
injected time. Over random audiences, zones, consents, opt-outs after queueing, histories of
other campaigns, caps, quiet hours, control shares and clocks:

- nothing is sent without consent at the moment it leaves (an opt-out after the row was queued
  suppresses it at the next claim, reason ``no_push_consent``);
- nothing leaves inside the recipient's quiet hours, and deferred rows are not dropped;
- no person gets more campaigns in a day or a week than the caps allow;
- the control group is never sent, and every row records its variant, the same per person;
- every row ends sent or suppressed with a reason, and the reasons add up to the audience.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select, update

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.delivery.ab import in_control, variant_for
from engage_desktop.core.delivery.daily_window import DailyWindow
from engage_desktop.core.delivery.windows import first_allowed
from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.claims import Outcome
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignFormat,
    CampaignVariant,
    Consent,
    DeliveryRules,
    Device,
    MemberRole,
    OutboxMessage,
    OutboxState,
    Profile,
    Role,
)
from tests.support.hypothesis_workspace import shared_workspace

ZONES = ["Europe/Paris", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", None]
OUTBOX = OutboxMessage.metadata.tables["outbox_message"]


@dataclass(frozen=True)
class Person:
    zone: str | None
    consent: bool
    opt_out_after_hours: int | None  # withdraws consent this long after the send started
    devices: int
    history_day: int  # other campaigns sent to them in the last 24 h
    history_week: int  # … and 2-6 days ago


people = st.builds(
    Person,
    st.sampled_from(ZONES),
    st.booleans(),
    st.none() | st.integers(0, 30),
    st.integers(1, 2),
    st.integers(0, 3),
    st.integers(0, 3),
)
quiet_windows = st.none() | st.sampled_from(
    [
        DailyWindow(datetime(1, 1, 1, 21).time(), datetime(1, 1, 1, 8).time()),
        DailyWindow(datetime(1, 1, 1, 12).time(), datetime(1, 1, 1, 14, 30).time()),
    ]
)


@dataclass(frozen=True)
class Scenario:
    people: list[Person]
    quiet: DailyWindow | None
    cap_day: int
    cap_week: int
    control: float
    weights: list[float]
    start: datetime


scenarios = st.builds(
    Scenario,
    st.lists(people, min_size=1, max_size=12),
    quiet_windows,
    st.integers(1, 3),
    st.integers(2, 6),
    st.sampled_from([0.0, 0.3]),
    st.sampled_from([[1.0], [1.0, 1.0], [1.0, 3.0]]),
    st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
    ),
)


def _build(ws: Workspace, sc: Scenario, n: int) -> tuple[int, int, dict[int, Person]]:
    """An app, its people and their history; returns (app, campaign, profile → person)."""
    with ws.session() as s:
        app = App(name=f"App {n}", firebase_project_id=f"project-{n}", time_zone="Europe/Paris")
        s.add(app)
        s.flush()
        s.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        s.add(
            DeliveryRules(
                app_id=app.id,
                quiet_start=f"{sc.quiet.start:%H:%M}" if sc.quiet else None,
                quiet_end=f"{sc.quiet.end:%H:%M}" if sc.quiet else None,
                caps={"push": {"day": sc.cap_day, "week": sc.cap_week}},
            )
        )
        campaign = Campaign(app_id=app.id, name="Soldes", format=CampaignFormat.PUSH)
        campaign.control_share = sc.control
        for i, w in enumerate(sc.weights):
            campaign.variants.append(
                CampaignVariant(key="AB"[i], weight=w, content={"title": "Soldes", "body": "-50 %"})
            )
        s.add(campaign)
        past = Campaign(app_id=app.id, name="Avant", format=CampaignFormat.PUSH)
        s.add(past)
        s.flush()
        app_id, campaign_id = app.id, campaign.id
        olds = [
            Campaign(app_id=app_id, name=f"old{k}", format=CampaignFormat.PUSH) for k in range(6)
        ]
        s.add_all(olds)
        s.flush()
        old_ids = [c.id for c in olds]
    base = app_id * 100_000
    persons: dict[int, Person] = {}
    with ws.engine.begin() as conn:
        for i, person in enumerate(sc.people):
            pid = base + i + 1
            persons[pid] = person
            conn.execute(
                insert(Profile),
                [
                    {
                        "id": pid,
                        "app_id": app_id,
                        "external_id": f"u{pid}",
                        "time_zone": person.zone,
                        "attributes": {},
                    }
                ],
            )
            for d in range(person.devices):
                conn.execute(
                    insert(Device),
                    [
                        {
                            "id": pid * 10 + d,
                            "app_id": app_id,
                            "profile_id": pid,
                            "fcm_token": f"tok{pid}-{d}",
                            "platform": "android",
                            "push_enabled": True,
                        }
                    ],
                )
            conn.execute(
                insert(Consent),
                [
                    {
                        "profile_id": pid,
                        "channel": "push",
                        "state": "granted" if person.consent else "denied",
                        "changed_at": sc.start,
                    }
                ],
            )
            history = [sc.start - timedelta(hours=2 + k) for k in range(person.history_day)]
            history += [sc.start - timedelta(days=2 + k) for k in range(person.history_week)]
            for k, sent_at in enumerate(history):
                conn.execute(
                    insert(OutboxMessage),
                    [
                        {
                            "campaign_id": old_ids[k],
                            "app_id": app_id,
                            "profile_id": pid,
                            "device_id": pid * 10,
                            "channel": "push",
                            "message_id": f"old-{pid}-{k}",
                            "state": "sent",
                            "sent_at": sent_at,
                            "created_at": sent_at,
                        }
                    ],
                )
    return app_id, campaign_id, persons


def _run_sender(ws: Workspace, sc: Scenario, campaign_id: int, persons: dict[int, Person]) -> None:
    """Claim every 20 minutes of injected time for four days; opt-outs happen on the way."""
    t = sc.start
    end = sc.start + timedelta(days=4)
    while t < end:
        with ws.engine.begin() as conn:
            for pid, person in persons.items():
                hours = person.opt_out_after_hours
                if hours is not None and sc.start + timedelta(hours=hours) <= t:
                    conn.execute(
                        update(Consent).where(Consent.profile_id == pid).values(state="denied")
                    )
            held = claims.claim(conn, campaign_id, "w", timedelta(minutes=5), 1000, now=t)
            outcomes = [Outcome(r.outbox_id, r.campaign_id, OutboxState.SENT, t) for r in held]
            claims.record_outcomes(conn, "w", outcomes, {r.outbox_id: r.claim_count for r in held})
        t += timedelta(minutes=20)


def _check(ws: Workspace, sc: Scenario, campaign_id: int, persons: dict[int, Person]) -> None:
    with ws.session() as s:
        rows = s.execute(
            select(
                OUTBOX.c.profile_id,
                OUTBOX.c.state,
                OUTBOX.c.suppression_reason,
                OUTBOX.c.sent_at,
                OUTBOX.c.variant_key,
            ).where(OUTBOX.c.campaign_id == campaign_id)
        ).all()
    keys = [("AB"[i], w) for i, w in enumerate(sc.weights)]
    assert len(rows) == sum(p.devices for p in persons.values())  # every device has its row
    for pid, state, reason, sent_at, variant in rows:
        person = persons[pid]
        assert variant == variant_for(pid, campaign_id, keys)  # recorded, stable per person
        assert state in (OutboxState.SENT, OutboxState.SUPPRESSED), (state, reason)
        if state == OutboxState.SUPPRESSED:
            assert reason
            continue
        assert not in_control(pid, campaign_id, sc.control)  # control never sent
        assert person.consent
        if person.opt_out_after_hours is not None:
            assert sent_at < sc.start + timedelta(hours=person.opt_out_after_hours)
        zone = ZoneInfo(person.zone or "Europe/Paris")
        assert first_allowed(sent_at, zone, sc.quiet, False) == sent_at  # not in quiet hours
        day = person.history_day
        week = person.history_day + person.history_week
        assert day < sc.cap_day and week < sc.cap_week  # the cap had room
    sent_people = {pid for pid, state, *_ in rows if state == OutboxState.SENT}
    for pid, person in persons.items():
        reachable = (
            person.consent
            and person.opt_out_after_hours is None
            and not in_control(pid, campaign_id, sc.control)
            and person.history_day < sc.cap_day
            and person.history_day + person.history_week < sc.cap_week
        )
        if reachable:
            assert pid in sent_people  # deferred by quiet hours, never dropped


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sc=scenarios)
def test_rules_hold_over_random_audiences_schedules_and_histories(
    make_workspace: Callable[..., Workspace], sc: Scenario
) -> None:
    ws, n = shared_workspace(make_workspace)
    ws.clock = FixedClock(sc.start)
    _app, campaign_id, persons = _build(ws, sc, n)
    start_send(ws, campaign_id)
    _run_sender(ws, sc, campaign_id, persons)
    _check(ws, sc, campaign_id, persons)
