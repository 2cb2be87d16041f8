"""The left side of the Segments tab: the audience overview, the saved segments and their
buttons. The tab connects the buttons; this panel only lays them out."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engage_desktop.core.workspace import Workspace

from .overview_box import OverviewBox
from .segment_list import SegmentTable


class SegmentListPanel(QWidget):
    """Overview on top, then the table of saved segments and the actions on the selected one."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = OverviewBox(workspace, workspace.clock.now)
        self.table = SegmentTable(workspace.clock.now)
        self.new_button = QPushButton(self.tr("New"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.refresh_button = QPushButton(self.tr("Recount"))
        self.refresh_button.setToolTip(self.tr("Count the selected segment again now"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        title = QLabel(self.tr("Saved segments"))
        title.setStyleSheet("font-weight: 600;")
        first = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            first.addWidget(button)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.refresh_button)
        second.addWidget(self.export_button)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.overview)
        layout.addSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        # Below its natural size the panel clips instead of widening the whole window.
        self.setMinimumWidth(160)

    def selection_actions(self) -> tuple[QPushButton, ...]:
        """The buttons that act on the selected segment (disabled without one)."""
        return (self.duplicate_button, self.delete_button, self.refresh_button, self.export_button)
