"""The one way to run work off the GUI thread: ``run_in_background``.

Work is a plain callable taking a core ``Progress``; it runs on Qt's global thread pool. Results,
progress and errors come back as signals on the GUI thread, so an error is shown, never lost.
Cancelling sets the token; the work stops at its next ``progress.report``.
"""

from __future__ import annotations

import asyncio
import contextlib
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from engage_desktop.core.progress import Cancelled, CancelToken, Progress


class Job(QObject):
    """A running background call.

    Signals:
        progressed(done, total_or_None, message)
        succeeded(result)
        failed(exception, formatted_traceback)
        cancelled()
        finished()  — always last, whatever the outcome
    """

    progressed = Signal(int, object, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.done = False

    def cancel(self) -> None:
        self.token.cancel()


class _Runner(QRunnable):
    def __init__(self, job: Job, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.job = job
        self.work = work

    def run(self) -> None:
        job = self.job
        progress = Progress(lambda d, t, m: _emit(job, job.progressed, d, t, m), job.token)
        try:
            result = self.work(progress)
        except Cancelled:
            _emit(job, job.cancelled)
        except Exception as exc:
            _emit(job, job.failed, exc, traceback.format_exc())
        else:
            if job.token.cancelled:
                _emit(job, job.cancelled)
            else:
                _emit(job, job.succeeded, result)
        job.done = True
        _emit(job, job.finished)


def _emit(job: Job, signal: Any, *args: Any) -> None:
    """Emit unless the job's owner was destroyed meanwhile (a closed page): then nobody listens."""
    if shiboken6.isValid(job):
        with contextlib.suppress(RuntimeError):  # deleted between the check and the emit
            signal.emit(*args)


def run_in_background(
    work: Callable[[Progress], Any],
    *,
    parent: QObject | None = None,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException, str], None] | None = None,
    pool: QThreadPool | None = None,
) -> Job:
    """Start ``work(progress)`` on a worker thread and return its ``Job``."""
    job = Job(parent)
    if on_success is not None:
        job.succeeded.connect(on_success)
    if on_failure is not None:
        job.failed.connect(on_failure)
    runner = _Runner(job, work)
    # Start on the next turn of the event loop, so that connections the caller makes right after
    # this call are in place before the work can emit (queued signals pick receivers at emit).
    QTimer.singleShot(0, lambda: (pool or QThreadPool.globalInstance()).start(runner))
    return job


def job_future(job: Job) -> asyncio.Future[Any]:
    """An asyncio future (on the qasync loop) that resolves with the job's outcome."""
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

    def ok(result: Any) -> None:
        if not future.done():
            future.set_result(result)

    def bad(exc: BaseException, _tb: str) -> None:
        if not future.done():
            future.set_exception(exc)

    def stopped() -> None:
        if not future.done():
            future.set_exception(Cancelled())

    job.succeeded.connect(ok)
    job.failed.connect(bad)
    job.cancelled.connect(stopped)
    return future
