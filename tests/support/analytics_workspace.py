"""A small fixed workspace whose analytics are worked out by hand in the analytics tests.

Campaign "Soldes" (push, A/B, control group), sent Monday 2 November 2026 at 14:00 UTC (T0):

    profile  tz                 group    outbox rows                      engagement              purchase
    p1       Europe/Paris       A        sent                             delivered, opened +2h,  T0+1h
                                                                          converted +1d
    p2       Europe/Paris       A        sent                             delivered, conv. +10d
    p3       America/New_York   A        sent                             delivered, opt-out +1h
    p4       -                  A        failed
    p5       -                  A        suppressed no_push_consent
    p6       America/New_York   B        sent                             delivered, opened +3h,  T0+8d
                                                                          converted +3h
    p7       Europe/Paris       B        sent ×2 (two phones)             delivered ×2
    p8       Europe/Paris       control  suppressed control_group (A)     converted +2d (control) T0+2d
    p9       -                  control  suppressed control_group (B)                             T0-100s

Campaign "Été" (push, one variant), sent Monday 6 July 2026 at 09:00 UTC: p2 and p10 (no time
zone) sent, opened at 10:00 UTC (p2) and 10:30 UTC (p10). A draft campaign has no outbox.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    App,
    Campaign,
    CampaignFormat,
    CampaignStatus,
    CampaignVariant,
    Channel,
    EngagementEvent,
    EngagementKind,
    Event,
    EventName,
    OutboxMessage,
    OutboxState,
    Profile,
    Role,
)
from tests.support.apps import add_app

T0 = datetime(2026, 11, 2, 14, tzinfo=UTC)
SUMMER = datetime(2026, 7, 6, 9, tzinfo=UTC)
NOW = datetime(2026, 11, 20, 8, tzinfo=UTC)
ZONES = {
    1: "Europe/Paris",
    2: "Europe/Paris",
    3: "America/New_York",
    6: "America/New_York",
    7: "Europe/Paris",
    8: "Europe/Paris",
}


@dataclass(frozen=True)
class Small:
    ws: Workspace
    app_id: int
    soldes: int
    summer: int
    draft: int
    profiles: dict[int, int]  # p-number → profile id


def build_small(workspace: Workspace, role: Role | None = Role.ANALYST) -> Small:
    """Fill an empty workspace with the rows above, the current member having ``role`` on the
    app; the returned workspace's clock reads ``NOW``."""
    ws = replace(workspace, clock=FixedClock(NOW))
    app_id = add_app(ws, "Boutique", role)
    with ws.session() as s:
        app = s.get_one(App, app_id)
        people = {
            n: Profile(app_id=app.id, external_id=f"p{n}", time_zone=ZONES.get(n))
            for n in range(1, 11)
        }
        s.add_all(people.values())
        soldes = _campaign(s, app.id, "Soldes", T0, ["A", "B"], 0.2)
        summer = _campaign(s, app.id, "Été", SUMMER, ["A"], 0.0)
        draft = Campaign(app_id=app.id, name="Brouillon", format=CampaignFormat.PUSH)
        s.add(draft)
        s.flush()
        pid = {n: p.id for n, p in people.items()}
        _soldes_rows(s, app.id, soldes, pid)
        _summer_rows(s, app.id, summer, pid)
        purchase = EventName(app_id=app.id, name="purchase")
        s.add_all([purchase, EventName(app_id=app.id, name="never_happens")])
        s.flush()
        for n, when in (
            (1, T0 + timedelta(hours=1)),
            (6, T0 + timedelta(days=8)),
            (8, T0 + timedelta(days=2)),
            (9, T0 - timedelta(seconds=100)),
        ):
            s.add(Event(profile_id=pid[n], name_id=purchase.id, ts=int(when.timestamp())))
        ids = (app.id, soldes, summer, draft.id)
    return Small(ws, ids[0], ids[1], ids[2], ids[3], pid)


