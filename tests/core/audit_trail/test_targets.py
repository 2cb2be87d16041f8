"""An audit entry's target reads as the name of what it points at, or says that it is gone."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete

from engage_desktop.core.audit_trail.query import AuditFilter, list_entries
from engage_desktop.core.audit_trail.targets import TargetName, parse_target
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.store.models import Campaign, CampaignFormat, Segment
from tests.support.sending import seed_app


def test_targets_are_named_and_a_deleted_one_keeps_its_code(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 0)
    with ws.session() as s:
        campaign = Campaign(app_id=app_id, name="Soldes d'hiver", format=CampaignFormat.PUSH)
        segment = Segment(app_id=app_id, name="Parisiens", rules={})
        s.add_all([campaign, segment])
        s.flush()
        campaign_id, segment_id = campaign.id, segment.id
        for target in (f"campaign:{campaign_id}", f"segment:{segment_id}", f"app:{app_id}"):
            record(s, member_id=ws.member_id, app_id=app_id, action="x.y", target=target)
        record(s, member_id=ws.member_id, app_id=app_id, action="x.y", target="member:claire")
    with ws.session() as s:
        s.execute(delete(Segment).where(Segment.id == segment_id))
    found = {r.target: r.target_name for r in list_entries(ws, AuditFilter(app_id=app_id))}
    assert found[f"campaign:{campaign_id}"] == TargetName("campaign", "Soldes d'hiver")
    assert found[f"segment:{segment_id}"] == TargetName("segment", None)  # deleted since
    assert found[f"app:{app_id}"] == TargetName("app", "App demo-project")
    assert found["member:claire"] == TargetName("member", "claire")  # the login, as stored


def test_only_named_kinds_with_a_numeric_id_are_looked_up() -> None:
    assert parse_target("campaign:42") == ("campaign", 42)
    assert parse_target("campaign:") is None
    assert parse_target("campaign:4x") is None
    assert parse_target("audit.csv") is None
    assert parse_target(None) is None
