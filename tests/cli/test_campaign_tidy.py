"""``campaign archive|unarchive|delete`` through a real ``engage-desktop`` process: without a
terminal they want ``--yes``; archive takes finished campaigns only, delete drafts only."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import update

from engage_desktop.core.campaigns.edit import save_draft
from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, Role
from tests.support.apps import add_app
from tests.support.cli import run_cli


def _campaign(ws: Workspace, app_id: int, name: str, status: CampaignStatus) -> int:
    draft = CampaignDraft(app_id, name, variants=(Variant("A", 1.0, {"body": "x"}),))
    with ws.session() as s:
        cid = save_draft(s, ws.member_id, draft)
        s.execute(update(Campaign).where(Campaign.id == cid).values(status=status))
    return cid


def test_archive_and_delete_from_the_command_line(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = add_app(ws, "A", Role.MARKETER)
    done = _campaign(ws, app_id, "Fini", CampaignStatus.COMPLETED)
    draft = _campaign(ws, app_id, "Brouillon", CampaignStatus.DRAFT)
    path = ws.location.sqlite_path
    ws.close()

    asked = run_cli("campaign", "archive", str(done), workspace=path)
    assert asked.returncode != 0 and "--yes" in asked.stderr  # no terminal: never silently
    refused = run_cli("campaign", "archive", str(draft), "--yes", workspace=path)
    assert refused.returncode != 0 and "only a completed or cancelled" in refused.stderr
    refused = run_cli("campaign", "delete", str(done), "--yes", workspace=path)
    assert refused.returncode != 0 and "only a draft can be deleted" in refused.stderr

    archived = run_cli("campaign", "archive", str(done), "--yes", workspace=path)
    assert archived.returncode == 0, archived.stderr
    listed = run_cli("campaign", "list", "--app", str(app_id), "--json", workspace=path)
    assert [c["name"] for c in json.loads(listed.stdout)] == ["Brouillon"]
    listed = run_cli(
        "campaign", "list", "--app", str(app_id), "--json", "--archived", workspace=path
    )
    assert {c["name"]: c["archived"] for c in json.loads(listed.stdout)} == {
        "Brouillon": False,
        "Fini": True,
    }
    deleted = run_cli("campaign", "delete", str(draft), "--yes", workspace=path)
    assert deleted.returncode == 0 and "Brouillon" in deleted.stdout
    listed = run_cli(
        "campaign", "list", "--app", str(app_id), "--json", "--archived", workspace=path
    )
    assert [c["name"] for c in json.loads(listed.stdout)] == ["Fini"]
