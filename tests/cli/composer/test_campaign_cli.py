"""``engage-desktop campaign create|list|show|export`` run as a real process on a real file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from engage_desktop.core.workspace import open_for_current_user
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.models import App, MemberRole, Role

ROOT = Path(__file__).parents[3]


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "engage_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=120,
    )


def workspace_with_app(tmp_path: Path) -> tuple[str, int]:
    path = str(tmp_path / "w.sqlite")
    ws = open_for_current_user(resolve_workspace(path), create=True)
    with ws.session() as session:
        app = App(name="Pixel Quest", firebase_project_id="pq")
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.MARKETER))
        app_id = app.id
    ws.close()
    return path, app_id


CAMPAIGN = {
    "name": "Retour au jeu",
    "variants": [{"key": "A", "content": {"title": "Ta quête t'attend 🎮", "body": "Reviens !"}}],
}


def test_create_list_show_export(tmp_path: Path) -> None:
    path, app_id = workspace_with_app(tmp_path)
    ws = ["--workspace", path]
    created = run_cli("campaign", "create", "--app", str(app_id), *ws, stdin=json.dumps(CAMPAIGN))
    assert created.returncode == 0, created.stderr
    cid = json.loads(created.stdout)["id"]
    listed = run_cli("campaign", "list", "--app", str(app_id), "--json", *ws)
    assert [r["name"] for r in json.loads(listed.stdout)] == ["Retour au jeu"]
    table = run_cli("campaign", "list", "--app", str(app_id), *ws)
    assert "Retour au jeu" in table.stdout and "draft" in table.stdout
    shown = json.loads(run_cli("campaign", "show", str(cid), *ws).stdout)
    assert shown["variants"][0]["content"]["title"] == "Ta quête t'attend 🎮"
    out = tmp_path / "export.json"
    exported = run_cli("campaign", "export", str(cid), "-o", str(out), *ws)
    assert exported.returncode == 0, exported.stderr
    again = run_cli("campaign", "create", "--app", str(app_id), str(out), *ws)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["variants"] == shown["variants"]


def test_errors_are_clean(tmp_path: Path) -> None:
    path, app_id = workspace_with_app(tmp_path)
    ws = ["--workspace", path]
    bad_json = run_cli("campaign", "create", "--app", str(app_id), *ws, stdin='{"name": ')
    assert bad_json.returncode == 1 and "invalid JSON at line 1" in bad_json.stderr
    assert "Traceback" not in bad_json.stderr
    scheduled = {
        **CAMPAIGN,
        "status": "scheduled",
        "scheduled_at": "2026-12-01T09:00:00+00:00",
        "variants": [{"key": "A", "content": {"title": "x", "deep_link": "nope"}}],
    }
    refused = run_cli("campaign", "create", "--app", str(app_id), *ws, stdin=json.dumps(scheduled))
    assert refused.returncode == 1
    assert "cannot be scheduled" in refused.stderr and "deep_link" in refused.stderr
    missing = run_cli("campaign", "show", "999", *ws)
    assert missing.returncode == 1 and "No campaign with id 999" in missing.stderr
    denied = run_cli("campaign", "list", "--app", "77", *ws)
    assert denied.returncode == 1 and "view_campaigns" in denied.stderr
