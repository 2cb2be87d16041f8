"""Send now / pause / resume / cancel one campaign, with live progress read from the outbox.

Thin: every action and every progress read is a core call run with ``run_in_background``; the
service does the sending. "Send now" opens the one confirmation (``SendDialog``), never sends
on one click. Progress is polled once a second while the panel is visible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.outbox import control
from engage_desktop.core.outbox.control import CampaignProgress
from engage_desktop.core.outbox.retry import RETRYABLE_FROM, retry_failed
from engage_desktop.core.progress import Progress
from engage_desktop.security.roles import Permission
from engage_desktop.store.models import CampaignStatus
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.delivery.summary_text import rule_reason_label
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.permissions import gate
from engage_desktop.ui.sending.errors import reason_text, user_message


def reason_label(reason: str) -> str:
    labels = {
        "no_push_consent": QCoreApplication.translate("SendPanel", "no push consent"),
        "push_disabled": QCoreApplication.translate("SendPanel", "notifications off"),
        "no_token": QCoreApplication.translate("SendPanel", "no push token"),
        "token_invalidated": QCoreApplication.translate("SendPanel", "token no longer valid"),
        "control_group": QCoreApplication.translate("SendPanel", "control group"),
        "cancelled": QCoreApplication.translate("SendPanel", "cancelled"),
        "no_in_app_consent": QCoreApplication.translate("SendPanel", "no in-app consent"),
        "no_sms_consent": QCoreApplication.translate("SendPanel", "no SMS consent"),
        "no_phone": QCoreApplication.translate("SendPanel", "no phone number"),
        "bad_phone": QCoreApplication.translate("SendPanel", "phone not in +33… form"),
        "no_email_consent": QCoreApplication.translate("SendPanel", "no email consent"),
        "no_email": QCoreApplication.translate("SendPanel", "no email address"),
        "bad_email": QCoreApplication.translate("SendPanel", "malformed email address"),
    }
    return labels.get(reason) or rule_reason_label(reason) or reason


def status_text(status: CampaignStatus) -> str:
    return {
        CampaignStatus.DRAFT: QCoreApplication.translate("SendPanel", "Draft"),
        CampaignStatus.SCHEDULED: QCoreApplication.translate("SendPanel", "Scheduled"),
        CampaignStatus.SENDING: QCoreApplication.translate("SendPanel", "Sending"),
        CampaignStatus.PAUSED: QCoreApplication.translate("SendPanel", "Paused"),
        CampaignStatus.COMPLETED: QCoreApplication.translate("SendPanel", "Completed"),
        CampaignStatus.CANCELLED: QCoreApplication.translate("SendPanel", "Cancelled"),
    }[status]


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return QCoreApplication.translate("SendPanel", "unknown")
    minutes, secs = divmod(int(seconds + 0.5), 60)
    if minutes:
        return fill(
            QCoreApplication.translate("SendPanel", "%1 min %2 s"), [str(minutes), str(secs)]
        )
    return fill(QCoreApplication.translate("SendPanel", "%1 s"), [str(secs)])


class SendPanel(QWidget):
    """Controls and live progress of one campaign's send.

    Signals:
        status_changed(): an action changed the campaign's status (lists refresh).
    """

    status_changed = Signal()

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, start_buttons: bool = True
    ) -> None:
        """``start_buttons`` False: progress and pause/resume/cancel only (the send dialog)."""
        super().__init__(parent)
        self.context = context
        self.campaign_id: int | None = None
        self._poll: Job | None = None
        self.send_dialog: QDialog | None = None
        self.send_button = QPushButton(self.tr("Send now…"))
        self.test_button = QPushButton(self.tr("Send to test devices"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.cancel_button = QPushButton(self.tr("Cancel sending"))
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.setToolTip(
            self.tr("Send the failed messages again; what was delivered is not sent twice")
        )
        buttons = QHBoxLayout()
        for button in (
            self.send_button,
            self.test_button,
            self.pause_button,
            self.resume_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.send_button.setVisible(start_buttons)
        self.test_button.setVisible(start_buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.counts: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = (
            ("sent", self.tr("Sent")),
            ("failed", self.tr("Failed")),
            ("queued", self.tr("Waiting")),
            ("suppressed", self.tr("Not sent")),
            ("rate", self.tr("Rate")),
            ("left", self.tr("Time left")),
        )
        for i, (key, title) in enumerate(names):
            grid.addWidget(QLabel(title), i // 3, (i % 3) * 2)
            value = QLabel("—")
            self.counts[key] = value
            grid.addWidget(value, i // 3, (i % 3) * 2 + 1)
        self.suppressed = QLabel()
        self.suppressed.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addLayout(grid)
        # Under the counts it is about, on its own row: the window keeps its minimum width.
        retry_row = QHBoxLayout()
        retry_row.addWidget(self.retry_button)
        retry_row.addStretch(1)
        layout.addLayout(retry_row)
        layout.addWidget(self.suppressed)
        layout.addStretch(1)
        self.send_button.clicked.connect(self._confirm_send)
        self.test_button.clicked.connect(self._open_test_send)
        self.pause_button.clicked.connect(lambda: self._act(self._pause))
        self.resume_button.clicked.connect(lambda: self._act(self._resume))
        self.cancel_button.clicked.connect(lambda: self._act(self._cancel))
        self.retry_button.clicked.connect(lambda: self._act(self._retry))
        controls = [self.pause_button, self.resume_button, self.cancel_button, self.retry_button]
        starts = [self.send_button, self.test_button] if start_buttons else []
        gate(context, Permission.SEND_CAMPAIGNS, *starts, *controls)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.set_campaign(None)

    # --- campaign and progress -----------------------------------------------------------
    def set_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.last: CampaignProgress | None = None
        self.note = ""  # the last action's result or error, kept under the status as it refreshes
        self._buttons(None)
        self.status.setText(self.tr("Pick a campaign.") if campaign_id is None else "")
        if campaign_id is None:
            self.timer.stop()
        else:
            if self.isVisible():
                self.timer.start()
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Poll only while shown: a hidden page or a closed dialog costs no database reads."""
        super().showEvent(event)
        if self.campaign_id is not None:
            self.timer.start()
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        if self.campaign_id is None or self._poll is not None:
            return
        ws, campaign_id = self.context.workspace, self.campaign_id

        def work(_p: Progress) -> CampaignProgress:
            with ws.session() as session:
                return control.campaign_progress(session, ws.member_id, campaign_id, ws.clock.now())

        self._poll = run_in_background(
            work, parent=self, on_success=self.show_progress, on_failure=self._failed
        )
        self._poll.finished.connect(self._poll_done)

    def _poll_done(self) -> None:
        self._poll = None

    def show_progress(self, p: CampaignProgress) -> None:
        if p.campaign_id != self.campaign_id:
            return
        self.last = p
        self._buttons(p.status, p.failed)
        text = status_text(p.status)
        if p.status_reason:
            text += " — " + reason_text(p.status_reason)
        self.status.setText(f"{text}\n{self.note}" if self.note else text)
        self.bar.setRange(0, max(p.total, 1))
        self.bar.setValue(p.done if p.total else 0)
        self.counts["sent"].setText(format_int(p.sent))
        self.counts["failed"].setText(format_int(p.failed))
        self.counts["queued"].setText(format_int(p.queued))
        self.counts["suppressed"].setText(format_int(sum(p.suppressed.values())))
        self.counts["rate"].setText(fill(self.tr("%1 /s"), [format_int(round(p.rate))]))
        self.counts["left"].setText(duration_text(p.seconds_left))
        pattern = self.tr("%1: %2")
        parts = [
            fill(pattern, [reason_label(k), format_int(v)]) for k, v in sorted(p.suppressed.items())
        ]
        self.suppressed.setText(
            fill(self.tr("Not sent, by reason: %1"), [", ".join(parts)]) if parts else ""
        )

    def _buttons(self, status: CampaignStatus | None, failed: int = 0) -> None:
        self.send_button.setEnabled(status in (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED))
        self.retry_button.setEnabled(failed > 0 and status in RETRYABLE_FROM)
        testable = self.last is None or self.last.format not in ("sms", "email")
        self.test_button.setEnabled(status is not None and testable)
        self.pause_button.setEnabled(status == CampaignStatus.SENDING)
        self.resume_button.setEnabled(status == CampaignStatus.PAUSED)
        self.cancel_button.setEnabled(
            status in (CampaignStatus.SENDING, CampaignStatus.PAUSED, CampaignStatus.SCHEDULED)
        )

    # --- actions (core calls, off the GUI thread) -----------------------------------------
    def _act(self, action: Callable[[int], Any]) -> None:
        if self.campaign_id is None:
            return
        campaign_id = self.campaign_id
        self._buttons(None)
        self.note = ""
        job = run_in_background(
            lambda _p: action(campaign_id),
            parent=self,
            on_success=self._done,
            on_failure=self._action_failed,
        )
        job.finished.connect(self.refresh)

    def _confirm_send(self) -> None:
        """The one confirmation (audience, suppressed, channel, when), as the composer's; the
        send starts only from there."""
        from engage_desktop.ui.sending.send_dialog import SendDialog

        if self.campaign_id is None:
            return
        self.send_dialog = SendDialog(self.context, self.campaign_id, parent=self)
        self.send_dialog.started.connect(self.status_changed)
        self.send_dialog.started.connect(self.refresh)
        self.send_dialog.open()

    def _open_test_send(self) -> None:
        """The test send with its result per device (the same dialog as the composer's)."""
        from engage_desktop.ui.sending.trial_dialog import TrialSendDialog

        if self.campaign_id is not None:
            self.trial = TrialSendDialog(self.context, self.campaign_id, parent=self)
            self.trial.open()

    def _pause(self, campaign_id: int) -> str:
        control.pause(self.context.workspace, campaign_id, "paused by a user")  # shown translated
        return ""

    def _resume(self, campaign_id: int) -> str:
        control.resume(self.context.workspace, campaign_id)
        return ""

    def _cancel(self, campaign_id: int) -> str:
        count = control.cancel(self.context.workspace, campaign_id)
        return self.tr("Cancelled: %Ln message(s) will not be sent.", "", count)

    def _retry(self, campaign_id: int) -> str:
        result = retry_failed(self.context.workspace, campaign_id)
        text = self.tr("%n failed message(s) queued again.", "", result.queued)
        kept = sum(result.kept.values())
        if kept:
            parts = ", ".join(
                fill(self.tr("%1: %2"), [reason_label(k), format_int(v)])
                for k, v in sorted(result.kept.items())
            )
            text += " " + fill(self.tr("%n left failed (%1).", "", kept), [parts])
        return text

    def _done(self, message: str) -> None:
        self.note = message
        self.status_changed.emit()
        if message:
            self.status.setText(message)

    def _action_failed(self, exc: BaseException, tb: str) -> None:
        self._failed(exc, tb)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.note = user_message(exc)
        self.status.setText(self.note)
        self._buttons(self.last.status if self.last else None, self.last.failed if self.last else 0)
