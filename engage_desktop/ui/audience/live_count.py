"""Counting the segment being built while the marketer edits it, without ever showing a stale
figure.

Edits restart a short debounce; when it fires, the running count (if any) is interrupted in the
database and a new one starts off the GUI thread: first how many profiles match (cheap), then
their reach per channel, then a sample of matching profiles, each shown as it comes.
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

from engage_desktop.core.interrupt import QueryInterrupter
from engage_desktop.core.progress import Progress
from engage_desktop.core.segments import (
    RuleError,
    SegmentCount,
    catalog,
    count_segment,
    parse_rules,
)
from engage_desktop.core.segments.count import count_profiles
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.background import Job, run_in_background

from .rule_errors import rule_error_text

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
    reachable: dict[str, int] | None  # None while only the profiles are counted
    audience: int

    def share(self, value: int) -> float:
        return 0.0 if self.audience <= 0 else value / self.audience


class LiveCounter(QObject):
    """Counts ``document`` for the current app after each change, newest edit wins.

    Signals:
        busy_changed(bool): a count is running (for the busy indicator).
        profiles_counted(LiveFigures): how many profiles match, reach still being counted.
        counted(LiveFigures): the figures of the latest document, with the reach.
        sampled(list[ProfileSample]): a few matching profiles of the latest document.
        failed(str): the latest document could not be counted (e.g. a deleted segment).
        cleared(): nothing to count (no document, or no app).
    """

    busy_changed = Signal(bool)
    profiles_counted = Signal(object)
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
        profiles_fn: Callable[[Session, int, Any, datetime], int] = count_profiles,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.count_fn = count_fn
        self.profiles_fn = profiles_fn
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
        self._start_count(self.generation, app_id, document)
        self._set_busy(True)

    def _stop_running(self) -> None:
        self.generation += 1  # whatever still answers is stale from now on
        for job, interrupter in self._running:
            job.cancel()
            interrupter.cancel()
        self._running = []
        self._set_busy(False)

    def _start(
        self,
        generation: int,
        document: dict[str, Any],
        query: Callable[[Session, Any, datetime], Any],
        on_result: Callable[[Any], None],
    ) -> None:
        """Run ``query(session, rule, now)`` off the GUI thread, interruptibly; its answer goes
        to ``on_result`` only if no newer edit came meanwhile."""
        from engage_desktop.core.access import app_session
        from engage_desktop.security.roles import Permission

        ws, now, app_id = self.workspace, self.workspace.clock.now(), self.app_id
        interrupter = QueryInterrupter()

        def work(progress: Progress) -> Any:
            rule = parse_rules(document)
            assert app_id is not None  # flush() starts counts only for an app
            with (
                app_session(ws, app_id, Permission.VIEW_AUDIENCE) as session,
                interrupter.running(session),
            ):
                result = query(session, rule, now)
            progress.report(1, 1)
            return result

        job = run_in_background(work, parent=self, pool=count_pool())
        job.succeeded.connect(
            lambda result: on_result(result) if self._current(generation) else None
        )
        job.failed.connect(lambda exc, _tb: self._failed(generation, exc))
        job.finished.connect(lambda: self._finished(job))
        self._running.append((job, interrupter))

    def _start_count(self, generation: int, app_id: int, document: dict[str, Any]) -> None:
        """How many profiles (cheap), then their reach per channel, then a sample."""
        known, profiles_fn, count_fn = self._audience.get(app_id), self.profiles_fn, self.count_fn

        def profiles(session: Session, rule: Any, now: datetime) -> tuple[int, int]:
            audience = catalog.audience_size(session, app_id) if known is None else known
            return audience, profiles_fn(session, app_id, rule, now)

        def reach(session: Session, rule: Any, now: datetime) -> SegmentCount:
            return count_fn(session, app_id, rule, now)

        def sample(session: Session, rule: Any, now: datetime) -> list[catalog.ProfileSample]:
            return catalog.sample_profiles(session, app_id, rule, now, SAMPLE_ROWS)

        def got_profiles(result: tuple[int, int]) -> None:
            audience, n = result
            self._audience[app_id] = audience
            self.profiles_counted.emit(LiveFigures(n, None, audience))
            self._start(generation, document, reach, got_reach)

        def got_reach(counted: SegmentCount) -> None:
            audience = self._audience[app_id]
            self.counted.emit(LiveFigures(counted.profiles, dict(counted.reachable), audience))
            self._start(generation, document, sample, self.sampled.emit)

        # One after the other: run side by side on two shared cores, the two queries slowed each
        # other so much that both answered later (segment_live_count benchmark).
        self._start(generation, document, profiles, got_profiles)

    def _current(self, generation: int) -> bool:
        if generation != self.generation:
            self.dropped += 1
            return False
        return True

    def _failed(self, generation: int, exc: BaseException) -> None:
        if self._current(generation):
            self._key = None  # the same rules may count once the reason is fixed elsewhere
            self.failed.emit(rule_error_text(exc) if isinstance(exc, RuleError) else str(exc))

    def _finished(self, job: Job) -> None:
        self._running = [(j, i) for j, i in self._running if j is not job]
        if not self._running:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busy_changed.emit(busy)
