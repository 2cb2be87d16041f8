"""A scheduled send is checked again when it fires: the scheduler must still be allowed to send."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.apps.manage import add_app
from engage_desktop.core.campaigns.edit import save_draft, schedule_campaign
from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.outbox.expand import SendError, start_send
from engage_desktop.core.team import add_member, grant, revoke
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import (
    AuditEntry,
    Campaign,
    CampaignStatus,
    Member,
    OutboxMessage,
    Role,
)


def _scheduled_by_camille(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, int, int]:
    ws = make_workspace()
    app = add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    add_member(ws, app, "camille", Role.MARKETER)
    with ws.session() as s:
        camille = s.scalar(select(Member.id).where(Member.login == "camille"))
    assert camille is not None
    content = {"title": "Soldes", "body": "-30 %"}
    draft = CampaignDraft(app, "Soldes", variants=(Variant("A", 1.0, content),))
    with ws.session() as s:
        campaign = save_draft(s, camille, draft)
        schedule_campaign(s, camille, campaign, ws.clock.now())
    return ws, app, campaign


def test_a_scheduler_who_lost_the_send_right_does_not_send(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws, app, campaign = _scheduled_by_camille(make_workspace)
    grant(ws, app, "camille", Role.ANALYST)
    with pytest.raises(SendError) as caught:
        start_send(ws, campaign, scheduled=True)
    assert caught.value.code == "scheduler_lost_right"
    assert str(caught.value).startswith(f"Campaign {campaign} was scheduled by camille, who may")
    revoke(ws, app, "camille")
    with pytest.raises(SendError, match="scheduled by camille"):
        start_send(ws, campaign, scheduled=True)
    with ws.session() as s:
        assert s.get(Campaign, campaign).status is CampaignStatus.SCHEDULED  # type: ignore[union-attr]
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == 0


def test_a_scheduler_still_allowed_sends_under_their_name(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws, _app, campaign = _scheduled_by_camille(make_workspace)
    start_send(ws, campaign, scheduled=True)
    with ws.session() as s:
        row = s.get(Campaign, campaign)
        assert row is not None and row.status is CampaignStatus.SENDING
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "campaign.send")).one()
        assert entry.member_id == row.scheduled_by
