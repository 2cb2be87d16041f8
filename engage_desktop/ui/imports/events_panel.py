"""Import a GA4 / Firebase Analytics BigQuery export (NDJSON, plain or .gz) into the app.

One screen: choose the file, import with progress and cancel, read the summary and the rejected
lines. The work is ``core.imports.events.import_events`` run off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.imports.common import ErrorTable, failure_text, save_report, show_progress
from engage_desktop.ui.messages import fill

if TYPE_CHECKING:
    from engage_desktop.core.imports.events import EventImportResult
    from engage_desktop.ui.context import UiContext


class EventsImportPanel(QWidget):
    """Attributes: ``job`` (running import or None), ``result`` (the last EventImportResult)."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.job: Job | None = None
        self.result: EventImportResult | None = None
        title = QLabel(self.tr("<b>Import analytics events</b>"))
        explain = QLabel(
            self.tr(
                "Rows of a Firebase Analytics / GA4 BigQuery export, one JSON object per line "
                "(.json, .ndjson, or compressed .gz). user_id is matched to the contacts' "
                "external id and user_pseudo_id to the app installation; notification opens "
                "and receipts are credited to the campaign that sent them."
            )
        )
        explain.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose an export and import…"))
        self.choose_button.clicked.connect(self._ask_file)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.errors = ErrorTable()
        self.errors.setVisible(False)
        self.save_button = QPushButton(self.tr("Save the error report…"))
        self.save_button.clicked.connect(self._save_report)
        self.save_button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status)
        layout.addWidget(self.errors, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        layout.addStretch(0)

    def _ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a GA4 export"),
            str(Path.home()),
            self.tr("GA4 exports (*.json *.ndjson *.jsonl *.gz);;All files (*)"),
        )
        if name:
            self.start_import(Path(name))

    def start_import(self, path: Path) -> Job | None:
        from engage_desktop.core.imports.events import import_events

        if self.context.app_id is None or self.job is not None:
            return None
        workspace, app_id = self.context.workspace, self.context.app_id

        def work(progress: Progress) -> EventImportResult:
            return import_events(workspace, app_id, path, progress=progress)

        self.result = None
        self.errors.setVisible(False)
        self.save_button.setVisible(False)
        self.choose_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.status.setText(fill(self.tr("Importing %1…"), [path.name]))
        job = run_in_background(work, parent=self)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._imported)
        job.failed.connect(lambda exc, _tb: self.status.setText(failure_text(exc)))
        job.cancelled.connect(
            lambda: self.status.setText(self.tr("<b>Import cancelled.</b> Nothing was written."))
        )
        job.finished.connect(self._job_done)
        self.job = job
        return job

    def _progressed(self, done: int, total: object, _message: str) -> None:
        show_progress(self.progress_bar, done, total)
        self.status.setText(fill(self.tr("%1 lines read…"), [format_int(done)]))

    def cancel(self) -> None:
        if self.job is not None:
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling: undoing what was written…"))
            self.job.cancel()

    def _job_done(self) -> None:
        self.job = None
        self.choose_button.setEnabled(True)
        self.cancel_button.setVisible(False)
        self.progress_bar.setVisible(False)

    def _imported(self, result: EventImportResult) -> None:
        self.result = result
        lines = [
            self.tr("<b>Import finished.</b>"),
            fill(  # each count with its own plural form ("1 ligne rejetée")
                self.tr("%1, %2 out of %3."),
                [
                    self.tr("%Ln event(s) imported", "", result.imported),
                    self.tr("%Ln line(s) rejected", "", result.failed),
                    format_int(result.lines_read),
                ],
            ),
            fill(
                self.tr("New: %1, %2, %3."),
                [
                    self.tr("%Ln contact(s)", "", result.profiles_created),
                    self.tr("%Ln device(s)", "", result.devices_created),
                    self.tr("%Ln event name(s)", "", result.event_names_created),
                ],
            ),
            fill(
                self.tr("%1; %2."),
                [
                    self.tr(
                        "%Ln notification receipt(s), open(s) and dismissal(s) credited to "
                        "campaigns",
                        "",
                        result.engagements,
                    ),
                    self.tr("%Ln matched no campaign", "", result.unattributed_notifications),
                ],
            ),
        ]
        if result.already_stored:
            lines.append(
                self.tr(
                    "Already stored by an earlier import, skipped: %Ln event(s).",
                    "",
                    result.already_stored,
                )
            )
        self.status.setText("<br>".join(lines))
        self.errors.show_errors(result.errors)
        self.errors.setVisible(bool(result.errors))
        self.save_button.setVisible(bool(result.errors))

    def _save_report(self) -> None:
        if self.result is not None:
            stem = Path(self.result.file).stem
            save_report(self, self.result.errors, str(Path.home() / f"{stem}-erreurs.csv"))
