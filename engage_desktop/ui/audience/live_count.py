"""Counting the segment being built while the marketer edits it, without ever showing a stale
figure.

Edits restart a short debounce; when it fires, the running count (if any) is interrupted in the
database and a new one starts off the GUI thread; once it has answered, a sample of matching
profiles is read the same way.
Each start bumps a generation number; an answer from an older generation is dropped, so a slow
stale query can never overwrite a newer result.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from sqlalchemy.orm import Session

from engage_desktop.core.progress import Progress
from engage_desktop.core.segments import SegmentCount, catalog, count_segment, parse_rules
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.background import Job, run_in_background

from .interrupt import QueryInterrupter

DEBOUNCE_MS = 350
SAMPLE_ROWS = 20
CountFn = Callable[[Session, int, Any, datetime], SegmentCount]
_POOL: QThreadPool | None = None


def count_pool() -> QThreadPool:
    """Live counts get a thread of their own: they never queue behind slower background work
    (a first audience overview, suggestion lists) on Qt's shared pool of one thread per core.
    Two threads: a newer count starts even while a stale one is still winding down."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(2)
    return _POOL


@dataclass(frozen=True)
class LiveFigures:
    """A count with the base it is a share of."""

    profiles: int
    reachable: dict[str, int]
    audience: int

    def share(self, value: int) -> float:
        return 0.0 if self.audience <= 0 else value / self.audience


class LiveCounter(QObject):
    """Counts ``document`` for the current app after each change, newest edit wins.

    Signals:
        busy_changed(bool): a count is running (for the busy indicator).
        counted(LiveFigures): the figures of the latest document.
        sampled(list[ProfileSample]): a few matching profiles of the latest document.
        failed(str): the latest document could not be counted (e.g. a deleted segment).
        cleared(): nothing to count (no document, or no app).
    """

    busy_changed = Signal(bool)
    counted = Signal(object)
    sampled = Signal(list)
    failed = Signal(str)
    cleared = Signal()

    def __init__(
        self,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        delay_ms: int = DEBOUNCE_MS,
        count_fn: CountFn = count_segment,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.count_fn = count_fn
        self.app_id: int | None = None
        self.document: dict[str, Any] | None = None
        self.generation = 0
        self.dropped = 0  # answers of stale generations thrown away (tests read it)
        self.busy = False
        self._audience: dict[int, int] = {}
        self._running: list[tuple[Job, QueryInterrupter]] = []
        self._key: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)

    def set_app(self, app_id: int | None) -> None:
        self.app_id = app_id
        self._key = None
        self.request(self.document)

    def request(self, document: dict[str, Any] | None) -> None:
        """Count ``document`` after the debounce (an incomplete draft clears the figures)."""
        self.document = document
        if document is None or self.app_id is None:
            self._timer.stop()
            self._stop_running()
            self._key = None
            self.cleared.emit()
            return
        self._timer.start()

    def invalidate(self) -> None:
        """Count again even if the document did not change (data or referenced segments did)."""
        self._key = None
        self.request(self.document)

    def flush(self) -> None:
        """Start counting now (the debounce fired, or a test does not want to wait)."""
        self._timer.stop()
        document, app_id = self.document, self.app_id
        if document is None or app_id is None:
            return
        key = f"{app_id}:{json.dumps(document, sort_keys=True)}"
        if key == self._key:
            return  # already counted or counting exactly this
        self._key = key
        self._stop_running()
        self.generation += 1
        # The sample starts once the count has answered: on two cores the figures come first.
        self._start_count(self.generation, app_id, document)
        self._set_busy(True)

    def _stop_running(self) -> None:
        self.generation += 1  # whatever still answers is stale from now on
        for job, interrupter in self._running:
            job.cancel()
            interrupter.cancel()
        self._running = []
        self._set_busy(False)

    def _start_count(self, generation: int, app_id: int, document: dict[str, Any]) -> None:
        factory, now, count_fn = (
            self.workspace.session_factory,
            self.workspace.clock.now(),
            self.count_fn,
        )
        known_audience = self._audience.get(app_id)
        interrupter = QueryInterrupter()

        def work(progress: Progress) -> tuple[int, SegmentCount]:
            rule = parse_rules(document)
            with factory() as session, interrupter.running(session):
                audience = known_audience
                if audience is None:
                    audience = catalog.audience_size(session, app_id)
                counted = count_fn(session, app_id, rule, now)
            progress.report(1, 1)
            return audience, counted

        job = run_in_background(work, parent=self, pool=count_pool())
        job.succeeded.connect(lambda result: self._counted(generation, app_id, document, result))
        job.failed.connect(lambda exc, _tb: self._failed(generation, exc))
        job.finished.connect(lambda: self._finished(job))
        self._running.append((job, interrupter))

    def _start_sample(self, generation: int, app_id: int, document: dict[str, Any]) -> None:
        factory, now = self.workspace.session_factory, self.workspace.clock.now()
        interrupter = QueryInterrupter()

        def work(progress: Progress) -> list[catalog.ProfileSample]:
            rule = parse_rules(document)
            with factory() as session, interrupter.running(session):
                rows = catalog.sample_profiles(session, app_id, rule, now, SAMPLE_ROWS)
            progress.report(1, 1)
            return rows

        job = run_in_background(work, parent=self, pool=count_pool())
        job.succeeded.connect(lambda rows: self._sampled(generation, rows))
        job.finished.connect(lambda: self._finished(job))
        self._running.append((job, interrupter))

    def _current(self, generation: int) -> bool:
        if generation != self.generation:
            self.dropped += 1
            return False
        return True

    def _counted(
        self,
        generation: int,
        app_id: int,
        document: dict[str, Any],
        result: tuple[int, SegmentCount],
    ) -> None:
        if not self._current(generation):
            return
        audience, counted = result
        self._audience[app_id] = audience
        self.counted.emit(LiveFigures(counted.profiles, dict(counted.reachable), audience))
        self._start_sample(generation, app_id, document)

    def _sampled(self, generation: int, rows: list[catalog.ProfileSample]) -> None:
        if self._current(generation):
            self.sampled.emit(rows)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if self._current(generation):
            self._key = None  # the same rules may count once the reason is fixed elsewhere
            self.failed.emit(str(exc))

    def _finished(self, job: Job) -> None:
        self._running = [(j, i) for j, i in self._running if j is not job]
        if not self._running:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)
