"""``engage-desktop member``: the team of an app from the command line, real processes."""

from __future__ import annotations

import json
import os
import pwd
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engage_desktop", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def test_add_grant_revoke_and_refusals(tmp_path: Path) -> None:
    me = pwd.getpwuid(os.getuid()).pw_name
    ws = ["--workspace", str(tmp_path / "team.sqlite")]
    app = json.loads(
        run_cli("app", "add", "--name", "Boutique", "--project", "b-prod", "--json", *ws).stdout
    )
    on = ["--app", str(app["id"]), *ws]
    added = run_cli(
        "member", "add", "camille", "--role", "analyst", "--name", "Camille Roux",
        "--email", "camille@exemple.fr", "--json", *on,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["role"] == "analyst"
    granted = run_cli("member", "grant", "camille", "--role", "admin", "--approver", "--json", *on)
    assert json.loads(granted.stdout)["approver"] is True
    team = json.loads(run_cli("member", "list", "--json", *on).stdout)
    assert {(m["login"], m["role"], m["approver"]) for m in team} == {
        ("camille", "admin", True),
        (me, "admin", False),
    }
    assert run_cli("member", "revoke", "camille", *on).returncode == 0
    last = run_cli("member", "grant", me, "--role", "marketer", *on)
    assert last.returncode == 1
    assert f"'{me}' is the last admin of app 'Boutique'" in last.stderr
    # With another admin, the current user steps down; then they may no longer manage the team.
    assert run_cli("member", "add", "zoe", "--role", "admin", *on).returncode == 0
    assert run_cli("member", "grant", me, "--role", "marketer", *on).returncode == 0
    refused = run_cli("member", "add", "ami", "--role", "analyst", *on)
    assert refused.returncode == 1
    assert (
        "You have role 'marketer' on app 'Boutique', which does not allow 'manage_team'."
        in refused.stderr
    )
    nowhere = run_cli("member", "list", "--app", "77", *ws)
    assert nowhere.returncode == 1 and "There is no app with id 77" in nowhere.stderr
