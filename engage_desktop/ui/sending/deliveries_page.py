"""The Deliveries page: push campaigns with their sending state, the send panel, virtual phones."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from engage_desktop.core.progress import Progress
from engage_desktop.store.models import App, Campaign, CampaignStatus
from engage_desktop.ui.approvals.approval_box import ApprovalBox
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.base import Page
from engage_desktop.ui.sending.errors import user_message
from engage_desktop.ui.sending.send_panel import SendPanel, status_text
from engage_desktop.ui.sending.virtual_phones import VirtualPhones

Row = tuple[int, str, CampaignStatus]
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class DeliveriesPage(Page):
    page_id = "deliveries"

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.campaigns = QListWidget()
        # Long names end in "…" with the whole name as a tooltip, rather than a sideways scroll.
        self.campaigns.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.campaigns.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.panel = SendPanel(context)
        self.approval = ApprovalBox(context)
        self.phones = VirtualPhones(context)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.approval)
        right_layout.addWidget(self.panel)
        right_layout.addWidget(self.phones, 1)
        self.devices_button = QPushButton(self.tr("Test devices…"))
        self.devices_button.setToolTip(self.tr("Choose which phones receive test sends"))
        self.devices_button.clicked.connect(self._open_test_devices)
        # As narrow as the list may get: the window's minimum width stays what it was.
        self.devices_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.campaigns, 1)
        left_layout.addWidget(self.devices_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 960])  # campaign names are long: give the list room
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.campaigns.currentItemChanged.connect(self._picked)
        self.panel.status_changed.connect(self.reload)
        self.panel.status_changed.connect(self.approval.refresh)
        self.approval.changed.connect(self.panel.refresh)
        self.reload()

    def _open_test_devices(self) -> None:
        """Which of the app's phones receive test sends (for every campaign of the app)."""
        from engage_desktop.ui.sending.devices_dialog import ChooseTestDevicesDialog

        self.devices = ChooseTestDevicesDialog(self.context, parent=self)
        self.devices.open()

    def title(self) -> str:
        return self.tr("Deliveries")

    def on_app_changed(self, app_id: int) -> None:
        self.reload()

    def reload(self) -> None:
        ws, app_id = self.context.workspace, self.context.app_id
        if app_id is None:
            return

        def work(_p: Progress) -> tuple[bool, list[Row]]:
            with ws.session() as session:
                app = session.get(App, app_id)
                rows = session.execute(
                    select(Campaign.id, Campaign.name, Campaign.status)
                    .where(Campaign.app_id == app_id)
                    .order_by(Campaign.id.desc())
                ).all()
                return bool(app and app.use_sandbox), [(r[0], r[1], r[2]) for r in rows]

        run_in_background(work, parent=self, on_success=self._fill, on_failure=self._failed)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.panel.status.setText(user_message(exc))

    def _fill(self, result: tuple[bool, list[Row]]) -> None:
        sandbox, rows = result
        current = self.panel.campaign_id
        self.campaigns.blockSignals(True)
        self.campaigns.clear()
        for campaign_id, name, status in rows:
            item = QListWidgetItem(f"{name} — {status_text(status)}")
            item.setToolTip(item.text())
            item.setData(Qt.ItemDataRole.UserRole, campaign_id)
            item.setData(NAME_ROLE, name)
            self.campaigns.addItem(item)
            if campaign_id == current:
                self.campaigns.setCurrentItem(item)
        self.campaigns.blockSignals(False)
        self.phones.setVisible(sandbox)
        if sandbox:
            self.phones.refresh()

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        campaign_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.panel.set_campaign(campaign_id)
        self.approval.set_campaign(campaign_id, item.data(NAME_ROLE) if item else "")