def _campaign(s, app_id: int, name: str, at: datetime, keys: list[str], control: float) -> int:  # type: ignore[no-untyped-def]
    c = Campaign(
        app_id=app_id,
        name=name,
        format=CampaignFormat.PUSH,
        status=CampaignStatus.COMPLETED,
        control_share=control,
        started_at=at,
        finished_at=at + timedelta(minutes=30),
    )
    c.variants = [CampaignVariant(key=k, content={"title": name}) for k in keys]
    s.add(c)
    s.flush()
    return c.id


def _outbox(
    s,
    app_id: int,
    campaign: int,
    profile: int,
    key: str,
    state: OutboxState,  # type: ignore[no-untyped-def]
    at: datetime,
    reason: str | None = None,
    tag: str = "",
) -> str:
    mid = f"m-{campaign}-{profile}{tag}"
    s.add(
        OutboxMessage(
            campaign_id=campaign,
            app_id=app_id,
            profile_id=profile,
            channel=Channel.PUSH,
            variant_key=key,
            message_id=mid,
            state=state,
            suppression_reason=reason,
            created_at=at,
            sent_at=at if state == OutboxState.SENT else None,
        )
    )
    return mid


def _engage(
    s,
    campaign: int,
    profile: int,
    mid: str | None,
    key: str,  # type: ignore[no-untyped-def]
    kind: EngagementKind,
    at: datetime,
    control: bool = False,
) -> None:
    s.add(
        EngagementEvent(
            campaign_id=campaign,
            profile_id=profile,
            message_id=mid,
            variant_key=key,
            is_control=control,
            kind=kind,
            at=at,
        )
    )


def _soldes_rows(s, app_id: int, c: int, pid: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    sent, h, d = OutboxState.SENT, timedelta(hours=1), timedelta(days=1)
    m = {n: _outbox(s, app_id, c, pid[n], "A", sent, T0) for n in (1, 2, 3)}
    _outbox(s, app_id, c, pid[4], "A", OutboxState.FAILED, T0)
    _outbox(s, app_id, c, pid[5], "A", OutboxState.SUPPRESSED, T0, "no_push_consent")
    m[6] = _outbox(s, app_id, c, pid[6], "B", sent, T0)
    m[7] = _outbox(s, app_id, c, pid[7], "B", sent, T0, tag="a")
    m[70] = _outbox(s, app_id, c, pid[7], "B", sent, T0 + 60 * h / 3600, tag="b")
    _outbox(s, app_id, c, pid[8], "A", OutboxState.SUPPRESSED, T0, "control_group")
    _outbox(s, app_id, c, pid[9], "B", OutboxState.SUPPRESSED, T0, "control_group")
    for n in (1, 2, 3):
        _engage(s, c, pid[n], m[n], "A", EngagementKind.DELIVERED, T0 + 2 * h / 3600)
    for n, mid in ((6, m[6]), (7, m[7]), (7, m[70])):
        _engage(s, c, pid[n], mid, "B", EngagementKind.DELIVERED, T0 + 2 * h / 3600)
    _engage(s, c, pid[1], m[1], "A", EngagementKind.OPENED, T0 + 2 * h)
    _engage(s, c, pid[1], m[1], "A", EngagementKind.OPENED, T0 + 5 * h)  # opened twice: one message
    _engage(s, c, pid[1], m[1], "A", EngagementKind.CONVERTED, T0 + d)
    _engage(s, c, pid[2], m[2], "A", EngagementKind.CONVERTED, T0 + 10 * d)
    _engage(s, c, pid[3], m[3], "A", EngagementKind.OPTED_OUT, T0 + h)
    _engage(s, c, pid[6], m[6], "B", EngagementKind.OPENED, T0 + 3 * h)
    _engage(s, c, pid[6], m[6], "B", EngagementKind.CONVERTED, T0 + 3 * h)
    _engage(s, c, pid[8], None, "A", EngagementKind.CONVERTED, T0 + 2 * d, control=True)


def _summer_rows(s, app_id: int, c: int, pid: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    for n, minutes in ((2, 60), (10, 90)):
        mid = _outbox(s, app_id, c, pid[n], "A", OutboxState.SENT, SUMMER)
        _engage(s, c, pid[n], mid, "A", EngagementKind.OPENED, SUMMER + timedelta(minutes=minutes))
