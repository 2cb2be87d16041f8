"""The Segments tab's database calls, run off the GUI thread, and their refusals in words.

One small object so the tab keeps to its widgets: ``run`` starts a call on a worker, drops an
answer that arrives after the user moved to another app, and turns a failure (a name already
taken, a segment still in use, a permission the member lacks, a rule core refused) into the
sentence the tab shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from engage_desktop.core.progress import Progress
from engage_desktop.core.segments import RuleError
from engage_desktop.core.segments import saved as segments
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill, permission_text, segment_error_text

from .rule_errors import rule_error_text


class SegmentJobs(QObject):
    """Background calls of one tab.

    Signals:
        failed(str): a call failed; the reason in the user's language.
    """

    failed = Signal(str)

    def __init__(self, context: UiContext, parent: QObject) -> None:
        super().__init__(parent)
        self.context = context
        self.jobs: list[Job] = []

    def run(self, call: Callable[[], Any], on_success: Callable[[Any], None]) -> Job:
        """Run ``call`` off the GUI thread; ``on_success`` only if the app is still the same."""

        def work(progress: Progress) -> Any:
            result = call()
            progress.report(1, 1)
            return result

        app_id = self.context.app_id

        def succeeded(result: Any) -> None:
            if self.context.app_id == app_id:  # an answer about the previous app is dropped
                on_success(result)

        job = run_in_background(work, parent=self)
        job.succeeded.connect(succeeded)
        job.failed.connect(lambda exc, _tb: self.failed.emit(failure_text(exc)))
        job.finished.connect(lambda: self.jobs.remove(job) if job in self.jobs else None)
        self.jobs.append(job)
        return job

    def busy(self) -> bool:
        return bool(self.jobs)


def failure_text(exc: BaseException) -> str:
    """Why a segment call failed, in the user's language (core's English for the unexpected)."""
    if isinstance(exc, PermissionDenied):
        return permission_text(exc)
    if isinstance(exc, segments.SegmentError):
        return segment_error_text(exc)
    if isinstance(exc, RuleError):
        return fill(
            QCoreApplication.translate("SegmentsTab", "Cannot do this: %1"), [rule_error_text(exc)]
        )
    return fill(QCoreApplication.translate("SegmentsTab", "Something went wrong: %1"), [str(exc)])
