""" "Retry failed": failed rows go again with their own message id; nothing delivered is resent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from engage_desktop.core.outbox.control import campaign_progress
from engage_desktop.core.outbox.expand import SendError, start_send
from engage_desktop.core.outbox.retry import retry_failed
from engage_desktop.core.outbox.trial import queue_test_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.store.models import (
    AuditEntry,
    Campaign,
    CampaignFormat,
    CampaignStatus,
    Channel,
    Consent,
    Device,
    MemberRole,
    OutboxMessage,
    OutboxState,
    Profile,
    Role,
)
from tests.support.contacts import seed_channel_campaign, seed_people
from tests.support.sending import seed_app, seed_campaign

WHEN = datetime(2026, 12, 1, tzinfo=UTC)


def _sent_with_failures(ws: Workspace, devices: int, failed: int) -> tuple[int, list[int]]:
    """A completed campaign: the first ``failed`` rows failed for good, the rest were sent."""
    app_id = seed_app(ws, devices)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    with ws.session() as s:
        ids = list(
            s.scalars(
                select(OutboxMessage.id)
                .where(OutboxMessage.campaign_id == campaign_id)
                .order_by(OutboxMessage.id)
            )
        )
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids[:failed]))
            .values(
                state=OutboxState.FAILED,
                attempts=8,
                error_code="UNAVAILABLE",
                error_message="The service is currently unavailable.",
            )
        )
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids[failed:]))
            .values(state=OutboxState.SENT, attempts=1, sent_at=WHEN)
        )
        s.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id)
            .values(status=CampaignStatus.COMPLETED, finished_at=WHEN)
        )
    return campaign_id, ids


def _rows(ws: Workspace, campaign_id: int) -> dict[int, tuple[OutboxState, str, int, str | None]]:
    with ws.session() as s:
        return {
            r.id: (r.state, r.message_id, r.attempts, r.error_code)
            for r in s.scalars(
                select(OutboxMessage).where(OutboxMessage.campaign_id == campaign_id)
            )
        }


def test_only_failed_rows_are_queued_again_with_their_own_ids(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id, ids = _sent_with_failures(ws, 10, 3)
    before = _rows(ws, campaign_id)
    result = retry_failed(ws, campaign_id)
    assert (result.queued, result.kept) == (3, {})
    after = _rows(ws, campaign_id)
    for outbox_id in ids[:3]:
        assert after[outbox_id] == (OutboxState.QUEUED, before[outbox_id][1], 0, None)
    for outbox_id in ids[3:]:
        assert after[outbox_id] == before[outbox_id]  # delivered: untouched, not resent
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None
        assert (campaign.status, campaign.finished_at) == (CampaignStatus.SENDING, None)
        progress = campaign_progress(s, ws.member_id, campaign_id, ws.clock.now())
        assert (progress.queued, progress.sent, progress.failed) == (3, 7, 0)
        audit = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "campaign.retry_failed")
        ).one()
        assert audit.target == f"campaign:{campaign_id}"
        assert audit.details == {"queued": 3, "kept_failed": {}}


def test_devices_that_can_no_longer_receive_stay_failed_by_reason(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id, ids = _sent_with_failures(ws, 6, 4)
    with ws.session() as s:
        rows = {r.id: r for r in s.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(ids)))}
        s.execute(
            update(Device)
            .where(Device.id == rows[ids[0]].device_id)
            .values(token_invalidated_at=WHEN)
        )
        s.execute(
            update(Consent)
            .where(Consent.profile_id == rows[ids[1]].profile_id)
            .values(state="denied")
        )
        s.execute(
            update(Device).where(Device.id == rows[ids[2]].device_id).values(fcm_token="new-token")
        )
    result = retry_failed(ws, campaign_id)
    assert result.queued == 2
    assert result.kept == {"token_invalidated": 1, "no_push_consent": 1}
    with ws.session() as s:
        refreshed = s.get(OutboxMessage, ids[2])
        assert refreshed is not None
        assert (refreshed.state, refreshed.address) == (OutboxState.QUEUED, "new-token")
        assert s.get(OutboxMessage, ids[0]).state == OutboxState.FAILED  # type: ignore[union-attr]


def test_test_send_rows_are_not_part_of_a_campaign_retry(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id, _ids = _sent_with_failures(ws, 4, 1)
    with ws.session() as s:
        s.execute(update(Device).values(is_test=True))
    trial = queue_test_send(ws, campaign_id)
    with ws.session() as s:
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.message_id.in_([t.message_id for t in trial]))
            .values(state=OutboxState.FAILED)
        )
    assert retry_failed(ws, campaign_id).queued == 1


def test_an_analyst_cannot_retry_and_nothing_changes(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id, _ids = _sent_with_failures(ws, 4, 2)
    before = _rows(ws, campaign_id)
    with ws.session() as s:
        role = s.scalars(select(MemberRole).where(MemberRole.member_id == ws.member_id)).one()
        role.role = Role.ANALYST
    with pytest.raises(PermissionDenied):
        retry_failed(ws, campaign_id)
    assert _rows(ws, campaign_id) == before


def test_a_campaign_never_sent_has_nothing_to_retry(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 2)
    campaign_id = seed_campaign(ws, app_id)
    with pytest.raises(SendError) as raised:
        retry_failed(ws, campaign_id)
    assert raised.value.code == "wrong_status"


def test_a_paused_campaign_stays_paused_with_its_failed_rows_queued(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    campaign_id, _ids = _sent_with_failures(ws, 5, 2)
    with ws.session() as s:
        s.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id)
            .values(status=CampaignStatus.PAUSED, status_reason="paused by a user")
        )
    assert retry_failed(ws, campaign_id).queued == 2
    with ws.session() as s:
        campaign = s.get(Campaign, campaign_id)
        assert campaign is not None and campaign.status == CampaignStatus.PAUSED


def test_failed_sms_go_again_to_people_who_still_consent_at_today_s_number(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_people(
        ws,
        [("+33600000001", None, True), ("+33600000002", None, True), ("+33600000003", None, True)],
    )
    campaign_id = seed_channel_campaign(ws, app_id, CampaignFormat.SMS, {"body": "Promo"})
    start_send(ws, campaign_id)
    first, second, third = (app_id * 1_000_000 + i for i in (1, 2, 3))
    with ws.session() as s:
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.campaign_id == campaign_id)
            .values(state=OutboxState.FAILED, error_code="TTL_EXPIRED")
        )
        s.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id)
            .values(status=CampaignStatus.COMPLETED, started_at=WHEN)
        )
        s.get(Consent, (second, Channel.SMS)).state = "denied"  # type: ignore[union-attr]
        s.get(Profile, third).phone = "+33611111111"  # type: ignore[union-attr]
    result = retry_failed(ws, campaign_id)
    assert (result.queued, result.kept) == (2, {"no_sms_consent": 1})
    with ws.session() as s:
        rows = {r.profile_id: r for r in s.scalars(select(OutboxMessage))}
    assert rows[first].state is OutboxState.QUEUED and rows[first].address == "+33600000001"
    assert rows[third].address == "+33611111111"  # today's number
    assert rows[second].state is OutboxState.FAILED
