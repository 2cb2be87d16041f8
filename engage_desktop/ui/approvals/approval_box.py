"""A campaign's approval on the Deliveries page: where it stands, and the buttons this member
may use (submit for a sender, approve or reject for an approver who did not submit it).

Thin: reads ``core.approvals.workflow.approval_view`` and calls the workflow, off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engage_desktop.core.approvals import workflow
from engage_desktop.core.approvals.workflow import ApprovalView
from engage_desktop.core.progress import Progress
from engage_desktop.store.models import ApprovalState
from engage_desktop.ui.approvals.decision_dialog import DecisionDialog
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.formatting import format_datetime, format_int
from engage_desktop.ui.messages import approval_error_text, fill


class ApprovalBox(QGroupBox):
    """Signals:
    changed(): the approval state changed (the send panel and the list refresh).
    """

    changed = Signal()

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Approval"), parent)
        self.context = context
        self.campaign_id: int | None = None
        self.campaign_name = ""
        self.view: ApprovalView | None = None
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("Submit for approval"))
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        buttons = QHBoxLayout()
        for button in (self.submit_button, self.approve_button, self.reject_button):
            buttons.addWidget(button)
            button.hide()
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.submit_button.clicked.connect(self._submit)
        self.approve_button.clicked.connect(lambda: self._decide(True))
        self.reject_button.clicked.connect(lambda: self._decide(False))
        self.set_campaign(None)

    def set_campaign(self, campaign_id: int | None, name: str = "") -> None:
        self.campaign_id, self.campaign_name = campaign_id, name
        self.setVisible(campaign_id is not None)
        if campaign_id is not None:
            self.refresh()

    def refresh(self) -> None:
        if self.campaign_id is None:
            return
        ws, campaign_id = self.context.workspace, self.campaign_id

        def work(_p: Progress) -> ApprovalView:
            return workflow.approval_view(ws, campaign_id)

        run_in_background(work, parent=self, on_success=self.show_view, on_failure=self._failed)

    def show_view(self, view: ApprovalView) -> None:
        if view.campaign_id != self.campaign_id:
            return
        self.view = view
        self.state.setText(self.describe(view))
        self.submit_button.setVisible(view.may_submit)
        self.approve_button.setVisible(view.may_decide)
        self.reject_button.setVisible(view.may_decide)

    def describe(self, view: ApprovalView) -> str:
        rule = (
            fill(
                self.tr("Sends of this app to more than %1 recipients need an approval."),
                [format_int(view.threshold)],
            )
            if view.threshold is not None
            else self.tr("This app's sends need no approval.")
        )
        if view.state is None:
            return rule
        who, when = view.requested_by or "?", format_datetime(view.requested_at)
        decider, decided = view.decided_by or "?", format_datetime(view.decided_at)
        if view.state == ApprovalState.PENDING:
            text = fill(
                self.tr(
                    "Waiting for an approver: submitted by %1 on %2 (%Ln recipient(s)).",
                    "",
                    view.recipients or 0,
                ),
                [who, when],
            )
        elif view.state == ApprovalState.APPROVED and view.current:
            text = fill(self.tr("Approved by %1 on %2."), [decider, decided])
        elif view.state == ApprovalState.APPROVED:
            text = self.tr("Approved for content that has changed since: submit it again.")
        elif view.state == ApprovalState.REJECTED:
            text = fill(self.tr("Rejected by %1 on %2."), [decider, decided])
        else:
            text = self.tr("The approval was voided by an edit: submit it again.")
        if view.comment:
            text += " " + fill(self.tr("Comment: “%1”"), [view.comment])
        return text + "\n" + rule

    # --- actions -------------------------------------------------------------------------
    def _submit(self) -> None:
        ws = self.context.workspace
        self._act(lambda campaign_id: workflow.submit(ws, campaign_id))

    def _decide(self, approve: bool) -> None:
        """Ask for the comment in a window-modal dialog; decide once it is accepted."""
        self.decision = DecisionDialog(approve, self.campaign_name, parent=self)
        self.decision.accepted.connect(lambda: self._decided(approve))
        self.decision.open()

    def _decided(self, approve: bool) -> None:
        ws, comment = self.context.workspace, self.decision.text()
        decide = workflow.approve if approve else workflow.reject
        self._act(lambda campaign_id: decide(ws, campaign_id, comment))

    def _act(self, action: Callable[[int], Any]) -> None:
        if self.campaign_id is None:
            return
        campaign_id = self.campaign_id
        for button in (self.submit_button, self.approve_button, self.reject_button):
            button.setEnabled(False)
        job = run_in_background(
            lambda _p: action(campaign_id),
            parent=self,
            on_success=lambda _r: self.changed.emit(),
            on_failure=self._failed,
        )
        job.finished.connect(self._done)

    def _done(self) -> None:
        for button in (self.submit_button, self.approve_button, self.reject_button):
            button.setEnabled(True)
        self.refresh()

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.state.setText(approval_error_text(exc))
