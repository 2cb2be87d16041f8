"""Approve or reject a send, with a comment the marketer reads."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.approvals.workflow import COMMENT_MAX
from engage_desktop.ui.messages import fill


class DecisionDialog(QDialog):
    def __init__(self, approve: bool, campaign_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve the send") if approve else self.tr("Reject the send"))
        question = fill(
            self.tr("Approve sending “%1”?") if approve else self.tr("Reject sending “%1”?"),
            [campaign_name],
        )
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(
            self.tr("A comment for the marketer (optional)")
            if approve
            else self.tr("Why? The marketer reads this.")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Approve") if approve else self.tr("Reject"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.comment.textChanged.connect(
            lambda: ok.setEnabled(len(self.comment.toPlainText()) <= COMMENT_MAX)
        )
        layout = QVBoxLayout(self)
        label = QLabel(question)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.comment)
        layout.addWidget(buttons)
        self.resize(460, 240)

    def text(self) -> str:
        return self.comment.toPlainText().strip()
