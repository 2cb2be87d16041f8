"""The one send summary every path shows before sending: counted, described, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from engage_desktop.core.outbox.confirmation import send_summary, summary_lines
from engage_desktop.core.scheduling.schedule import schedule
from engage_desktop.core.scheduling.when import ScheduleChoice, Timing, choice
from engage_desktop.core.segments.saved import create_segment, refresh_segment
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.models import Campaign, MemberRole, OutboxMessage, Role
from tests.support.sending import seed_app, seed_campaign

AT = datetime(2099, 12, 15, 9, 0, tzinfo=UTC)


def test_a_scheduled_campaign_says_who_who_not_where_and_when(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 4, no_consent=1, no_token=2)
    campaign_id = seed_campaign(ws, app_id)
    segment_id = create_segment(
        ws, app_id, "Tous", {"version": 1, "rules": {"type": "sample", "percent": 100}}
    )
    refresh_segment(ws, segment_id)  # a send reads the membership snapshot
    with ws.session() as session:
        session.execute(update(Campaign).values(segment_id=segment_id))
        schedule(
            session,
            ws.member_id,
            campaign_id,
            ScheduleChoice(AT, "America/Montreal"),
            ws.clock.now(),
        )
    summary = send_summary(ws, campaign_id)
    assert (summary.recipients, dict(summary.suppressed)) == (
        4,
        {"no_push_consent": 1, "no_token": 2},
    )
    assert (summary.channel, summary.segment, summary.app_name) == (
        "push",
        "Tous",
        "App demo-project",
    )
    assert (summary.scheduled_at, summary.schedule_zone, summary.local_time) == (
        AT,
        "America/Montreal",
        False,
    )
    lines = summary_lines(summary)
    assert lines[1:6] == [
        "  channel:    push",
        "  audience:   Tous",
        "  recipients: 4 device(s)",
        "  not sent:   3 (no_push_consent 1, no_token 2)",
        "  when:       now, instead of its scheduled time 2099-12-15T09:00:00+00:00",
    ]
    assert lines[6:] == [
        f"  estimated end: {summary.delivery.estimated_end.astimezone(ZoneInfo('Europe/Paris')):%Y-%m-%d %H:%M} (Europe/Paris)"
    ]  # type: ignore[union-attr]
    with ws.session() as session:  # counting wrote nothing
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_only_who_may_send_sees_the_summary(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 2))
    with ws.session() as session:
        session.execute(update(MemberRole).values(role=Role.ANALYST))
    with pytest.raises(PermissionDenied):
        send_summary(ws, campaign_id)


def test_a_local_time_campaign_sent_by_hand_goes_on_each_recipients_clock(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 2))
    with ws.session() as session:
        chosen = ScheduleChoice(
            AT.astimezone(ZoneInfo("Europe/Paris")), "Europe/Paris", Timing.LOCAL_TIME
        )
        schedule(session, ws.member_id, campaign_id, chosen, ws.clock.now())
    lines = summary_lines(send_summary(ws, campaign_id))
    assert (
        "  when:       at its time on each recipient's clock (where it has passed: the next day)"
        in lines
    )
    assert any(line.startswith("  first send: 2099-12-15 10:00 (Europe/Paris)") for line in lines)


def test_a_best_hour_campaign_sent_by_hand_goes_at_each_recipients_best_hour(
    make_workspace: Callable[..., Workspace],
) -> None:
    """Fault: the confirmation said a best-hour campaign went "now"."""
    ws = make_workspace()
    campaign_id = seed_campaign(ws, seed_app(ws, 2))
    with ws.session() as session:
        chosen = choice(AT, "Asia/Tokyo", ws.clock.now(), Timing.BEST_HOUR)
        schedule(session, ws.member_id, campaign_id, chosen, ws.clock.now())
    summary = send_summary(ws, campaign_id)
    assert (summary.best_hour, summary.local_time) == (True, False)
    lines = summary_lines(summary)
    assert (
        "  when:       on 2099-12-15 at each recipient's best hour on their own clock (their "
        "opens, else the app's best hour; where it has passed: the next day)"
    ) in lines
    assert not any("now" in line for line in lines if line.startswith("  when:"))
