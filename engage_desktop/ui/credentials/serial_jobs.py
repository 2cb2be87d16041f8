"""One piece of a credentials dialog's core work at a time, off the GUI thread.

Both credentials dialogs (the FCM key's, the SMS and email accounts') read, save and test
through core on a worker (``run_in_background``): a second click while one runs is ignored,
the dialog's buttons follow ``busy``, and the result reaches ``done`` only once the job has
finished, so ``done`` may start the next piece (a reload after a test).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import Job, run_in_background


class SerialJobs:
    """``job`` is the running (or last) one; ``busy(busy, cancellable)`` is called around each;
    ``failed(exc)`` and ``cancelled()`` say what came of one that gave no result."""

    def __init__(
        self,
        owner: QObject,
        busy: Callable[[bool, bool], None],
        failed: Callable[[BaseException], None],
        cancelled: Callable[[], None],
    ) -> None:
        self.owner = owner
        self.job: Job | None = None
        self._busy, self._failed, self._cancelled = busy, failed, cancelled

    def run(
        self,
        work: Callable[[Progress], Any],
        done: Callable[[Any], None],
        *,
        cancellable: bool = False,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        if self.job is not None and not self.job.done:
            return
        self._busy(True, cancellable)
        self.job = run_in_background(work, parent=self.owner)
        results: list[Any] = []
        on_failure = failed or self._failed
        self.job.succeeded.connect(results.append)
        self.job.failed.connect(lambda exc, _tb: on_failure(exc))
        self.job.cancelled.connect(self._cancelled)
        self.job.finished.connect(lambda: self._finished(done, results))

    def _finished(self, done: Callable[[Any], None], results: list[Any]) -> None:
        self._busy(False, False)
        if results:
            done(results[0])

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    @property
    def idle(self) -> bool:
        return self.job is None or self.job.done


class CancelRow(QWidget):
    """A busy bar and Cancel, shown while a cancellable job of a credentials dialog runs."""

    def __init__(self, on_cancel: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(QCoreApplication.translate("CredentialsDialog", "Cancel"))
        self.cancel_button.clicked.connect(on_cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    def follow(self, busy: bool, cancellable: bool) -> None:
        """The ``busy`` callback's part: shown only while a cancellable job runs."""
        self.setVisible(busy and cancellable)
