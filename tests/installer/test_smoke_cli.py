"""The smoke test's walk of the CLI: every command of the checkout is listed, and a program whose
``--help`` fails for one command fails the check, naming that command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engage_desktop.cli.main import COMMAND_MODULES, build_parser
from installer.smoke_cli import check_every_help, command_paths
from installer.smoke_processes import SmokeFailure


def stand_in(folder: Path, broken: str) -> Path:
    """A program answering ``--help`` like the CLI, except for the command ``broken``."""
    program = folder / "engage-desktop"
    program.write_text(
        "#!/bin/sh\n"
        'shift_help() { args=""; for a in "$@"; do [ "$a" = --help ] || args="$args $a"; done; '
        'echo "${args# }"; }\n'
        'path=$(shift_help "$@")\n'
        f'if [ "$path" = "{broken}" ]; then echo "ModuleNotFoundError" >&2; exit 1; fi\n'
        'echo "usage: engage-desktop${path:+ $path} [-h]"\n',
        encoding="utf-8",
    )
    program.chmod(0o755)
    return program


def test_every_command_and_subcommand_is_listed() -> None:
    paths = command_paths(build_parser())
    assert paths[0] == ""
    assert {"campaign send", "import contacts", "credentials set", "report"} <= set(paths)
    top_level = [path for path in paths if path and " " not in path]
    assert len(top_level) == len(COMMAND_MODULES)
    assert len(paths) == len(set(paths))


def test_a_command_whose_help_fails_fails_the_check_by_name(tmp_path: Path) -> None:
    env = {"PATH": os.environ["PATH"]}
    paths = ["", "campaign", "campaign send", "audit verify"]
    assert check_every_help(stand_in(tmp_path, broken="nothing"), env, paths) == 4
    with pytest.raises(SmokeFailure) as failed:
        check_every_help(stand_in(tmp_path, broken="campaign send"), env, paths)
    assert "1 of 4 commands failed" in str(failed.value)
    assert "campaign send --help exited with 1" in str(failed.value)
    assert "ModuleNotFoundError" in str(failed.value)
