"""The app's audience at a glance, above the saved segments: from the local cache with its age
(so it shows offline), recomputed on demand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.audience_overview import AudienceOverview, audience_overview
from engage_desktop.core.progress import Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import fill

from .segment_list import format_age


class OverviewBox(QFrame):
    """Profiles, new and active ones, reach per channel, and how old these figures are.

    Signals:
        loaded(): figures shown (tests wait for it).
    """

    loaded = Signal()

    def __init__(
        self, workspace: Workspace, now: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.now = now
        self.app_id: int | None = None
        self.overview: AudienceOverview | None = None
        self._job: Job | None = None
        self.setObjectName("overviewBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("Audience"))
        title.setStyleSheet("font-weight: 600;")
        self.refresh_button = QToolButton()
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Compute the audience figures again now"))
        self.profiles = QLabel("—")
        font = self.profiles.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.profiles.setFont(font)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for row, (key, text) in enumerate(
            (
                ("new", self.tr("New in 7 days")),
                ("active", self.tr("Active in 30 days")),
                ("push", self.tr("Reachable by push")),
                ("sms", self.tr("Reachable by SMS")),
                ("email", self.tr("Reachable by email")),
            )
        ):
            value = QLabel("—")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setColumnStretch(0, 1)
        self.age = QLabel()
        self.age.setWordWrap(True)
        self.age.setStyleSheet("color: palette(placeholder-text);")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(3)
        layout.addLayout(header)
        layout.addWidget(self.profiles)
        layout.addLayout(grid)
        layout.addSpacing(2)
        layout.addWidget(self.age)
        self.refresh_button.clicked.connect(lambda: self.load(self.app_id, refresh=True))
        self._tick = QTimer(self, interval=30_000)
        self._tick.timeout.connect(self._show_age)
        self._tick.start()

    def load(self, app_id: int | None, *, refresh: bool = False) -> None:
        """Show the cached overview of ``app_id`` (computing it if there is none yet)."""
        if self._job is not None:
            self._job.cancel()
        self.app_id, ws = app_id, self.workspace
        if app_id is None:
            return
        self.refresh_button.setEnabled(False)
        self.age.setText(self.tr("Computing…") if refresh else self.age.text())

        def work(progress: Progress) -> AudienceOverview:
            overview = audience_overview(ws, app_id, refresh=refresh)
            progress.report(1, 1)
            return overview

        job = run_in_background(work, parent=self)
        job.succeeded.connect(lambda overview, job=job: self._show(job, overview))
        job.failed.connect(lambda exc, _tb, job=job: self._failed(job, exc))
        self._job = job

    def busy(self) -> bool:
        return self._job is not None and not self._job.done

    def _show(self, job: Job, overview: AudienceOverview) -> None:
        if job is not self._job or overview.app_id != self.app_id:
            return
        self.overview = overview
        self.refresh_button.setEnabled(True)
        self.profiles.setText(self.tr("%Ln profile(s)", "", overview.profiles))
        figures = {
            "new": overview.new.get(7, 0),
            "active": overview.active.get(30, 0),
            **{ch: overview.reachable.get(ch, 0) for ch in ("push", "sms", "email")},
        }
        for key, value in figures.items():
            self.values[key].setText(format_int(value))
        self._show_age()
        self.loaded.emit()

    def _show_age(self) -> None:
        if self.overview is None:
            return
        seconds = (self.now() - self.overview.computed_at).total_seconds()
        self.age.setText(fill(self.tr("Figures computed %1"), [format_age(seconds)]))

    def _failed(self, job: Job, exc: BaseException) -> None:
        if job is not self._job:
            return
        self.refresh_button.setEnabled(True)
        self.age.setText(fill(self.tr("Cannot compute the overview: %1"), [str(exc)]))
