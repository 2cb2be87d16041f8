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
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

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


class _Mailbox(QObject):
    """Carries a worker's signals to the GUI thread, where the job's fate is known for sure.

    Workers never emit on a ``Job`` itself: its owner (a page, a dialog) may be destroyed on the
    GUI thread at the very moment a worker emits, and checking first only narrows that race.
    The mailbox is never destroyed, so emitting on it is always safe; its slot runs on the GUI
    thread, where a job can only have been deleted before the check, never during the emit.
    """

    delivered = Signal(object, str, tuple)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver)  # queued: the mailbox lives on the GUI thread

    @Slot(object, str, tuple)
    def _deliver(self, job: Job, name: str, args: tuple[Any, ...]) -> None:
        if not shiboken6.isValid(job):  # its owner was closed meanwhile: nobody listens
            return
        if name == "finished":
            job.done = True
        getattr(job, name).emit(*args)


_mailbox: _Mailbox | None = None


def _get_mailbox() -> _Mailbox:
    """Created on first use, which is on the GUI thread (``run_in_background`` runs there)."""
    global _mailbox
    if _mailbox is None:
        _mailbox = _Mailbox()
    return _mailbox


class _Runner(QRunnable):
    def __init__(self, job: Job, work: Callable[[Progress], Any], mailbox: _Mailbox) -> None:
        super().__init__()
        self.job = job  # a Python reference only: the C++ job may go with its owner
        self.token = job.token
        self.work = work
        self._emit = mailbox.delivered.emit

    def post(self, job: Job, name: str, args: tuple[Any, ...]) -> None:
        with contextlib.suppress(RuntimeError):  # the application is torn down: nobody to tell
            self._emit(job, name, args)

    def run(self) -> None:
        job, post = self.job, self.post
        progress = Progress(lambda d, t, m: post(job, "progressed", (d, t, m)), self.token)
        try:
            result = self.work(progress)
        except Cancelled:
            post(job, "cancelled", ())
        except Exception as exc:
            post(job, "failed", (exc, traceback.format_exc()))
        else:
            if self.token.cancelled:
                post(job, "cancelled", ())
            else:
                post(job, "succeeded", (result,))
        post(job, "finished", ())


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
    token = job.token
    job.destroyed.connect(lambda *_: token.cancel())  # its owner is gone: stop the work early
    runner = _Runner(job, work, _get_mailbox())
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
    job.destroyed.connect(lambda *_: stopped())  # its owner closed: no outcome will come
    return future
