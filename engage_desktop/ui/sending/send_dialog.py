""" "Send…": confirm with the audience numbers, then follow the send live in the same dialog.

Step 1 counts what a send would queue and suppress (``audience_summary``, off the GUI thread,
permission checked by core). Step 2 starts the send (``start_send``) and shows the send panel:
queued, sent, failed, suppressed by reason, rate, time left, pause / resume / cancel.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.outbox.expand import ExpandResult, audience_summary, start_send
from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.delivery.summary_text import rules_lines
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.sending.errors import user_message
from engage_desktop.ui.sending.send_panel import SendPanel, reason_label


class SendDialog(QDialog):
    """Confirm, then watch one campaign's send. ``panel`` is the live progress (step 2)."""

    def __init__(
        self, context: UiContext, campaign_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.campaign_id = campaign_id
        self.summary: ExpandResult | None = None
        self.setWindowTitle(fill(self.tr("Send “%1”"), [name]))
        self.setMinimumWidth(560)
        self.question = QLabel(self.tr("Counting the audience…"))
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold;")
        self.details = QLabel()
        self.details.setWordWrap(True)
        confirm = QWidget()
        confirm_layout = QVBoxLayout(confirm)
        confirm_layout.addWidget(self.question)
        confirm_layout.addWidget(self.details)
        confirm_layout.addStretch(1)
        self.panel = SendPanel(context, start_buttons=False)
        self.steps = QStackedWidget()
        self.steps.addWidget(confirm)
        self.steps.addWidget(self.panel)
        self.buttons = QDialogButtonBox()
        self.send_button: QPushButton = self.buttons.addButton(
            self.tr("Send now"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button: QPushButton = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.buttons)
        ws = context.workspace
        run_in_background(
            lambda _p: audience_summary(ws, campaign_id),
            parent=self,
            on_success=self._counted,
            on_failure=self._failed,
        )

    def _counted(self, summary: ExpandResult) -> None:
        self.summary = summary
        if summary.queued == 0:
            self.question.setText(self.tr("Nobody in this audience can receive it now."))
        else:
            self.question.setText(
                fill(
                    self.tr("Send this campaign now to %1 device(s)?"), [format_int(summary.queued)]
                )
            )
        parts = [
            fill(self.tr("%1: %2"), [reason_label(k), format_int(v)])
            for k, v in sorted(summary.suppressed.items())
        ]
        self.details.setText(
            "\n".join(
                [
                    fill(self.tr("Not sent, by reason: %1"), [", ".join(parts)])
                    if parts
                    else self.tr("No device of this audience is left out."),
                    *rules_lines(summary),  # what the delivery rules do (core-computed)
                ]
            )
        )
        self.send_button.setEnabled(summary.queued > 0)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.question.setText(user_message(exc))
        self.send_button.setEnabled(False)

    def send(self) -> None:
        self.send_button.setEnabled(False)
        self.question.setText(self.tr("Preparing the send…"))
        ws, campaign_id = self.context.workspace, self.campaign_id

        def work(progress: Progress) -> ExpandResult:
            return start_send(ws, campaign_id, progress=progress)

        run_in_background(work, parent=self, on_success=self._started, on_failure=self._failed)

    def _started(self, _result: ExpandResult) -> None:
        self.send_button.hide()
        self.steps.setCurrentWidget(self.panel)
        self.panel.set_campaign(self.campaign_id)
