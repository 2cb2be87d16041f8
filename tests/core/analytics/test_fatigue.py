"""Fatigue: opt-out rate per messages received in a week, against hand figures."""

from __future__ import annotations

from datetime import date, timedelta

from engage_desktop.core.analytics.cached import app_fatigue
from engage_desktop.core.analytics.fatigue import FatigueBucket, bucket_of
from engage_desktop.store.models import OutboxMessage, OutboxState
from tests.support.analytics_workspace import T0, Small

NOV = date(2026, 11, 2)  # T0's Monday
JUL = date(2026, 7, 6)


def test_person_weeks_per_messages_received_and_their_opt_outs(small: Small) -> None:
    got = app_fatigue(small.ws, small.app_id)
    # Nov week: p1, p2, p3, p6 one message each, p7 two (two phones); p3 opted out.
    # Jul week: p2 and p10 one each.
    assert got.weekly == {JUL: {1: [2, 0]}, NOV: {1: [4, 1], 2: [1, 0]}}
    buckets = got.buckets(date(2026, 1, 1), date(2026, 12, 31))
    assert buckets[:2] == [FatigueBucket(1, 1, 6, 1), FatigueBucket(2, 2, 1, 0)]
    assert [(b.low, b.high, b.people_weeks) for b in buckets[2:]] == [
        (3, 3, 0),
        (4, 4, 0),
        (5, 6, 0),
        (7, None, 0),
    ]
    assert buckets[0].rate == 1 / 6 and buckets[2].rate is None
    assert got.buckets(NOV, NOV)[0] == FatigueBucket(1, 1, 4, 1)
    assert all(b.people_weeks == 0 for b in got.buckets(NOV, JUL))  # an empty range


def test_nine_messages_in_a_week_fall_in_the_last_bucket(small: Small) -> None:
    with small.ws.session() as s:
        for i in range(8):  # p10 gets eight more in the Sunday of T0's week: nine that week
            s.add(
                OutboxMessage(
                    campaign_id=small.soldes,
                    app_id=small.app_id,
                    profile_id=small.profiles[10],
                    channel="push",
                    variant_key="A",
                    message_id=f"extra-{i}",
                    state=OutboxState.SENT,
                    created_at=T0,
                    sent_at=T0 + timedelta(days=6, hours=9),  # Sunday 23:00 UTC
                )
            )
        s.add(
            OutboxMessage(
                campaign_id=small.soldes,
                app_id=small.app_id,
                profile_id=small.profiles[10],
                channel="push",
                message_id="next-monday",
                state=OutboxState.SENT,
                created_at=T0,
                sent_at=T0 + timedelta(days=7),  # the next week
            )
        )
    got = app_fatigue(small.ws, small.app_id)
    assert got.weekly[NOV][7] == [1, 0]
    assert got.weekly[NOV + timedelta(days=7)] == {1: [1, 0]}
    assert [bucket_of(n) for n in (1, 4, 5, 6, 7, 30)] == [1, 4, 5, 5, 7, 7]
