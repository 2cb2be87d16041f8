"""``campaign create|list|show|export`` through the real CLI entry point, on a real SQLite file."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from engage_desktop.cli.main import main
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission
from engage_desktop.store.models import App, AuditEntry, MemberRole, Role


def _app(ws: Workspace, role: Role = Role.MARKETER) -> int:
    with ws.session() as session:
        app = App(
            name="Maison Test", firebase_project_id="maison-test", platforms=["ios", "android"]
        )
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=role))
        return app.id


CAMPAIGN = {
    "name": "Soldes d'hiver",
    "format": "push",
    "analytics_label": "winter-sale",
    "tags": ["soldes"],
    "variants": [
        {"key": "A", "content": {"title": "Soldes ❄️", "body": "Jusqu'à -50 %"}},
        {"key": "B", "content": {"title": "", "body": "", "image_url": "http://x/y.png"}},
    ],
}


def test_create_list_show_export(
    make_workspace: Callable[..., Workspace],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    ws = make_workspace()
    app_id = _app(ws)
    path = str(ws.location.sqlite_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(CAMPAIGN)))
    assert main(["campaign", "create", "--app", str(app_id), "--workspace", path]) == 0
    created = json.loads(capsys.readouterr().out)
    assert created["status"] == "draft" and created["name"] == "Soldes d'hiver"
    fields = {i["field"] for i in created["issues"]}
    assert {"B.body", "B.image_url"} <= fields and not any(f.startswith("A.") for f in fields)
    assert main(["campaign", "list", "--app", str(app_id), "--json", "--workspace", path]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in listed] == [created["id"]]
    assert main(["campaign", "show", str(created["id"]), "--workspace", path]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["variants"][0]["content"]["title"] == "Soldes ❄️" and "issues" not in shown
    out_file = tmp_path / "c.json"
    assert (
        main(["campaign", "export", str(created["id"]), "-o", str(out_file), "--workspace", path])
        == 0
    )
    assert json.loads(out_file.read_text(encoding="utf-8"))["issues"] == created["issues"]
    with ws.session() as session:
        assert session.query(AuditEntry).filter_by(action="campaign.create").count() == 1


def test_bad_input_and_permissions(
    make_workspace: Callable[..., Workspace],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    ws = make_workspace()
    app_id = _app(ws, Role.ANALYST)
    path = str(ws.location.sqlite_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x",\n "format": }', encoding="utf-8")
    assert (
        main(["campaign", "create", "--app", str(app_id), "--json", str(bad), "--workspace", path])
        == 1
    )
    assert "line 2, column 12" in capsys.readouterr().err
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"name": "x", "format": "fax"}), encoding="utf-8")
    assert (
        main(
            ["campaign", "create", "--app", str(app_id), "--json", str(wrong), "--workspace", path]
        )
        == 1
    )
    assert "format: must be one of" in capsys.readouterr().err
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps(CAMPAIGN), encoding="utf-8")
    assert (
        main(["campaign", "create", "--app", str(app_id), "--json", str(ok), "--workspace", path])
        == 1
    )
    assert Permission.EDIT_CAMPAIGNS.value in capsys.readouterr().err
    assert main(["campaign", "show", "999", "--workspace", path]) == 1
    assert "No campaign with id 999" in capsys.readouterr().err
