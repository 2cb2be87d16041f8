"""What a campaign that was sent shows above its (read-only) content: how it ended, its counts,
and "Duplicate to edit", since its own content can no longer change.

The counts are read off the GUI thread with ``campaign_progress`` (the same figures as the
Deliveries page); analytics (opens, conversions) live on the Analytics page.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from engage_desktop.core.outbox.control import CampaignProgress, campaign_progress
from engage_desktop.core.progress import Progress
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.sending.errors import user_message
from engage_desktop.ui.sending.send_panel import reason_label, status_text


class CampaignResults(QGroupBox):
    """A sent campaign's status and counts, with the "Duplicate to edit" button.

    Attributes:
        counts: label per figure (``sent``, ``failed``, ``suppressed``, ``queued``).
        duplicate_button: asks for an editable copy.

    Signals:
        duplicated(campaign_id): the editable copy was made.
    """

    duplicated = Signal(int)

    def __init__(self, context: UiContext, campaign_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.campaign_id = campaign_id
        self.setTitle(self.tr("Sent campaign: read only"))
        layout = QFormLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addRow(self.status)
        self.counts: dict[str, QLabel] = {}
        for key, label in (
            ("sent", self.tr("Sent")),
            ("failed", self.tr("Failed")),
            ("suppressed", self.tr("Not sent")),
            ("queued", self.tr("Waiting")),
        ):
            self.counts[key] = QLabel("…")
            layout.addRow(label, self.counts[key])
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        layout.addRow(self.reasons)
        self.duplicate_button = QPushButton(self.tr("Duplicate to edit"))
        self.duplicate_button.setToolTip(
            self.tr("A sent campaign cannot change: edit a new draft with the same content.")
        )
        self.duplicate_button.clicked.connect(self.duplicate)
        layout.addRow(self.duplicate_button)
        self.load()

    def load(self) -> None:
        """Read the campaign's counts on a worker and show them."""
        ws, campaign_id = self.context.workspace, self.campaign_id

        def work(_progress: Progress) -> CampaignProgress:
            with ws.session_factory() as session:
                return campaign_progress(session, ws.member_id, campaign_id, ws.clock.now())

        run_in_background(work, parent=self, on_success=self.show_progress, on_failure=self._failed)

    def show_progress(self, p: CampaignProgress) -> None:
        self.status.setText(status_text(p.status))
        for key, value in (
            ("sent", p.sent),
            ("failed", p.failed),
            ("suppressed", sum(p.suppressed.values())),
            ("queued", p.queued),
        ):
            self.counts[key].setText(format_int(value))
        pattern = self.tr("%1: %2")
        parts = [
            fill(pattern, [reason_label(k), format_int(v)]) for k, v in sorted(p.suppressed.items())
        ]
        self.reasons.setText(
            fill(self.tr("Not sent, by reason: %1"), [", ".join(parts)]) if parts else ""
        )

    def duplicate(self) -> None:
        """Copy the campaign into a new draft (on a worker), named in the user's language."""
        from engage_desktop.core.campaigns.edit import duplicate

        ws, campaign_id = self.context.workspace, self.campaign_id
        copy_name = self.tr("%1 (copy)")
        self.duplicate_button.setEnabled(False)

        def work(_progress: Progress) -> int:
            with ws.session() as session:
                return duplicate(session, ws.member_id, campaign_id, copy_name)

        run_in_background(work, parent=self, on_success=self._duplicated, on_failure=self._failed)

    def _duplicated(self, copy_id: int) -> None:
        self.duplicate_button.setEnabled(True)
        self.duplicated.emit(copy_id)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self.duplicate_button.setEnabled(True)
        self.status.setText(fill(self.tr("The results could not be read: %1"), [user_message(exc)]))
