"""Audiences page: tabs for the profiles of the current app and its segments.

The tabs are listed in ``AudiencesPage._add_tabs``: adding one (e.g. an import wizard) is one
line there.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.listing import ProfilePage, ProfileRow, search_profiles
from engage_desktop.core.progress import Progress
from engage_desktop.security.roles import Permission
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.formatting import format_datetime, format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.pages.base import Page
from engage_desktop.ui.permissions import gate_tab
from engage_desktop.ui.table_model import SORT_ROLE, Column, RowTableModel, configure_table

SHOWN_ROWS = 500
TabWidget = TypeVar("TabWidget", bound=QWidget)


class ProfilesTab(QWidget):
    """The profiles of the current app, searched in the background (500 rows shown at most)."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        self.context = context
        columns: list[Column[ProfileRow]] = [
            Column(
                lambda: QCoreApplication.translate("AudiencesPage", "External id"),
                lambda r: r.external_id,
            ),
            Column(
                lambda: QCoreApplication.translate("AudiencesPage", "First name"),
                lambda r: r.first_name,
            ),
            Column(
                lambda: QCoreApplication.translate("AudiencesPage", "Last name"),
                lambda r: r.last_name,
            ),
            Column(lambda: QCoreApplication.translate("AudiencesPage", "Email"), lambda r: r.email),
            Column(lambda: QCoreApplication.translate("AudiencesPage", "City"), lambda r: r.city),
            Column(
                lambda: QCoreApplication.translate("AudiencesPage", "Last seen"),
                lambda r: r.last_seen_at,
                format_datetime,
            ),
        ]
        self.model: RowTableModel[ProfileRow] = RowTableModel(columns)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, email, id or city…"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        configure_table(self.table, stretch_column=3)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._job: Job | None = None
        self.reload()

    def on_app_changed(self, app_id: int) -> None:
        self.reload()

    def activate(self) -> None:
        """Shown again: an import may have changed the profiles meanwhile, so search again."""
        self.reload()

    def reload(self) -> None:
        """Search again; a search still running is cancelled and its answer ignored."""
        if self._job is not None:
            self._job.cancel()
        app_id = self.context.app_id
        if app_id is None:
            self.model.set_rows([])
            return
        text = self.search.text()
        factory = self.context.workspace.session_factory
        member_id = self.context.workspace.member_id
        self.count_label.setText(self.tr("Searching…"))

        def work(progress: Progress) -> ProfilePage:
            with factory() as session:
                page = search_profiles(session, member_id, app_id, text, limit=SHOWN_ROWS)
            progress.report(1, 1)
            return page

        job = run_in_background(work, parent=self)
        job.succeeded.connect(lambda page, job=job: self._show(job, page))
        job.failed.connect(lambda exc, _tb: self.count_label.setText(str(exc)))
        self._job = job

    def _show(self, job: Job, page: ProfilePage) -> None:
        if job is not self._job:
            return
        self.model.set_rows(page.rows)
        if page.total > len(page.rows):
            self.count_label.setText(
                fill(
                    self.tr("%Ln profile(s), first %1 shown", "", page.total),
                    [format_int(len(page.rows))],
                )
            )
        else:
            self.count_label.setText(self.tr("%Ln profile(s)", "", page.total))


class ImportTab(QWidget):
    """Contacts (CSV, Excel) or analytics events (GA4 export): one choice, then its wizard."""

    def __init__(self, context: UiContext) -> None:
        super().__init__()
        from engage_desktop.ui.imports.contacts_panel import ContactsImportPanel
        from engage_desktop.ui.imports.events_panel import EventsImportPanel

        self.contacts = ContactsImportPanel(context)
        self.events = EventsImportPanel(context)
        self.stack = QStackedWidget()
        choice = QHBoxLayout()
        group = QButtonGroup(self)
        for index, (panel, label) in enumerate(
            (
                (self.contacts, self.tr("Contacts (CSV, Excel)")),
                (self.events, self.tr("Analytics events (GA4 export)")),
            )
        ):
            self.stack.addWidget(panel)
            button = QPushButton(label)
            button.setCheckable(True)
            button.setChecked(index == 0)
            group.addButton(button, index)
            choice.addWidget(button)
        choice.addStretch(1)
        group.idClicked.connect(self.stack.setCurrentIndex)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(choice)
        layout.addWidget(self.stack, 1)


class AudiencesPage(Page):
    """Profiles and Segments of the current app, as tabs; every tab follows the app switcher."""

    page_id = "audiences"

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._add_tabs()
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # The profile search, as the page exposed it before it had tabs.
        self.search = self.profiles.search
        self.count_label = self.profiles.count_label
        self.model = self.profiles.model

    def _add_tabs(self) -> None:
        """The page's tabs, in order: one line per tab."""
        from engage_desktop.ui.audience.segments_tab import SegmentsTab

        self.profiles = self.add_tab("profiles", ProfilesTab(self.context), self.tr("Profiles"))
        self.segments = self.add_tab(
            "segments", SegmentsTab(self.context, lazy=True), self.tr("Segments")
        )
        self.imports = self.add_tab("import", ImportTab(self.context), self.tr("Import"))
        gate_tab(self.context, self.tabs, self.imports, Permission.EDIT_AUDIENCE)

    def add_tab(self, name: str, widget: TabWidget, title: str) -> TabWidget:
        """Add a tab; it reloads on ``app_changed`` if it has ``on_app_changed(app_id)``, and
        a tab with ``activate()`` is told when it is first shown (so it can load lazily)."""
        widget.setObjectName(name)
        self.tabs.addTab(widget, title)
        return widget

    def _tab_shown(self, index: int) -> None:
        activate = getattr(self.tabs.widget(index), "activate", None)
        if activate is not None:
            activate()

    def show_tab(self, name: str) -> None:
        tab = self.tabs.findChild(QWidget, name)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)

    def title(self) -> str:
        return self.tr("Audiences")

    def on_app_changed(self, app_id: int) -> None:
        for index in range(self.tabs.count()):
            reload = getattr(self.tabs.widget(index), "on_app_changed", None)
            if reload is not None:
                reload(app_id)
