"""Settings → Approvals: the current app's threshold (admins only; hidden for the others)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.approvals.rules import approval_threshold, set_approval_threshold
from engage_desktop.core.progress import Progress
from engage_desktop.security.roles import Permission, can
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import approval_error_text, fill


class ApprovalThresholdBox(QGroupBox):
    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Approvals"), parent)
        self.context = context
        self.enabled = QCheckBox(self.tr("Sends to more than"))
        self.above = QSpinBox()
        self.above.setRange(0, 100_000_000)
        self.above.setSingleStep(1_000)
        self.above.setGroupSeparatorShown(True)
        self.above.setValue(10_000)
        self.above.setEnabled(False)
        self.enabled.toggled.connect(self.above.setEnabled)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.note = QLabel()
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.enabled)
        row.addWidget(self.above)
        row.addWidget(QLabel(self.tr("recipients need an approver's yes.")))
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.hide()
        self.loaded: Job | None = None
        context.app_changed.connect(self.load)
        self.load()

    def load(self, *_args: object) -> None:
        ws, app_id = self.context.workspace, self.context.app_id
        if app_id is None:
            return

        def work(_p: Progress) -> tuple[bool, int | None]:
            with ws.session_factory() as session:
                admin = can(session, ws.member_id, app_id, Permission.MANAGE_TEAM)
                return admin, approval_threshold(session, app_id)

        # Not an admin: hidden. A read that fails leaves it hidden too (nothing to act on).
        self.loaded = run_in_background(work, parent=self, on_success=self._show)

    def _show(self, result: tuple[bool, int | None]) -> None:
        admin, above = result
        self.setVisible(admin)
        self.enabled.setChecked(above is not None)
        if above is not None:
            self.above.setValue(above)
        self.note.setText(self._rule_text(above))

    def _rule_text(self, above: int | None) -> str:
        app = self.context.current_app()
        name = app.name if app is not None else "?"
        if above is None:
            return fill(self.tr("%1: sends need no approval."), [name])
        return fill(
            self.tr("%1: sends to more than %2 recipients wait for an approver."),
            [name, self.above.text()],
        )

    def save(self) -> None:
        ws, app_id = self.context.workspace, self.context.app_id
        if app_id is None:
            return
        above = self.above.value() if self.enabled.isChecked() else None

        def work(_p: Progress) -> int | None:
            with ws.session() as session:
                set_approval_threshold(session, ws.member_id, app_id, above, ws.clock.now())
            return above

        self.save_button.setEnabled(False)
        job = run_in_background(
            work,
            parent=self,
            on_success=lambda saved: self.note.setText(self._rule_text(saved)),
            on_failure=lambda exc, _tb: self.note.setText(approval_error_text(exc)),
        )
        job.finished.connect(lambda: self.save_button.setEnabled(True))
