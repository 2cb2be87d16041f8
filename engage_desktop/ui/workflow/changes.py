"""One poller of the core change feed for the whole window, with a signal per area.

Every second, off the GUI thread, ``core.changes.read_versions`` is read (one small query); a
moved number emits its area's signal and each list reloads itself off the GUI thread. Writes
of the GUI itself, the CLI, the service and other machines all arrive this way, so no page
needs a Refresh button to show the truth. After one of its own writes, the GUI may ``poke``
the feed to be told at once rather than within the second.

Send progress moves many times a second during a big send: ``progress_changed`` is coalesced
to once every ``progress_ticks`` polls, and the last change is always emitted.

The beat comes from one timer for the whole process (like ``ui.background``'s mailbox), not
one per feed, and a feed nobody follows does not read: a feed dropped with its context (tests
make many) then holds no running timer and no read in flight when Python's garbage collector
deletes it, possibly from a worker thread (an active timer deleted there crashed the tests).
"""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, QObject, QTimer, Signal

from engage_desktop.core.changes import ChangeVersions, changed_areas, read_versions
from engage_desktop.core.progress import Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.background import Job, run_in_background

POLL_MS = 1000
_beat: QTimer | None = None


def _get_beat() -> QTimer:
    """The process's one polling timer, created on first use (on the GUI thread), never deleted."""
    global _beat
    if _beat is None:
        _beat = QTimer()
        _beat.setInterval(POLL_MS)
        _beat.start()
    return _beat


class ChangeFeed(QObject):
    """Polls the change feed while started.

    Signals:
        campaigns_changed(): a campaign was created, edited, scheduled, started, paused,
            completed, cancelled or deleted (by anyone).
        segments_changed(): a segment was created, edited, counted or deleted.
        progress_changed(): the service recorded deliveries (coalesced).
    """

    campaigns_changed = Signal()
    segments_changed = Signal()
    progress_changed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        progress_ticks: int = 3,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.versions: ChangeVersions | None = None
        self.progress_ticks = progress_ticks
        self._ticks_since_progress = progress_ticks
        self._progress_pending = False
        self._poll: Job | None = None
        self._again = False
        self.running = False

    def start(self) -> None:
        if not self.running:
            self.running = True
            _get_beat().timeout.connect(self._tick)
            self.poke()

    def stop(self) -> None:
        if self.running:
            self.running = False
            _get_beat().timeout.disconnect(self._tick)

    def followed(self) -> bool:
        """Whether anything listens (views follow the feed while they exist)."""
        return any(
            self.receivers(SIGNAL(f"{name}()")) > 0
            for name in ("campaigns_changed", "segments_changed", "progress_changed")
        )

    def poke(self) -> None:
        """Read the feed now (after one of the GUI's own writes)."""
        if self._poll is not None:
            self._again = True  # the running read may have started before the write
            return
        ws = self.workspace

        def work(_progress: Progress) -> ChangeVersions:
            with ws.session_factory() as session:
                return read_versions(session)

        self._poll = run_in_background(work, parent=self, on_success=self._read)
        self._poll.finished.connect(self._poll_done)

    def _tick(self) -> None:
        if not self.followed():
            return
        self._ticks_since_progress += 1
        if self._progress_pending and self._ticks_since_progress >= self.progress_ticks:
            self._emit_progress()
        self.poke()

    def _poll_done(self) -> None:
        self._poll = None
        if self._again:
            self._again = False
            self.poke()

    def _read(self, versions: ChangeVersions) -> None:
        moved = changed_areas(self.versions, versions)
        self.versions = versions
        if "campaigns" in moved:
            self.campaigns_changed.emit()
        if "segments" in moved:
            self.segments_changed.emit()
        if "progress" in moved:
            self._progress_pending = True
            if self._ticks_since_progress >= self.progress_ticks:
                self._emit_progress()

    def _emit_progress(self) -> None:
        self._progress_pending = False
        self._ticks_since_progress = 0
        self.progress_changed.emit()
