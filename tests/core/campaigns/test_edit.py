"""Campaign use cases: drafts saved and reopened, duplicate, scheduling refused with errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from engage_desktop.core.campaigns.edit import (
    duplicate,
    get_draft,
    latest_drafts,
    save_draft,
    schedule_campaign,
)
from engage_desktop.core.campaigns.model import CampaignDraft, CampaignInputError, Variant
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, Role
from tests.support.apps import add_app


def test_save_reopen_update_duplicate(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = add_app(ws, "A", Role.MARKETER)
    draft = CampaignDraft(
        app_id=app_id,
        name="N",
        variants=(Variant("A", 1.0, {"body": "x"}),),
        sms_max_segments=2,
        schedule={"mode": "now"},
    )
    with ws.session() as s:
        cid = save_draft(s, ws.member_id, draft)
    with ws.session() as s:
        back = get_draft(s, ws.member_id, cid)
    assert back.variants[0].content == {"body": "x"} and back.sms_max_segments == 2
    changed = CampaignDraft.from_dict(
        {**back.to_dict(), "variants": [{"key": "B", "content": {"body": "y"}}]}
    )
    with ws.session() as s:
        save_draft(s, ws.member_id, changed)
    with ws.session() as s:
        assert [v.key for v in get_draft(s, ws.member_id, cid).variants] == ["B"]
        copy_id = duplicate(s, ws.member_id, cid)
    with ws.session() as s:
        assert get_draft(s, ws.member_id, copy_id).name == "N (copy)"
        assert {d.id for d in latest_drafts(s, ws.member_id, app_id)} == {cid, copy_id}


def test_schedule_refused_while_invalid(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = add_app(ws, "A", Role.MARKETER)
    with ws.session() as s:
        cid = save_draft(
            s,
            ws.member_id,
            CampaignDraft(app_id=app_id, name="N", variants=(Variant("A", 1.0, {}),)),
        )
    with pytest.raises(CampaignInputError, match=r"A\.body"), ws.session() as s:
        schedule_campaign(s, ws.member_id, cid, None)
    with ws.session() as s:
        fixed = CampaignDraft(
            app_id=app_id, name="N", id=cid, variants=(Variant("A", 1.0, {"body": "ok"}),)
        )
        save_draft(s, ws.member_id, fixed)
        schedule_campaign(s, ws.member_id, cid, datetime(2030, 1, 1, tzinfo=UTC))
    with ws.session() as s:
        assert s.get(Campaign, cid).status is CampaignStatus.SCHEDULED  # type: ignore[union-attr]


def test_from_dict_names_bad_field() -> None:
    with pytest.raises(CampaignInputError) as err:
        CampaignDraft.from_dict({"name": "x", "control_share": 0.9})
    assert err.value.field == "control_share"
    with pytest.raises(CampaignInputError) as err:
        CampaignDraft.from_dict({"name": " "})
    assert err.value.field == "name"


def test_schedule_without_a_time_is_refused(make_workspace: Callable[..., Workspace]) -> None:
    """Fault seen: a free text the composer could not read made the campaign "scheduled" with
    no time stored (``scheduled_at`` None: the service never starts it)."""
    ws = make_workspace()
    app_id = add_app(ws, "A", Role.MARKETER)
    draft = CampaignDraft(app_id=app_id, name="N", variants=(Variant("A", 1.0, {"body": "ok"}),))
    with ws.session() as s:
        cid = save_draft(s, ws.member_id, draft)
    with pytest.raises(CampaignInputError) as caught, ws.session() as s:
        schedule_campaign(s, ws.member_id, cid, None)
    assert caught.value.code == "schedule_missing"
    with ws.session() as s:
        assert s.get(Campaign, cid).status is CampaignStatus.DRAFT  # type: ignore[union-attr]
