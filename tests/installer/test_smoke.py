"""The smoke test's own checks fail when they must: a service or sandbox run by anything but the
bundle's program, and a first start without its progress dialog (or one that never moved)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from installer.contents import data_files
from installer.smoke import (
    check_data_files,
    check_first_start_dialog,
    check_processes_are_bundled,
)
from installer.smoke_processes import Gui, SmokeFailure, children_of, descendants_of
from tests.support.waiting import wait_until


@contextmanager
def gui_starting_a_service(tmp_path: Path, service_program: str) -> Iterator[tuple[Gui, Path]]:
    """A "bundle" whose program (a copy of dash) starts ``SERVICE_PROGRAM service`` and waits,
    as the GUI starts its service; the service blocks on a pipe nobody writes to."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    program = bundle / "engage-desktop"
    shutil.copy2(shutil.which("dash") or "/bin/dash", program)
    os.mkfifo(tmp_path / "never")
    (tmp_path / "service").write_text("read line < never\n", encoding="utf-8")
    service = str(program) if service_program == "bundle" else service_program
    (tmp_path / "gui").write_text(f'"{service}" service &\nwait\n', encoding="utf-8")
    process = subprocess.Popen([str(program), "gui"], cwd=tmp_path)
    try:
        wait_until(lambda: bool(children_of(process.pid)), timeout=10)
        yield Gui(process, tmp_path / "probe", tmp_path / "gui.log"), program
    finally:
        for pid in descendants_of(process.pid):
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        process.kill()
        process.wait(10)


def test_a_service_run_by_the_bundles_program_passes(tmp_path: Path) -> None:
    with gui_starting_a_service(tmp_path, "bundle") as (gui, program):
        check_processes_are_bundled(gui, program, ("service",))
        with pytest.raises(SmokeFailure, match="include no 'sandbox'"):
            check_processes_are_bundled(gui, program, ("service", "sandbox"))


def test_a_service_run_by_another_program_fails_naming_it(tmp_path: Path) -> None:
    other = shutil.which("sh") or "/bin/sh"
    with (
        gui_starting_a_service(tmp_path, other) as (gui, program),
        pytest.raises(SmokeFailure) as failed,
    ):
        check_processes_are_bundled(gui, program, ("service",))
    assert f"runs {Path(other).resolve()}, not a program of {program.parent}" in str(failed.value)


@pytest.mark.parametrize(
    ("recorded", "fault"),
    [
        (None, "without showing its progress dialog"),
        ({"title": "First start", "label": "Creating", "values": [0]}, "never moved"),
    ],
)
def test_a_first_start_without_a_moving_progress_dialog_fails(
    tmp_path: Path, recorded: dict[str, object] | None, fault: str
) -> None:
    gui = Gui(None, tmp_path, tmp_path / "gui.log")  # type: ignore[arg-type]  # only the probe folder
    if recorded is not None:
        (tmp_path / "first-start.json").write_text(json.dumps(recorded), encoding="utf-8")
    with pytest.raises(SmokeFailure, match=fault):
        check_first_start_dialog(gui)


def test_a_first_start_dialog_that_moved_passes(tmp_path: Path) -> None:
    shown = {"title": "First start", "label": "Creating", "values": [0, 35, 80]}
    (tmp_path / "first-start.json").write_text(json.dumps(shown), encoding="utf-8")
    gui = Gui(None, tmp_path, tmp_path / "gui.log")  # type: ignore[arg-type]
    assert check_first_start_dialog(gui) == shown


def test_a_data_file_missing_from_the_installed_bundle_fails_naming_it(tmp_path: Path) -> None:
    program = tmp_path / "engage-desktop" / "engage-desktop"
    internal = program.parent / "_internal"
    for source, folder in data_files():
        (internal / folder).mkdir(parents=True, exist_ok=True)
        (internal / folder / Path(source).name).touch()
    assert check_data_files(program) == len(data_files())
    french = "engage_desktop/_resources/translations/composer_fr.qm"
    (internal / french).unlink()
    with pytest.raises(SmokeFailure, match=f"lacks 1 data files: \\['{french}'\\]"):
        check_data_files(program)
