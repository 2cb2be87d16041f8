""" "Send…" / "Send now": confirm with the one summary, then follow the send live in the dialog.

Every GUI path that sends comes here (the composer's "Send…", the Deliveries page's "Send
now"). Step 1 shows core's ``SendSummary`` (audience, suppressed by reason, channel, when;
counted off the GUI thread, permission checked by core) in ``SendConfirmation``. Step 2 starts
the send (``start_send``) and shows the send panel: queued, sent, failed, suppressed by reason,
rate, time left, pause / resume / cancel.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.outbox.confirmation import SendSummary, send_summary
from engage_desktop.core.outbox.expand import ExpandResult, start_send
from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.delivery.summary_text import rules_lines
from engage_desktop.ui.messages import fill
from engage_desktop.ui.sending.errors import user_message
from engage_desktop.ui.sending.send_panel import SendPanel
from engage_desktop.ui.workflow.confirmation import SendConfirmation


class SendDialog(QDialog):
    """Confirm, then watch one campaign's send. ``panel`` is the live progress (step 2).

    Signals:
        started(): the send was queued (lists and panels refresh).
    """

    started = Signal()

    def __init__(
        self,
        context: UiContext,
        campaign_id: int,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.campaign_id = campaign_id
        self.summary: SendSummary | None = None
        self._set_title(name)
        self.setMinimumWidth(560)
        self.confirmation = SendConfirmation()
        self.question = self.confirmation.question
        self.panel = SendPanel(context, start_buttons=False)
        self.rules = QLabel()  # what the delivery rules will do (core-computed, issue 18)
        self.rules.setWordWrap(True)
        confirm = QWidget()
        confirm_layout = QVBoxLayout(confirm)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_layout.addWidget(self.confirmation)
        confirm_layout.addWidget(self.rules)
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
            lambda _p: send_summary(ws, campaign_id),
            parent=self,
            on_success=self._counted,
            on_failure=self._failed,
        )

    def _set_title(self, name: str) -> None:
        self.setWindowTitle(fill(self.tr("Send “%1”"), [name]) if name else self.tr("Send"))

    def _counted(self, summary: SendSummary) -> None:
        self.summary = summary
        self._set_title(summary.name)
        self.confirmation.show_summary(summary)
        self.rules.setText("\n".join(rules_lines(summary.delivery)) if summary.delivery else "")
        self.send_button.setEnabled(summary.recipients > 0)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.confirmation.show_error(user_message(exc))
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
        self.context.changes.poke()
        self.started.emit()
