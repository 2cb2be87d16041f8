"""The French marketing SMS hours follow the number: French operators' numbers (metropolitan
and overseas) wait for Monday-Saturday 08:00-20:00 on the recipient's clock, other countries'
numbers only for the app's quiet hours. Both where rows are planned (expansion) and where they
are screened again (the claim).

The fault: every marketing SMS got the French hours, so a British customer's SMS sent on a
Sunday afternoon waited for Monday morning.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.delivery.sms_hours import under_french_sms_hours
from engage_desktop.core.outbox import claims
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignFormat, OutboxMessage
from tests.support.zoned_people import (
    Zoned,
    not_before_by_profile,
    seed_campaign,
    seed_zoned_app,
)

# Sunday 6 December 2026, 11:00 UTC: noon in Paris and London's 11:00, 15:00 on Réunion,
# 06:00 in New York (inside the default quiet hours, 21:00-08:00).
SUNDAY_NOON = datetime(2026, 12, 6, 11, 0, tzinfo=UTC)
PEOPLE = [
    Zoned("Europe/Paris", None, "+33612345678"),
    Zoned("Europe/London", None, "+447700900123"),
    Zoned("Indian/Reunion", None, "+262692123456"),
    Zoned("America/New_York", None, "+12125550123"),
]
EXPECTED = [
    datetime(2026, 12, 7, 7, 0, tzinfo=UTC),  # Monday 08:00 in Paris
    SUNDAY_NOON,  # a British number: no French SMS hours
    datetime(2026, 12, 7, 4, 0, tzinfo=UTC),  # Monday 08:00 on Réunion (UTC+4)
    datetime(2026, 12, 6, 13, 0, tzinfo=UTC),  # the end of quiet hours in New York
]


@pytest.mark.parametrize(
    ("number", "bound"),
    [
        ("+33612345678", True),
        ("+262692123456", True),  # Réunion and Mayotte
        ("+590690123456", True),  # Guadeloupe
        ("+596696123456", True),  # Martinique
        ("+594694123456", True),  # French Guiana
        ("+508551234", True),  # Saint-Pierre-et-Miquelon
        (None, True),  # no number to read: the safe side
        ("+447700900123", False),
        ("+3225551234", False),  # Belgium, not a French prefix though it starts with +3
        ("+12125550123", False),
    ],
)
def test_the_rule_binds_french_operators_numbers(number: str | None, bound: bool) -> None:
    assert under_french_sms_hours(number) is bound


def test_expansion_gives_the_french_hours_to_french_numbers_only(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    ws.clock = FixedClock(SUNDAY_NOON)
    app_id, ids = seed_zoned_app(ws, PEOPLE, SUNDAY_NOON)
    campaign_id = seed_campaign(ws, app_id, CampaignFormat.SMS)
    result = start_send(ws, campaign_id)
    assert result.queued == 4 and result.deferred_quiet == 1  # New York, before 08:00
    assert result.deferred_sms_hours == 2  # a Sunday in Paris and on Réunion
    planned = not_before_by_profile(ws, campaign_id)
    assert [planned[pid] for pid in ids] == EXPECTED


def test_the_claim_screen_gives_the_french_hours_to_french_numbers_only(
    make_workspace: Callable[..., Workspace],
) -> None:
    """Rows made due early (a late service, a planning of the past) are screened again."""
    ws = make_workspace()
    ws.clock = FixedClock(SUNDAY_NOON)
    app_id, ids = seed_zoned_app(ws, PEOPLE, SUNDAY_NOON)
    campaign_id = seed_campaign(ws, app_id, CampaignFormat.SMS)
    start_send(ws, campaign_id)
    with ws.engine.begin() as conn:
        conn.execute(
            update(OutboxMessage)
            .where(OutboxMessage.campaign_id == campaign_id)
            .values(not_before=SUNDAY_NOON - timedelta(minutes=1))
        )
        held = claims.claim(conn, campaign_id, "w", timedelta(minutes=5), 100, now=SUNDAY_NOON)
    assert [r.profile_id for r in held] == [ids[1]]
    planned = not_before_by_profile(ws, campaign_id)
    deferred = (0, 2, 3)  # the British row was claimed: it keeps its time
    assert [planned[ids[i]] for i in deferred] == [EXPECTED[i] for i in deferred]
