"""Settings page: General (language, appearance, credentials, approvals, the workspace), Apps,
Team and Audit log tabs."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.progress import Progress
from engage_desktop.core.workspace_info import WorkspaceInfo, workspace_info
from engage_desktop.ui.admin.apps_panel import AppsPanel
from engage_desktop.ui.admin.team_panel import TeamPanel
from engage_desktop.ui.appearance import apply_appearance
from engage_desktop.ui.approvals.threshold_box import ApprovalThresholdBox
from engage_desktop.ui.audit.audit_box import AuditLogBox
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.credentials.settings_box import CredentialsBox
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.pages.base import Page
from engage_desktop.ui.pages.workspace_figures import shown_figures
from engage_desktop.ui.preferences import Preferences


class SettingsPage(Page):
    page_id = "settings"

    def __init__(self, context: UiContext) -> None:
        super().__init__(context)
        self.settings = context.settings
        prefs = Preferences.load(self.settings)

        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the system"), "system")
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language.setMaximumWidth(320)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        self.language_note.hide()  # shown once there is something to say
        self.appearance = QComboBox()
        self.appearance.addItem(self.tr("Same as the system"), "system")
        self.appearance.addItem(self.tr("Light"), "light")
        self.appearance.addItem(self.tr("Dark"), "dark")
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(prefs.appearance)))
        self.appearance.setMaximumWidth(320)
        self.appearance.currentIndexChanged.connect(self._appearance_changed)
        ui_box = QGroupBox(self.tr("Interface"))
        ui_form = QFormLayout(ui_box)
        ui_form.addRow(self.tr("Language:"), self.language)
        ui_form.addRow("", self.language_note)
        ui_form.addRow(self.tr("Appearance:"), self.appearance)

        self.location = QLabel(context.workspace.location.display())
        self.location.setWordWrap(True)
        self.schema = QLabel()
        self.size_label = QLabel()
        self.counts = QTableWidget(0, 2)
        self.counts.setHorizontalHeaderLabels([self.tr("Holds"), self.tr("Count")])
        self.counts.verticalHeader().hide()
        self.counts.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.counts.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.counts.horizontalHeader().setStretchLastSection(True)
        self.counts.setMaximumWidth(480)
        self.counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.refresh_button = QPushButton(self.tr("Count rows"))
        self.refresh_button.setMaximumWidth(320)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        ws_box = QGroupBox(self.tr("Workspace"))
        ws_form = QFormLayout(ws_box)
        ws_form.addRow(self.tr("Location:"), self.location)
        ws_form.addRow(self.tr("Schema version:"), self.schema)
        ws_form.addRow(self.tr("Size on disk:"), self.size_label)
        ws_form.addRow(self.refresh_button)
        ws_form.addRow(self.counts)

        general = QWidget()
        general_layout = QVBoxLayout(general)
        self.credentials = CredentialsBox(context)
        general_layout.addWidget(ui_box)
        general_layout.addWidget(self.credentials)
        self.approvals = ApprovalThresholdBox(context)  # shown to the app's admins
        general_layout.addWidget(self.approvals)
        general_layout.addWidget(ws_box, 1)
        self.apps = AppsPanel(context)
        self.team = TeamPanel(context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # Scrolls rather than setting a minimum height: the window may stay small.
        general_scroll = QScrollArea()
        general_scroll.setWidgetResizable(True)
        general_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        general_scroll.setWidget(general)
        self.tabs.addTab(general_scroll, self.tr("General"))
        self.tabs.addTab(self.apps, self.tr("Apps"))
        self.tabs.addTab(self.team, self.tr("Team"))
        self.audit = AuditLogBox(context)  # shown to admins
        audit_tab = self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.tabs.setTabVisible(audit_tab, False)
        self.audit.available.connect(lambda shown: self.tabs.setTabVisible(audit_tab, shown))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._job: Job | None = None
        self._count_next = False  # rows asked for while the schema and size were being read

    def title(self) -> str:
        return self.tr("Settings")

    def _preferences(self) -> Preferences:
        return Preferences(
            language=str(self.language.currentData()),
            appearance=str(self.appearance.currentData()),
        )

    def _language_changed(self) -> None:
        self._preferences().save(self.settings)
        self.language_note.setText(self.tr("The new language applies the next time you start."))
        self.language_note.show()

    def _appearance_changed(self) -> None:
        """Unlike the language, light or dark applies at once: every widget reads the palette."""
        prefs = self._preferences()
        prefs.save(self.settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, prefs.appearance)

    def showEvent(self, event: QShowEvent) -> None:
        """The schema and the size are cheap: shown at once, the row counts on demand."""
        super().showEvent(event)
        if self._job is None:
            self.refresh(count_rows=False)

    def refresh(self, count_rows: bool = True) -> None:
        """Count rows off the GUI thread: a million-profile workspace takes a moment."""
        if self._job is not None and not self._job.done:
            self._count_next = self._count_next or count_rows  # once the running read ends
            return
        workspace = self.context.workspace
        self.refresh_button.setEnabled(False)
        self.schema.setText(self.tr("Counting…") if count_rows else "…")

        def work(progress: Progress) -> WorkspaceInfo:
            progress.report(0, None)
            return workspace_info(workspace, count_rows=count_rows)

        self._job = run_in_background(work, parent=self)
        self._job.succeeded.connect(self._show)
        self._job.failed.connect(lambda exc, _tb: self.schema.setText(str(exc)))
        self._job.finished.connect(self._read_done)

    def _read_done(self) -> None:
        self.refresh_button.setEnabled(True)
        if self._count_next:
            self._count_next = False
            self.refresh()

    def _show(self, info: WorkspaceInfo) -> None:
        self.schema.setText(
            fill(
                self.tr("%1 (this version of Engage Desktop: %2)"),
                [info.schema_revision or "?", info.code_revision],
            )
        )
        if info.file_bytes is not None:
            megabytes = QLocale().toString(info.file_bytes / 1e6, "f", 1)
            self.size_label.setText(fill(self.tr("%1 MB"), [megabytes]))
        if not info.counts:
            return  # only the schema and the size were read
        figures = shown_figures(info.counts)
        self.counts.setRowCount(len(figures))
        for row, (label, table, count) in enumerate(figures):
            item = QTableWidgetItem(label)
            item.setToolTip(table)
            self.counts.setItem(row, 0, item)
            number = QTableWidgetItem(format_int(count))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts.setItem(row, 1, number)
