"""The leak check every test ends with (``tests/conftest.py::nothing_left_running``) sees a thread,
a background job and a child process that outlive their test, and lets finished ones go."""

from __future__ import annotations

import subprocess
import sys
import threading

from pytestqt.qtbot import QtBot

from engage_desktop.core.progress import Progress
from tests.support.leaks import Snapshot, kill, settle


def test_a_thread_still_running_is_named_and_a_finished_one_is_not() -> None:
    before = Snapshot.take()
    release = threading.Event()
    stuck = threading.Thread(target=release.wait, name="stuck-worker")
    done = threading.Thread(target=lambda: None, name="quick-worker")
    stuck.start()
    done.start()
    try:
        leaks = settle(before, 0.2)
        assert len(leaks.threads) == 1 and "'stuck-worker'" in leaks.threads[0]
        assert "stuck-worker" in leaks.describe()
    finally:
        release.set()
        stuck.join()
    assert not settle(before, 1.0)


def test_a_background_job_still_running_is_reported(qtbot: QtBot) -> None:
    from engage_desktop.ui.background import run_in_background

    before = Snapshot.take()
    release = threading.Event()
    job = run_in_background(lambda progress: release.wait())
    with qtbot.waitSignal(job.finished, timeout=10_000, raising=False) as blocker:
        try:
            leaks = settle(before, 0.2)  # also starts the job: it waits for the next loop turn
            assert leaks.jobs == ["1 background job(s) on Qt's global pool"]
        finally:
            release.set()
    assert blocker.signal_triggered
    assert not settle(before, 5.0)


def test_a_child_process_still_running_is_reported_and_killed() -> None:
    before = Snapshot.take()
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        leaks = settle(before, 0.2)
        assert [c.pid for c in leaks.children] == [child.pid]
        assert "time.sleep(60)" in leaks.children[0].command
        kill(leaks.children)
        assert not settle(before, 1.0)
    finally:
        child.kill()
        child.wait()


def test_a_finished_job_is_not_reported(qtbot: QtBot) -> None:
    from engage_desktop.ui.background import run_in_background

    before = Snapshot.take()
    job = run_in_background(lambda progress: Progress().report(1, 1))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert not settle(before, 5.0)
