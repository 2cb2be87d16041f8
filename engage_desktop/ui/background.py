"""The one way to run work off the GUI thread: ``run_in_background``.

Work is a plain callable taking a core ``Progress``; it runs on Qt's global thread pool. Results,
progress and errors come back as signals on the GUI thread, so an error is shown, never lost.
Cancelling sets the token; the work stops at its next ``progress.report``.
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, job: Job, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.job = job
        self.work = work

    def run(self) -> None:
        job = self.job
        progress = Progress(lambda d, t, m: job.progressed.emit(d, t, m), job.token)
        try:
            result = self.work(progress)
        except Cancelled:
            job.cancelled.emit()
        except Exception as exc:
            job.failed.emit(exc, traceback.format_exc())
        else:
            if job.token.cancelled:
                job.cancelled.emit()
            else:
                job.succeeded.emit(result)
        job._finish()


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
    (pool or QThreadPool.globalInstance()).start(_Runner(job, work))
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
