"""Campaign use cases on a real SQLite workspace: permissions, audit, scheduling rule, export."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from engage_desktop.core.campaigns import (
    CampaignDraft,
    CampaignError,
    CampaignInvalid,
    CampaignNotFound,
    create_campaign,
    export_campaign,
    get_campaign,
    list_campaigns,
    update_campaign,
)
from engage_desktop.security.roles import PermissionDenied
from engage_desktop.store.models import AuditEntry, CampaignStatus

Team = Any  # the `team` fixture of this folder's conftest.py


def draft_json(**over: Any) -> dict[str, Any]:
    d: dict[str, Any] = {
        "name": "Soldes d'hiver",
        "analytics_label": "soldes-hiver",
        "variants": [
            {"key": "A", "content": {"title": "Soldes !", "body": "-30 %"}},
            {"key": "B", "weight": 2, "content": {"title": "Bonjour {{ first_name }}"}},
        ],
    }
    d.update(over)
    return d


def test_create_get_list_update(team: Team) -> None:
    view = create_campaign(team.admin, team.app_id, CampaignDraft.from_dict(draft_json()))
    assert view.draft.status is CampaignStatus.DRAFT and view.issues == ()
    again = get_campaign(team.admin, view.id)
    assert [v.key for v in again.draft.variants] == ["A", "B"]
    assert again.draft.variants[1].weight == 2.0
    changed = draft_json(name="Soldes v2", variants=[{"key": "B", "content": {"body": "x"}}])
    updated = update_campaign(team.admin, view.id, CampaignDraft.from_dict(changed))
    assert updated.draft.name == "Soldes v2"
    assert [v.key for v in updated.draft.variants] == ["B"]
    rows = list_campaigns(team.analyst, team.app_id)
    assert [(r.name, r.variant_count) for r in rows] == [("Soldes v2", 1)]
    assert list_campaigns(team.admin, team.app_id, CampaignStatus.SCHEDULED) == []
    with team.admin.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == ["campaign.create", "campaign.update"]


def test_draft_with_issues_is_saved_but_cannot_be_scheduled(team: Team) -> None:
    bad = draft_json(variants=[{"key": "A", "content": {"image_url": "http://x"}}])
    view = create_campaign(team.admin, team.app_id, CampaignDraft.from_dict(bad))
    assert {i.field for i in view.issues} == {"variants[A].title", "variants[A].image_url"}
    when = datetime(2026, 12, 1, 9, tzinfo=UTC).isoformat()
    with pytest.raises(CampaignInvalid, match="cannot be scheduled") as info:
        update_campaign(
            team.admin,
            view.id,
            CampaignDraft.from_dict({**bad, "status": "scheduled", "scheduled_at": when}),
        )
    assert "variants[A].image_url" in str(info.value)
    assert get_campaign(team.admin, view.id).draft.status is CampaignStatus.DRAFT
    good = draft_json(status="scheduled", scheduled_at=when)
    scheduled = update_campaign(team.admin, view.id, CampaignDraft.from_dict(good))
    assert scheduled.draft.status is CampaignStatus.SCHEDULED
    with pytest.raises(CampaignInvalid, match="scheduled_at"):
        create_campaign(
            team.admin, team.app_id, CampaignDraft.from_dict(draft_json(status="scheduled"))
        )


def test_analyst_cannot_write_and_nobody_sees_missing(team: Team) -> None:
    with pytest.raises(PermissionDenied, match="edit_campaigns"):
        create_campaign(team.analyst, team.app_id, CampaignDraft.from_dict(draft_json()))
    with pytest.raises(CampaignNotFound, match="42"):
        get_campaign(team.admin, 42)


def test_export_round_trips_into_create(team: Team) -> None:
    view = create_campaign(team.admin, team.app_id, CampaignDraft.from_dict(draft_json()))
    exported = export_campaign(team.admin, view.id)
    copy = create_campaign(team.admin, team.app_id, CampaignDraft.from_dict(exported))
    assert copy.id != view.id and copy.draft == view.draft


@pytest.mark.parametrize(
    ("bad", "needle"),
    [
        ({"name": 1}, "'name'"),
        ({"colour": "red"}, "colour"),
        ({"format": "pigeon"}, "'format'"),
        ({"status": "completed"}, "'status'"),
        ({"scheduled_at": "2026-12-01T09:00"}, "time zone"),
        ({"variants": [{"key": "A"}, {"key": "A"}]}, "unique"),
        ({"variants": [{"key": "A", "weight": 0}]}, "weight"),
        ({"control_share": 1.5}, "control_share"),
    ],
)
def test_bad_campaign_json(bad: dict[str, Any], needle: str) -> None:
    with pytest.raises(CampaignError) as info:
        CampaignDraft.from_dict(draft_json(**bad))
    assert needle in str(info.value)


def test_sent_campaign_cannot_be_edited(team: Team) -> None:
    from engage_desktop.store.models import Campaign

    view = create_campaign(team.admin, team.app_id, CampaignDraft.from_dict(draft_json()))
    with team.admin.session() as session:
        row = session.get(Campaign, view.id)
        assert row is not None
        row.status = CampaignStatus.SENDING
    with pytest.raises(CampaignError, match="sending"):
        update_campaign(team.admin, view.id, CampaignDraft.from_dict(draft_json()))
