"""Archiving finished campaigns (hidden from the default list, shown on demand) and deleting
drafts (nothing else), each audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from engage_desktop.core.campaigns.edit import duplicate, get_draft, save_draft
from engage_desktop.core.campaigns.housekeeping import CampaignKept, delete_draft, set_archived
from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.listing import list_campaigns
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import AuditEntry, Campaign, CampaignStatus, Role
from tests.support.apps import add_app

WHEN = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)


def _campaign(ws: Workspace, app_id: int, name: str, status: CampaignStatus) -> int:
    draft = CampaignDraft(app_id, name, variants=(Variant("A", 1.0, {"body": "x"}),))
    with ws.session() as s:
        cid = save_draft(s, ws.member_id, draft)
        s.execute(update(Campaign).where(Campaign.id == cid).values(status=status))
    return cid


def _names(ws: Workspace, app_id: int, include_archived: bool = False) -> set[str]:
    with ws.session() as s:
        rows = list_campaigns(s, ws.member_id, app_id, include_archived=include_archived)
    return {r.name for r in rows}


def test_only_finished_campaigns_are_archived_and_they_leave_the_default_list(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = add_app(ws, "A", Role.MARKETER)
    ids = {s: _campaign(ws, app_id, s.value, s) for s in CampaignStatus}
    for status, cid in ids.items():
        if status in (CampaignStatus.COMPLETED, CampaignStatus.CANCELLED):
            with ws.session() as s:
                set_archived(s, ws.member_id, cid, WHEN)
            continue
        with pytest.raises(CampaignKept) as err, ws.session() as s:
            set_archived(s, ws.member_id, cid, WHEN)
        assert err.value.code == "not_archivable" and err.value.args_text == (status.value,)
    assert _names(ws, app_id) == {"draft", "scheduled", "sending", "paused"}
    assert _names(ws, app_id, include_archived=True) == {s.value for s in CampaignStatus}
    with ws.session() as s:
        set_archived(s, ws.member_id, ids[CampaignStatus.COMPLETED], WHEN, archived=False)
    assert "completed" in _names(ws, app_id)


def test_only_drafts_are_deleted_and_the_deletion_is_audited(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = add_app(ws, "A", Role.MARKETER)
    draft = _campaign(ws, app_id, "Brouillon", CampaignStatus.DRAFT)
    sent = _campaign(ws, app_id, "Envoyée", CampaignStatus.COMPLETED)
    with pytest.raises(CampaignKept) as err, ws.session() as s:
        delete_draft(s, ws.member_id, sent)
    assert err.value.code == "not_deletable"
    with ws.session() as s:
        assert delete_draft(s, ws.member_id, draft) == "Brouillon"
    with ws.session() as s:
        assert s.get(Campaign, draft) is None and s.get(Campaign, sent) is not None
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.target == f"campaign:{draft}")
        )
        assert "campaign.delete" in set(actions)
        assert s.scalar(select(func.count()).select_from(Campaign)) == 1


def test_duplicate_takes_the_callers_wording_for_the_copy(
    make_workspace: Callable[..., Workspace],
) -> None:
    """The fault: "(copy)" in English in the French GUI. The GUI passes its translation."""
    ws = make_workspace()
    app_id = add_app(ws, "A", Role.MARKETER)
    sent = _campaign(ws, app_id, "Soldes", CampaignStatus.COMPLETED)
    with ws.session() as s:
        copy_id = duplicate(s, ws.member_id, sent, "%1 (copie)")
    with ws.session() as s:
        copy = get_draft(s, ws.member_id, copy_id)
    assert copy.name == "Soldes (copie)" and copy.status == "draft" and not copy.started
