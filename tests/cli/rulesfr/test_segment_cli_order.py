"""``engage-desktop segment list`` orders names ignoring accents and case; ``segment create``
keeps explaining bad rules in English (the CLI does not translate)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from engage_desktop.core.segments.saved import create_segment
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, MemberRole, Role

ROOT = Path(__file__).parents[3]
RULES = {"version": 1, "rules": {"type": "sample", "percent": 10}}


def cli(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engage_desktop", "segment", *args, "--workspace", str(workspace)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def test_list_order_and_english_rule_errors(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    path = tmp_path / "order.sqlite"
    ws = make_workspace(str(path))
    with ws.session() as session:
        app = App(name="Maison Test", firebase_project_id="maison-test", platforms=["ios"])
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        app_id = app.id
    for name in ["zèbre", "Élite", "avion", "Bateau"]:
        create_segment(ws, app_id, name, RULES)
    listed = cli(path, "list", "--app", str(app_id), "--json")
    assert listed.returncode == 0, listed.stderr
    assert [s["name"] for s in json.loads(listed.stdout)] == ["avion", "Bateau", "Élite", "zèbre"]
    bad = json.dumps({"type": "device", "app_version_gte": "v5"})
    created = cli(path, "create", "--app", str(app_id), "--name", "X", "--rules", bad)
    assert created.returncode == 1
    assert "rules.app_version_gte: expected a version like 2.4.1, got 'v5'" in created.stderr
    assert "Traceback" not in created.stderr
