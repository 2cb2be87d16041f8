"""The main window: app switcher on top, navigation on the left, pages in the middle.

The status bar shows the workspace, who is signed in with their role on the current app, and
whether a dispatch service is running: "starting…" from the moment the GUI launches one until
its first heartbeat, then "running" or "stopped". The heartbeat is read off the GUI thread; the
member's name, apps and roles come with the context (read on a worker before ``attach``).

The window is built in two steps so it appears at once: the shell (``MainWindow(settings)``)
needs only Qt; ``attach(context)`` adds the pages once the workspace has been opened in the
background (database drivers and migrations are imported and run off the GUI thread).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from engage_desktop.ui.window_size import resize_within_screen

if TYPE_CHECKING:
    from engage_desktop.core.progress import Progress
    from engage_desktop.core.service_status import ServiceStatus
    from engage_desktop.ui.background import Job
    from engage_desktop.ui.context import UiContext
    from engage_desktop.ui.pages.base import Page
    from engage_desktop.ui.service_launcher import ServiceChild

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_PAGE = "main_window/page"
SERVICE_POLL_MS = 5000


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.context: UiContext | None = None
        self.settings = settings or QSettings()
        self.setWindowTitle(self.tr("Engage Desktop"))
        self.setObjectName("MainWindow")

        self.app_switcher = QComboBox()
        self.app_switcher.setObjectName("appSwitcher")
        self.app_switcher.setMinimumWidth(260)
        self.app_switcher.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.app_switcher.setEnabled(False)
        self.app_switcher.setAccessibleName(self.tr("Current app"))
        self.app_switcher.currentIndexChanged.connect(self._on_app_picked)
        switcher_box = QWidget()
        switcher_box.setObjectName("appBar")
        box_layout = QHBoxLayout(switcher_box)
        box_layout.setContentsMargins(8, 4, 8, 4)
        label = QLabel(self.tr("App:"))
        label.setBuddy(self.app_switcher)
        box_layout.addWidget(label)
        box_layout.addWidget(self.app_switcher)
        box_layout.addStretch(1)
        self.setMenuWidget(switcher_box)  # a fixed bar above everything: no movable toolbar

        self.pages: list[Page] = []
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMaximumWidth(240)
        self.nav.setSpacing(3)
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav.setFont(nav_font)
        self.stack = QStackedWidget()
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 1000])
        self.setCentralWidget(splitter)

        self.workspace_label = QLabel(self.tr("Opening the workspace…"))
        self.member_label = QLabel()
        self.service_label = QLabel()
        self.service_label.setObjectName("serviceState")
        status = self.statusBar()
        status.addWidget(self.workspace_label, 1)
        status.addPermanentWidget(self.member_label)
        status.addPermanentWidget(self.service_label)
        self._service_poll: Job | None = None
        self._awaiting_first_beat = False
        self._poll_again = False
        self._service_child: ServiceChild | None = None
        self._service_timer = QTimer(self, interval=SERVICE_POLL_MS)
        self._service_timer.timeout.connect(self.refresh_service_state)
        self._restore_geometry()

    def attach(self, context: UiContext) -> None:
        """Fill the window for an opened workspace: apps, pages, status."""
        from engage_desktop.ui.messages import fill
        from engage_desktop.ui.navigation import PAGE_FACTORIES

        self.context = context
        context.settings = self.settings
        self._fill_switcher()
        context.apps_changed.connect(self._fill_switcher)
        context.app_changed.connect(self._show_current_app)
        context.permissions_changed.connect(self._update_member_label)
        self.pages = [factory(context) for factory in PAGE_FACTORIES]
        for page in self.pages:
            QListWidgetItem(page.icon(), page.title(), self.nav)
            self.stack.addWidget(page)
        self.workspace_label.setText(
            fill(self.tr("Workspace: %1"), [context.workspace.location.display()])
        )
        self._connect_results()
        self._restore_page()
        self._update_member_label()
        self.refresh_service_state()
        self._service_timer.start()

    def _fill_switcher(self) -> None:
        """The apps the member has a role on, and only those; the current one selected."""
        from engage_desktop.ui.messages import fill

        assert self.context is not None
        self.app_switcher.blockSignals(True)
        self.app_switcher.clear()
        for app in self.context.apps:
            self.app_switcher.addItem(
                fill(self.tr("%1 — %2"), [app.name, app.firebase_project_id]),
                app.id,
            )
        self.app_switcher.blockSignals(False)
        self.app_switcher.setEnabled(bool(self.context.apps))
        self._show_current_app()

    def _show_current_app(self) -> None:
        """Select the context's app in the switcher (it may change without the switcher)."""
        if self.context is None:
            return
        index = self.app_switcher.findData(self.context.app_id)
        if index >= 0 and index != self.app_switcher.currentIndex():
            self.app_switcher.blockSignals(True)
            self.app_switcher.setCurrentIndex(index)
            self.app_switcher.blockSignals(False)
        self._update_member_label()

    def _connect_results(self) -> None:
        """A campaign's "Results" in the Campaigns list opens the Analytics page on it."""
        from engage_desktop.ui.pages.campaigns import CampaignsPage
        from engage_desktop.ui.pages.deferred import DeferredPage

        campaigns, analytics = self.page("campaigns"), self.page("analytics")
        if isinstance(campaigns, CampaignsPage) and isinstance(analytics, DeferredPage):

            def open_results(campaign_id: int) -> None:
                from engage_desktop.ui.analytics.page import AnalyticsPage

                self.show_page(analytics.page_id)
                page = analytics.page()
                if isinstance(page, AnalyticsPage):
                    page.show_campaign(campaign_id)

            campaigns.results_requested.connect(open_results)

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.page_id == page_id), None)

    def show_page(self, page_id: str) -> None:
        for row, page in enumerate(self.pages):
            if page.page_id == page_id:
                self.nav.setCurrentRow(row)

    def _on_app_picked(self, index: int) -> None:
        app_id = self.app_switcher.itemData(index)
        if app_id is not None and self.context is not None:
            self.context.set_app(int(app_id))
            self._update_member_label()

    def _update_member_label(self) -> None:
        """Who is signed in, with their role on the current app (from the context's snapshot)."""
        from engage_desktop.security.roles import Permission
        from engage_desktop.store.models import Role
        from engage_desktop.ui.messages import fill

        if self.context is None:
            return
        grant = self.context.current_grant()
        role = grant.role if grant is not None else None
        role_text = {
            Role.ADMIN: self.tr("admin"),
            Role.MARKETER: self.tr("marketer"),
            Role.ANALYST: self.tr("analyst"),
            None: self.tr("no role"),
        }[role]
        if role not in (None, Role.ADMIN) and self.context.allows(Permission.APPROVE_SENDS):
            role_text = fill(self.tr("%1, approver"), [role_text])
        name = self.context.access.member_name
        self.member_label.setText(fill(self.tr("%1 (%2)"), [name, role_text]))

    def service_starting(self) -> None:
        """The GUI is about to launch a service: say "starting…" until it beats."""
        self._awaiting_first_beat = True
        self.service_label.setText(self.tr("Service: starting…"))

    def watch_service(self, child: ServiceChild | None) -> None:
        """The service the GUI launched (None: it launched none, one already ran or the user
        opted out). A child that exits before its first heartbeat is shown as stopped."""
        self._service_child = child
        if child is None:
            self._awaiting_first_beat = False
        if self.refresh_service_state() is None:
            self._poll_again = True  # the poll under way predates this child

    def refresh_service_state(self) -> Job | None:
        """Read the heartbeats on a worker; a poll still running is not doubled (then None)."""
        from engage_desktop.ui.background import run_in_background

        if self.context is None or self._service_poll is not None:
            return None
        ws = self.context.workspace

        child = self._service_child

        def work(_progress: Progress) -> tuple[ServiceStatus, ServiceChild | None, str | None]:
            from engage_desktop.core.service_status import service_status

            with ws.session_factory() as session:
                status = service_status(session, ws.clock.now())
            return status, child, child.exit_reason() if child is not None else None

        self._service_poll = run_in_background(
            work, parent=self, on_success=self._show_service, on_failure=self._service_unknown
        )
        self._service_poll.finished.connect(self._service_poll_done)
        return self._service_poll

    def _service_poll_done(self) -> None:
        self._service_poll = None
        if self._poll_again:
            self._poll_again = False
            self.refresh_service_state()

    def _show_service(self, answer: tuple[ServiceStatus, ServiceChild | None, str | None]) -> None:
        from engage_desktop.ui.messages import fill

        status, child, exit_reason = answer
        if child is not self._service_child:
            return  # read before the GUI's child was known: the next poll tells
        self.service_label.setToolTip("")
        if status.running:
            self._awaiting_first_beat = False
            self.service_label.setText(self.tr("Service: running"))
        elif self._awaiting_first_beat and self._child_alive():
            self.service_label.setText(self.tr("Service: starting…"))
        elif self._awaiting_first_beat and exit_reason is not None:
            # The child the GUI launched died before its first beat: say why, not just "stopped".
            self.service_label.setText(
                fill(self.tr("Service: could not start (%1)"), [exit_reason[:100]])
            )
            self.service_label.setToolTip(exit_reason)
        else:
            self._awaiting_first_beat = False
            self.service_label.setText(self.tr("Service: stopped"))

    def _child_alive(self) -> bool:
        """True while the launched child runs, or while it is still being launched."""
        child = self._service_child
        return child is None or child.process.poll() is None

    def _service_unknown(self, exc: BaseException, _trace: str) -> None:
        """A locked or vanished database must not kill the window: say so and poll again."""
        from engage_desktop.ui.messages import fill

        self.service_label.setText(fill(self.tr("Service: unknown (%1)"), [str(exc)[:80]]))

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            resize_within_screen(self, 1280, 800)
        state = self.settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _restore_page(self) -> None:
        default = self.pages[0].page_id if self.pages else ""
        page_id = str(self.settings.value(SETTINGS_PAGE, default))
        self.nav.setCurrentRow(0)
        self.show_page(page_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self.settings.setValue(SETTINGS_STATE, self.saveState())
        current = self.stack.currentWidget()
        shown = next((page.page_id for page in self.pages if page is current), None)
        if shown is not None:  # pages come with the workspace: none in the bare shell
            self.settings.setValue(SETTINGS_PAGE, shown)
        self._service_timer.stop()
        super().closeEvent(event)
