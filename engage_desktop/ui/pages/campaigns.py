"""Campaigns page: every campaign of the current app, searchable and sortable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

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

        self.new_button = QPushButton(QIcon.fromTheme("document-new"), self.tr("New push…"))
        self.new_button.clicked.connect(lambda: self.open_composer(None))
        self.edit_button = QPushButton(QIcon.fromTheme("document-edit"), self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setEnabled(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.composers: list[QWidget] = []

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.reload()

    def selected_row(self) -> CampaignRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.rows[self.proxy.mapToSource(indexes[0]).row()]

    def _selection_changed(self) -> None:
        row = self.selected_row()
        editable = row is not None and row.format is CampaignFormat.PUSH
        self.edit_button.setEnabled(
            editable
            and row is not None
            and row.status in (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED)
        )

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None and self.edit_button.isEnabled():
            self.open_composer(row.id)

    def open_composer(self, campaign_id: int | None) -> QWidget:
        """A composer window (new push or an existing one); the list reloads on each save."""
        from engage_desktop.ui.composer.window import PushComposer

        composer = PushComposer(self.context, campaign_id)
        composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        composer.saved.connect(lambda _id: self.reload())
        composer.destroyed.connect(lambda: self.composers.remove(composer))
        self.composers.append(composer)
        composer.show()
        return composer

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
            self._selection_changed()
            return
        with self.context.workspace.session_factory() as session:
            self.model.set_rows(list_campaigns(session, app_id))
        self._selection_changed()
