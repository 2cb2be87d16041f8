"""``engage-desktop segment``, run as a user would: a real process on a copy of the demo (saved
segments listed counted, names ordered as people read them, rule errors in English)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from engage_desktop.core.segments.saved import create_segment
from engage_desktop.core.workspace import Workspace
from tests.support.apps import add_app
from tests.support.cli import run_cli


def cli(workspace: Path, *args: str, stdin: str | None = None) -> CompletedProcess[str]:
    """``engage-desktop segment ARGS --workspace WORKSPACE`` in a real process."""
    return run_cli("segment", *args, workspace=workspace, stdin=stdin)


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


RULES = {"version": 1, "rules": {"type": "sample", "percent": 10}}


def test_list_order_and_english_rule_errors(
    make_workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    path = tmp_path / "order.sqlite"
    ws = make_workspace(str(path))
    app_id = add_app(ws)
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


def test_fresh_demo_lists_counted_segments(workspace: Path) -> None:
    for app, expected in ((1, 5), (2, 3)):
        listed = cli(workspace, "list", "--app", str(app), "--json")
        assert listed.returncode == 0, listed.stderr
        rows = json.loads(listed.stdout)
        assert len(rows) == expected
        for row in rows:
            assert row["count"] > 0 and set(row["reachable"]) == {"push", "sms", "email"}
            assert row["computed_at"] == "2026-11-01T00:00:00+00:00"  # the demo's "now"
        text = cli(workspace, "list", "--app", str(app)).stdout.splitlines()
        assert len(text) == expected
        for line, row in zip(text, rows, strict=True):
            assert f"{row['count']:,}" in line and row["name"] in line
            assert re.search(r"\d+ d ago$", line), line  # the demo was built for 1 Nov 2026
    first = json.loads(cli(workspace, "list", "--app", "1", "--json").stdout)[0]
    cached = cli(workspace, "count", "--segment", str(first["id"]))
    assert cached.returncode == 0, cached.stderr
    assert f"{first['count']:,} profiles" in cached.stdout
    assert "From the local cache, counted" in cached.stdout
