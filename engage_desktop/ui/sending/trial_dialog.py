""" "Send to test devices": the current content to the app's test devices, result per device.

Marked as a test everywhere: test message ids (``edt-…``) are left out of the campaign's counts.
They go through the outbox and the dispatch service like a real send, so what a test device
shows is what a customer's phone will show.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.outbox.trial import (
    TrialOutcome,
    TrialRecipient,
    queue_test_send,
    trial_outcomes,
)
from engage_desktop.store.models import OutboxState
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill
from engage_desktop.ui.sending.errors import user_message

PLATFORM_NAMES = {"ios": "iOS", "android": "Android", "web": "Web"}
WAIT_NOTE_AFTER = 10  # polls (seconds) before saying the service may not be running


class TrialSendDialog(QDialog):
    """Queues the test send on open, then polls each message's state once a second."""

    def __init__(
        self,
        context: UiContext,
        campaign_id: int,
        variant_key: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.app_id = context.app_id or 0  # the campaign's app: the composer's current app
        self.recipients: list[TrialRecipient] = []
        self.outcomes: dict[str, TrialOutcome] = {}
        self._polls = 0
        self._poll: Job | None = None
        self.setWindowTitle(self.tr("Test send"))
        self.setMinimumSize(620, 300)
        self.note = QLabel(self.tr("Queuing the test messages…"))
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Test device"), self.tr("Platform"), self.tr("Result")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        ws = context.workspace
        run_in_background(
            lambda _p: queue_test_send(ws, campaign_id, variant_key),
            parent=self,
            on_success=self._queued,
            on_failure=self._failed,
        )

    def hideEvent(self, event: QHideEvent) -> None:
        """A closed dialog stops polling (it may outlive its window until collected)."""
        self.timer.stop()
        super().hideEvent(event)

    def _queued(self, recipients: list[TrialRecipient]) -> None:
        self.recipients = recipients
        self.table.setRowCount(len(recipients))
        for row, r in enumerate(recipients):
            self.table.setItem(row, 0, QTableWidgetItem(r.label))
            platform = PLATFORM_NAMES.get(r.platform, r.platform)  # brand names, untranslated
            self.table.setItem(row, 1, QTableWidgetItem(platform))
            self.table.setItem(row, 2, QTableWidgetItem(self.tr("waiting")))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.note.setText(self.tr("Sent through the dispatch service, marked as a test."))
        if self.isVisible():
            self.timer.start()
        self.refresh()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.timer.stop()
        self.note.setText(user_message(exc))

    def refresh(self) -> None:
        if self._poll is not None or not self.recipients:
            return
        ws, ids = self.context.workspace, [r.message_id for r in self.recipients]
        app_id = self.app_id

        def work(_p: object) -> dict[str, TrialOutcome]:
            with ws.session() as session:
                return trial_outcomes(session, ws.member_id, app_id, ids)

        self._poll = run_in_background(
            work, parent=self, on_success=self._show, on_failure=self._failed
        )
        self._poll.finished.connect(self._poll_done)

    def _poll_done(self) -> None:
        self._poll = None

    def _show(self, outcomes: dict[str, TrialOutcome]) -> None:
        self.outcomes = outcomes
        self._polls += 1
        for row, r in enumerate(self.recipients):
            outcome = outcomes.get(r.message_id)
            item = self.table.item(row, 2)
            if item is not None:
                item.setText(self.result_text(outcome))
        if self.recipients and all(
            (o := outcomes.get(r.message_id)) is not None and o.final for r in self.recipients
        ):
            self.timer.stop()
            self.note.setText(self.tr("Done: every test device has its result."))
        elif self._polls >= WAIT_NOTE_AFTER:
            self.note.setText(
                self.tr(
                    "Still waiting: is the dispatch service running? The status bar of the main "
                    "window shows it."
                )
            )

    def result_text(self, outcome: TrialOutcome | None) -> str:
        if outcome is None or outcome.state in (OutboxState.QUEUED, OutboxState.CLAIMED):
            return self.tr("waiting")
        if outcome.state == OutboxState.SENT:
            return self.tr("delivered to FCM")
        if outcome.state == OutboxState.RETRY:
            return fill(self.tr("will retry: %1"), [outcome.error or ""])
        if outcome.state == OutboxState.FAILED:
            return fill(self.tr("failed: %1"), [outcome.error or ""])
        return self.tr("not sent")
