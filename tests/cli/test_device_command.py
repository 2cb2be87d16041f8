"""``engage-desktop device``, run as a user would: a real process on a copy of the demo."""

from __future__ import annotations

import json
from pathlib import Path
from subprocess import CompletedProcess

from tests.support.cli import run_cli


def cli(workspace: Path, *args: str) -> CompletedProcess[str]:
    """``engage-desktop device ARGS --workspace WORKSPACE`` in a real process."""
    return run_cli("device", *args, workspace=workspace)


def test_find_mark_and_unmark_a_test_device(workspace: Path) -> None:
    listed = json.loads(cli(workspace, "list", "--app", "1", "--limit", "20", "--json").stdout)
    ordinary = next(d for d in listed if not d["is_test"] and d["token_tail"])
    assert all(len(d["token_tail"] or "") <= 7 for d in listed)  # "…" + 6: never a whole token
    marked = cli(workspace, "test", str(ordinary["id"]), "--app", "1", "--label", "Pixel de Zoé")
    assert marked.returncode == 0, marked.stderr
    assert f"Device {ordinary['id']} (Pixel de Zoé) is a test device." in marked.stdout
    tests = cli(workspace, "list", "--app", "1", "--test")
    assert "TEST Pixel de Zoé" in tests.stdout
    assert cli(workspace, "test", str(ordinary["id"]), "--app", "1", "--off").returncode == 0
    assert "Pixel de Zoé" not in cli(workspace, "list", "--app", "1", "--test").stdout


def test_an_unknown_device_is_a_clear_error(workspace: Path) -> None:
    done = cli(workspace, "test", "999999", "--app", "1")
    assert done.returncode == 1
    assert done.stderr.strip() == "engage-desktop: Device 999999 does not exist in this app."
