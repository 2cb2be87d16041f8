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
    [gold_line] = [line for line in listed.stdout.splitlines() if line.split()[0] == str(seg_id)]
    assert "Gold" in gold_line and gold_line.endswith("never counted")

    counted = cli(workspace, "count", "--segment", str(seg_id), "--json")
    figures = json.loads(counted.stdout)
    assert figures["profiles"] > 0 and set(figures["reachable"]) == {"push", "sms", "email"}
    assert figures["from_cache"] is False and figures["age_seconds"] is not None

    # Counted once: the next count reads the cache and says how old it is.
    again = cli(workspace, "count", "--segment", str(seg_id))
    assert again.returncode == 0, again.stderr
    assert f"{figures['profiles']:,} profiles" in again.stdout
    assert "From the local cache, counted just now; --refresh to recount." in again.stdout
    again_json = json.loads(cli(workspace, "count", "--segment", str(seg_id), "--json").stdout)
    assert again_json["from_cache"] is True
    assert again_json["computed_at"] == figures["computed_at"]
    refreshed = cli(workspace, "count", "--segment", str(seg_id), "--refresh")
    assert "Counted just now." in refreshed.stdout

    adhoc = cli(workspace, "count", "--app", "1", "--rules", "-", "--json", stdin=rules.read_text())
    adhoc_figures = json.loads(adhoc.stdout)
    assert (adhoc_figures["profiles"], adhoc_figures["reachable"], adhoc_figures["from_cache"]) == (
        figures["profiles"],
        figures["reachable"],
        False,
    )

    listed_json = json.loads(cli(workspace, "list", "--app", "1", "--json").stdout)
    [gold] = [row for row in listed_json if row["id"] == seg_id]
    assert gold["count"] == figures["profiles"]
    refreshed_list = cli(workspace, "list", "--app", "1", "--refresh").stdout.splitlines()
    assert len(refreshed_list) == len(listed_json)  # one line per segment, each recounted
    assert all(line.endswith("just now") for line in refreshed_list)

    out = tmp_path / "gold.csv"
    exported = cli(workspace, "export", "--segment", str(seg_id), "--output", str(out))
    assert exported.returncode == 0, exported.stderr
    with out.open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["profile_id", "external_id", "email"]
    assert len(rows) - 1 == figures["profiles"]


def test_overview_is_cached_with_its_age(workspace: Path) -> None:
    first = cli(workspace, "overview", "--app", "1", "--json")
    assert first.returncode == 0, first.stderr
    figures = json.loads(first.stdout)
    assert figures["from_cache"] is False and figures["profiles"] > 0
    assert len(figures["daily_active"]) == 90 and set(figures["new"]) == {"7", "30"}
    text = cli(workspace, "overview", "--app", "1")
    assert f"Profiles: {figures['profiles']:,}" in text.stdout
    assert "From the local cache, counted just now" in text.stdout
    assert "Counted just now." in cli(workspace, "overview", "--app", "1", "--refresh").stdout


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
        (
            ("count", "--app", "1", "--rules", '{"type": "sample", "percent": 5}', "--refresh"),
            "--refresh is for a saved --segment",
        ),
    ],
)
def test_errors_are_one_clear_line(workspace: Path, args: tuple[str, ...], message: str) -> None:
    result = cli(workspace, *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
