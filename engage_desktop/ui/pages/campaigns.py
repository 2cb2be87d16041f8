"""Campaigns page: every campaign of the current app, searchable and sortable.

The list is read, and campaigns duplicated, off the GUI thread: a slow or locked database
leaves the page responsive, and only the newest reload's answer is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.listing import CampaignRow, list_campaigns
from engage_desktop.core.progress import Progress
from engage_desktop.security.roles import Permission
from engage_desktop.store.models import CampaignFormat, CampaignStatus
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.formatting import format_datetime, format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.pages.base import Page
from engage_desktop.ui.pages.campaign_tidy import CampaignTidy
from engage_desktop.ui.permissions import gate
from engage_desktop.ui.table_model import SORT_ROLE, Column, RowTableModel, configure_table
from engage_desktop.ui.workflow.follow import follow


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
    """The app's campaigns in a sortable table, with New / Edit / Duplicate.

    Attributes:
        loaded_generation: the reload whose answer the page shows.

    Signals:
        results_requested(campaign_id): "Results" was asked for a campaign that has an outbox
            (the main window opens the Analytics page on it).
    """

    page_id = "campaigns"
    results_requested = Signal(int)

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self._generation = 0
        self.loaded_generation = 0
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

        self.new_button = QPushButton(self.tr("New"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.new_button.clicked.connect(lambda: self.open_composer(None))
        self.edit_button.clicked.connect(lambda: self.open_composer(self.selected_id()))
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.results_button = QPushButton(self.tr("Results"))
        self.results_button.setToolTip(self.tr("Open this campaign's results in Analytics"))
        self.results_button.clicked.connect(self.show_results)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._row_menu)
        self.table.doubleClicked.connect(lambda _i: self.open_composer(self.selected_id()))
        self.composers: list[QWidget] = []
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.toggled.connect(lambda _on: self.reload())
        self.tidy = CampaignTidy(context, self.selected_row, self.reload, self)
        self.tidy.hide()  # only its buttons are shown, in the bar
        self.table.selectionModel().currentChanged.connect(
            lambda _now, _before: self.tidy.update_buttons()
        )
        # Two rows: finding a campaign, then acting on it; one row did not fit a 700 px window.
        find = QHBoxLayout()
        find.addWidget(self.search, 1)
        find.addWidget(self.show_archived)
        bar = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.duplicate_button,
            self.results_button,
            self.tidy.archive_button,
            self.tidy.delete_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(find)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        gate(
            context,
            Permission.EDIT_CAMPAIGNS,
            self.new_button,
            self.duplicate_button,
            self.tidy.archive_button,
            self.tidy.delete_button,
        )
        gate(context, Permission.VIEW_ANALYTICS, self.results_button)
        # Any writer's change (a send progressing or ending, a schedule) reloads the list.
        changes = context.changes
        follow(self, self.reload, changes.campaigns_changed, changes.progress_changed)
        self.reload()

    def title(self) -> str:
        return self.tr("Campaigns")

    def on_app_changed(self, app_id: int) -> None:
        self.reload()

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return None if row is None else row.id

    def selected_row(self) -> CampaignRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def show_results(self) -> bool:
        """Ask for the selected campaign's results; False when it has none (never sent)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return False
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        if row.sent <= 0:
            self.message.setText(self.tr("This campaign has not been sent: it has no results yet."))
            self.message.show()
            return False
        self.results_requested.emit(row.id)
        return True

    def _row_menu(self, point: QPoint) -> None:
        if not self.table.indexAt(point).isValid() or self.results_button.isHidden():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Results")).triggered.connect(lambda _c=False: self.show_results())
        menu.exec(self.table.viewport().mapToGlobal(point))

    def open_composer(self, campaign_id: int | None) -> QWidget | None:
        """Open the composer in its own window (new campaign, or the selected one)."""
        from engage_desktop.ui.composer.window import ComposerWindow
        from engage_desktop.ui.window_size import resize_within_screen

        if self.context.app_id is None or (
            campaign_id is None and self.sender() is self.edit_button
        ):
            return None
        window = ComposerWindow(self.context, campaign_id)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.saved.connect(lambda _id: self.reload())
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
        self.composers.append(window)
        resize_within_screen(window, 1400, 900)
        window.show()
        return window

    def _forget(self, window: QWidget) -> None:
        if window in self.composers:
            self.composers.remove(window)

    def duplicate_selected(self) -> None:
        from engage_desktop.core.campaigns.edit import duplicate

        campaign_id = self.selected_id()
        if campaign_id is None:
            return
        ws = self.context.workspace
        copy_name = self.tr("%1 (copy)")

        def work(_progress: Progress) -> int:
            with ws.session() as session:
                return duplicate(session, ws.member_id, campaign_id, copy_name)

        run_in_background(
            work, parent=self, on_success=lambda _id: self.reload(), on_failure=self._not_duplicated
        )

    def _not_duplicated(self, exc: BaseException, _trace: str) -> None:
        QMessageBox.warning(self, self.tr("Cannot duplicate"), _duplicate_error(exc))
        self.reload()

    def reload(self) -> None:
        """Read the app's campaigns on a worker; an older reload's answer is dropped."""
        self._generation += 1
        generation, app_id = self._generation, self.context.app_id
        if app_id is None:
            self._show(generation, [])
            return
        ws = self.context.workspace
        archived = self.show_archived.isChecked()

        def work(_progress: Progress) -> list[CampaignRow]:
            with ws.session_factory() as session:
                return list_campaigns(session, ws.member_id, app_id, include_archived=archived)

        run_in_background(
            work,
            parent=self,
            on_success=lambda rows: self._show(generation, rows),
            on_failure=lambda exc, _trace: self._not_loaded(generation, exc),
        )

    def loading(self) -> bool:
        """Whether the newest reload has not answered yet."""
        return self.loaded_generation != self._generation

    def _show(self, generation: int, rows: list[CampaignRow]) -> None:
        if generation != self._generation:
            return
        self.message.hide()
        self.loaded_generation = generation
        if rows == self.model.rows:
            self.tidy.update_buttons()
            return  # nothing moved: the selection and scroll position stay as they are
        selected = self.selected_id()
        self.model.set_rows(rows)
        self._select(selected)
        self.tidy.update_buttons()

    def _select(self, campaign_id: int | None) -> None:
        """Keep the selected campaign selected across a reload."""
        for i, row in enumerate(self.model.rows):
            if row.id == campaign_id:
                self.table.setCurrentIndex(self.proxy.mapFromSource(self.model.index(i, 0)))
                return

    def _not_loaded(self, generation: int, exc: BaseException) -> None:
        """The rows shown stay; the page says why they could not be refreshed."""
        from engage_desktop.ui.sending.errors import user_message

        if generation != self._generation:
            return
        self.message.setText(
            fill(self.tr("The campaigns could not be read: %1"), [user_message(exc)])
        )
        self.message.show()
        self.loaded_generation = generation


def _duplicate_error(exc: BaseException) -> str:
    """Why a duplicate failed, in the user's language (core's English only when unknown)."""
    from engage_desktop.core.campaigns.edit import CampaignNotFound
    from engage_desktop.ui.messages import campaign_error_text
    from engage_desktop.ui.sending.errors import user_message

    if isinstance(exc, CampaignNotFound):
        return campaign_error_text(exc)
    return user_message(exc)
