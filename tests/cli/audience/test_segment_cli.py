"""``engage-desktop segment``, run as a user would: a real process on a copy of the demo."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[3]


def cli(workspace: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engage_desktop", "segment", *args, "--workspace", str(workspace)],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )


@pytest.fixture
def workspace(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    return path


def test_create_count_list_export(workspace: Path, tmp_path: Path) -> None:
    rules = tmp_path / "gold.json"
    rules.write_text(
        json.dumps(
            {
                "type": "attribute",
                "field": "attributes.loyalty_tier",
                "op": "equals",
                "value": "gold",
            }
        )
    )
    created = cli(
        workspace, "create", "--app", "1", "--name", "Gold", "--rules", str(rules), "--json"
    )
    assert created.returncode == 0, created.stderr
    seg_id = json.loads(created.stdout)["id"]

    listed = cli(workspace, "list", "--app", "1")
    assert "Gold" in listed.stdout and "never counted" in listed.stdout

    counted = cli(workspace, "count", "--segment", str(seg_id), "--json")
    figures = json.loads(counted.stdout)
    assert figures["profiles"] > 0 and set(figures["reachable"]) == {"push", "sms", "email"}

    adhoc = cli(workspace, "count", "--app", "1", "--rules", "-", "--json", stdin=rules.read_text())
    assert json.loads(adhoc.stdout) == figures

    listed_json = json.loads(cli(workspace, "list", "--app", "1", "--json").stdout)
    assert listed_json[0]["count"] == figures["profiles"]

    out = tmp_path / "gold.csv"
    exported = cli(workspace, "export", "--segment", str(seg_id), "--output", str(out))
    assert exported.returncode == 0, exported.stderr
    with out.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["profile_id", "external_id", "email"]
    assert len(rows) - 1 == figures["profiles"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            (
                "create",
                "--app",
                "1",
                "--name",
                "X",
                "--rules",
                '{"type": "attribute", "field": "city", "op": "between2", "value": "a"}',
            ),
            "rules.op: unknown operator 'between2'",
        ),
        (
            ("create", "--app", "1", "--name", "X", "--rules", "{not json"),
            "--rules: not valid JSON",
        ),
        (("create", "--app", "1", "--name", "X", "--rules", "missing.json"), "no such file"),
        (("count", "--segment", "4242"), "segment 4242 does not exist"),
        (("count", "--rules", '{"type": "sample", "percent": 5}'), "--rules needs --app"),
    ],
)
def test_errors_are_one_clear_line(workspace: Path, args: tuple[str, ...], message: str) -> None:
    result = cli(workspace, *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
