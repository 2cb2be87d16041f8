"""Campaigns page: every campaign of the current app, searchable and sortable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout

from engage_desktop.core.listing import CampaignRow, list_campaigns
from engage_desktop.store.models import CampaignFormat, CampaignStatus
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.formatting import format_datetime, format_int
from engage_desktop.ui.pages.base import Page
from engage_desktop.ui.table_model import SORT_ROLE, Column, RowTableModel, configure_table


def format_label(fmt: CampaignFormat) -> str:
    return {
        CampaignFormat.PUSH: QCoreApplication.translate("CampaignsPage", "Push"),
        CampaignFormat.IN_APP: QCoreApplication.translate("CampaignsPage", "In-app"),
        CampaignFormat.RICH_PUSH: QCoreApplication.translate("CampaignsPage", "Rich push"),
        CampaignFormat.SMS: QCoreApplication.translate("CampaignsPage", "SMS"),
        CampaignFormat.EMAIL: QCoreApplication.translate("CampaignsPage", "Email"),
    }[fmt]


def status_label(status: CampaignStatus) -> str:
    return {
        CampaignStatus.DRAFT: QCoreApplication.translate("CampaignsPage", "Draft"),
        CampaignStatus.SCHEDULED: QCoreApplication.translate("CampaignsPage", "Scheduled"),
        CampaignStatus.SENDING: QCoreApplication.translate("CampaignsPage", "Sending"),
        CampaignStatus.PAUSED: QCoreApplication.translate("CampaignsPage", "Paused"),
        CampaignStatus.COMPLETED: QCoreApplication.translate("CampaignsPage", "Completed"),
        CampaignStatus.CANCELLED: QCoreApplication.translate("CampaignsPage", "Cancelled"),
    }[status]


COLUMNS: list[Column[CampaignRow]] = [
    Column(lambda: QCoreApplication.translate("CampaignsPage", "Name"), lambda r: r.name),
    Column(
        lambda: QCoreApplication.translate("CampaignsPage", "Format"),
        lambda r: r.format,
        format_label,
    ),
    Column(
        lambda: QCoreApplication.translate("CampaignsPage", "Status"),
        lambda r: r.status,
        status_label,
    ),
    Column(
        lambda: QCoreApplication.translate("CampaignsPage", "Segment"), lambda r: r.segment_name
    ),
    Column(
        lambda: QCoreApplication.translate("CampaignsPage", "Sent"),
        lambda r: r.sent,
        format_int,
        align_right=True,
    ),
    Column(
        lambda: QCoreApplication.translate("CampaignsPage", "Scheduled"),
        lambda r: r.scheduled_at,
        format_datetime,
    ),
    Column(
        lambda: QCoreApplication.translate("CampaignsPage", "Last change"),
        lambda r: r.updated_at,
        format_datetime,
    ),
]


class CampaignsPage(Page):
    page_id = "campaigns"

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.model: RowTableModel[CampaignRow] = RowTableModel(COLUMNS)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search campaigns…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        configure_table(self.table, stretch_column=0)
        self.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)

        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.reload()

    def title(self) -> str:
        return self.tr("Campaigns")

    def icon(self) -> QIcon:
        return QIcon.fromTheme("mail-send")

    def on_app_changed(self, app_id: int) -> None:
        self.reload()

    def reload(self) -> None:
        app_id = self.context.app_id
        if app_id is None:
            self.model.set_rows([])
            return
        with self.context.workspace.session_factory() as session:
            self.model.set_rows(list_campaigns(session, app_id))
