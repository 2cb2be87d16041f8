"""Every command of the bundled CLI answers ``--help`` from the bundle's own program.

``--help`` imports the command's module and builds its parser, so a module PyInstaller missed (the
CLI loads its commands by name, ``cli.main.COMMAND_MODULES``) or a data file read at import time
fails here, for commands the smoke test's real runs never reach. The list is read from the
checkout's parser, so a new command is checked without editing this file.
"""

from __future__ import annotations

import argparse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from installer.smoke_processes import SmokeFailure, run_program

HELP_WORKERS = 2  # the CI machine's cores; each run is one short start of the program


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[str]:
    """``"campaign send"``-style paths of every command and subcommand under ``parser``, and
    ``""`` for the program itself."""
    found = [" ".join(prefix)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += command_paths(sub, (*prefix, name))
    return found


def check_help(program: Path, env: dict[str, str], path: str) -> None:
    """``PROGRAM PATH --help`` exits 0 and prints that command's usage."""
    said = run_program([str(program), *path.split(), "--help"], env, timeout=120)
    expected = f"usage: engage-desktop {path}".rstrip()
    if not said.startswith(expected):
        raise SmokeFailure(f"`engage-desktop {path} --help` printed {said[:300]!r}")


def check_every_help(program: Path, env: dict[str, str], paths: list[str] | None = None) -> int:
    """Run ``check_help`` for every command path (the checkout's whole CLI by default); returns how
    many passed, or raises the first ``SmokeFailure`` with the commands that failed."""
    if paths is None:
        from engage_desktop.cli.main import build_parser

        paths = command_paths(build_parser())
    failures: list[str] = []

    def one(path: str) -> None:
        try:
            check_help(program, env, path)
        except SmokeFailure as exc:
            failures.append(str(exc))

    with ThreadPoolExecutor(HELP_WORKERS) as pool:
        list(pool.map(one, paths))
    if failures:
        raise SmokeFailure(
            f"{len(failures)} of {len(paths)} commands failed:\n" + "\n".join(failures)
        )
    return len(paths)
