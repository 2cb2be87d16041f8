"""run_in_background: outcomes arrive on the GUI thread, and a closed owner is never touched."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, QThread, QThreadPool
from pytestqt.qtbot import QtBot

from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import run_in_background


def test_outcome_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[str, bool]] = []
    gui = QThread.currentThread()

    def work(progress: Progress) -> int:
        progress.report(1, 2, "half")
        return 42

    job = run_in_background(work)
    job.progressed.connect(lambda *_: seen.append(("progress", QThread.currentThread() is gui)))
    job.succeeded.connect(lambda r: seen.append((f"ok {r}", QThread.currentThread() is gui)))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert seen == [("progress", True), ("ok 42", True)]
    assert job.done


def test_failure_is_delivered_with_its_traceback(qtbot: QtBot) -> None:
    def work(progress: Progress) -> None:
        raise ValueError("bad input on line 3")

    job = run_in_background(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        pass
    exc, tb = blocker.args
    assert isinstance(exc, ValueError) and "line 3" in tb


def test_an_owner_destroyed_mid_work_is_never_touched_and_stops_the_work(qtbot: QtBot) -> None:
    """Workers emitting while the GUI thread deletes the job's owner used to crash (segfault)."""
    started = threading.Event()
    reports = []

    def work(progress: Progress) -> None:
        started.set()
        for i in range(2_000_000):
            reports.append(i)
            progress.report(i, None)  # raises Cancelled once the owner is gone

    for _ in range(20):  # the race needed luck; many rounds make a regression show
        owner = QObject()
        job = run_in_background(work, parent=owner)
        job.progressed.connect(lambda *a: None)  # a listener, as a page would have
        qtbot.waitUntil(started.is_set, timeout=5000)
        shiboken6.delete(owner)  # the page closes while the worker is emitting
        assert QThreadPool.globalInstance().waitForDone(10_000)
        qtbot.wait(5)  # let queued deliveries for the dead job arrive and be dropped
        started.clear()
    assert len(reports) < 20 * 2_000_000  # cancelled early, not run to the end
