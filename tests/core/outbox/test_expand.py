"""Expanding a campaign into outbox rows, without network: which devices are sendable, the send
confirmation's numbers (``audience_summary``), and who may send."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select, update

from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.expand import (
    SendError,
    audience_summary,
    start_send,
    suppression_reason,
)
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.store.models import MemberRole, OutboxMessage, Role
from tests.support.sending import seed_app, seed_campaign


@given(
    token=st.one_of(st.none(), st.text(max_size=20)),
    invalid=st.booleans(),
    push=st.booleans(),
    consent=st.sampled_from([None, "granted", "denied", "unknown"]),
)
def test_a_device_is_sendable_only_with_everything_in_place(
    token: str | None, invalid: bool, push: bool, consent: str | None
) -> None:
    at = datetime(2026, 1, 1, tzinfo=UTC) if invalid else None
    reason = suppression_reason(token, at, push, consent)
    assert (reason is None) == (bool(token) and not invalid and push and consent == "granted")


def test_analyst_cannot_send_and_nothing_is_written(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    campaign_id = seed_campaign(ws, app_id)
    with ws.session() as s:
        role = s.query(MemberRole).filter_by(member_id=ws.member_id, app_id=app_id).one()
        role.role = Role.ANALYST
    with pytest.raises(PermissionDenied):
        start_send(ws, campaign_id)
    with ws.session() as s:
        assert control.campaign_progress(s, campaign_id, ws.clock.now()).total == 0


def test_summary_counts_what_the_send_then_queues_and_writes_nothing(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 30, no_consent=4, push_off=3, no_token=2, invalidated=1)
    campaign_id = seed_campaign(ws, app_id)
    summary = audience_summary(ws, campaign_id)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    sent = start_send(ws, campaign_id)
    assert (summary.queued, summary.suppressed) == (sent.queued, sent.suppressed)
    assert summary.queued == 30 and summary.total == 40


def test_summary_needs_the_send_permission_and_a_sendable_campaign(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    with pytest.raises(SendError) as caught:
        audience_summary(ws, campaign_id)
    assert caught.value.code == "wrong_status"
    with ws.session() as s:
        s.execute(update(MemberRole).values(role=Role.ANALYST))
    with pytest.raises(PermissionDenied):
        audience_summary(ws, campaign_id)
