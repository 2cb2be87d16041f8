"""The command line, run as a user would: a real process, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engage_desktop import __version__
from engage_desktop.cli.main import build_parser
from tests.support.cli import run_cli


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_every_command_has_help() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"gui", "demo", "info"} <= set(commands)
    for name in commands:
        result = run_cli(name, "--help")
        assert result.returncode == 0, (name, result.stderr)
        assert "usage: engage-desktop" in result.stdout


def test_demo_then_info(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    result = run_cli("demo", "--users", "200", "--seed", "2", "--workspace", str(path))
    assert result.returncode == 0, result.stderr
    assert "Demo workspace ready" in result.stdout
    info = run_cli("info", "--json", "--workspace", str(path))
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["schema_revision"] == data["code_revision"]
    assert data["counts"]["app"] == 2
    assert data["counts"]["profile"] == 206
    # The environment variable names the workspace too.
    env_info = run_cli("info", env={"ENGAGE_DESKTOP_DB": str(path)})
    assert env_info.returncode == 0 and str(path) in env_info.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "No workspace at"), (b"hello", "not a SQLite database")],
)
def test_bad_workspace_is_a_clean_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "w.sqlite"
    if content is not None:
        path.write_bytes(content)
    result = run_cli("info", "--workspace", str(path))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_postgresql_is_a_clean_error() -> None:
    result = run_cli("info", "--workspace", "postgresql://me:hunter2@127.0.0.1:9/engage")
    assert result.returncode == 1
    assert "Cannot reach the workspace database" in result.stderr
    assert "hunter2" not in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_arguments_exit_2() -> None:
    result = run_cli("demo", "--users", "many")
    assert result.returncode == 2
    assert "not a whole number" in result.stderr
