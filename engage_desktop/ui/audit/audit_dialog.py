"""The audit log for admins: filter by app, member, action and date; verify; export to CSV.

Every read runs off the GUI thread (``run_in_background``); the dialog only shows results.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.audit_trail.export import export_csv
from engage_desktop.core.audit_trail.query import (
    AuditFilter,
    AuditRow,
    filter_choices,
    list_entries,
)
from engage_desktop.core.audit_trail.verify import verify
from engage_desktop.core.progress import Progress
from engage_desktop.security.audit_chain import ChainReport
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.ui.audit.details import details_text
from engage_desktop.ui.audit.labels import action_label, break_text, family_label, target_text
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.formatting import format_datetime, format_int
from engage_desktop.ui.messages import fill, permission_text
from engage_desktop.ui.table_model import Column, RowTableModel, configure_table

SHOWN = 2_000  # newest entries listed; the export has them all


def _details_tooltip(row: AuditRow) -> str | None:
    return json.dumps(row.details, ensure_ascii=False, indent=2) if row.details else None


def _member(row: AuditRow) -> str:
    return row.member_login or QCoreApplication.translate("AuditLogDialog", "(service)")


def _app(row: AuditRow) -> str:
    if row.app_name:
        return row.app_name
    if row.app_id is None:
        return QCoreApplication.translate("AuditLogDialog", "(workspace)")
    return fill(QCoreApplication.translate("AuditLogDialog", "app %1 (removed)"), [str(row.app_id)])


def _columns() -> list[Column[AuditRow]]:
    return [
        Column(
            lambda: QCoreApplication.translate("AuditLogDialog", "#"),
            lambda r: r.seq,
            format_int,
            align_right=True,
        ),
        Column(
            lambda: QCoreApplication.translate("AuditLogDialog", "When"),
            lambda r: r.at,
            format_datetime,
        ),
        Column(lambda: QCoreApplication.translate("AuditLogDialog", "Member"), _member),
        Column(lambda: QCoreApplication.translate("AuditLogDialog", "App"), _app),
        Column(
            lambda: QCoreApplication.translate("AuditLogDialog", "Action"),
            lambda r: r.action,
            action_label,
            tooltip=lambda r: r.action,
        ),
        Column(
            lambda: QCoreApplication.translate("AuditLogDialog", "Target"),
            target_text,
            tooltip=lambda r: r.target,
        ),
        Column(
            lambda: QCoreApplication.translate("AuditLogDialog", "Details"),
            details_text,
            tooltip=_details_tooltip,
        ),
    ]


class AuditLogDialog(QDialog):
    """Filters on top, the entries (newest first), then verify and export."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 640)
        self.app = QComboBox()
        self.app.addItem(self.tr("All apps"), None)
        for app in context.apps:
            self.app.addItem(app.name, app.id)
        self.member = QComboBox()
        self.member.addItem(self.tr("Everyone"), None)
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        self.since_on = QCheckBox(self.tr("Since"))
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.since.setCalendarPopup(True)
        self.since.setEnabled(False)
        self.since_on.toggled.connect(self.since.setEnabled)
        for combo in (self.app, self.member, self.action):
            combo.currentIndexChanged.connect(self.reload)
        self.since_on.toggled.connect(self.reload)
        self.since.dateChanged.connect(self.reload)
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("App:"), self.app),
            (self.tr("Member:"), self.member),
            (self.tr("Action:"), self.action),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget, 1)
        filters.addWidget(self.since_on)
        filters.addWidget(self.since)
        self.model: RowTableModel[AuditRow] = RowTableModel(_columns())
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table, stretch_column=6)
        self.table.setSortingEnabled(False)  # newest first, as the chain was written
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.verify_button.setToolTip(
            self.tr("Recompute every entry's hash: an edited, deleted or moved entry is named")
        )
        self.verify_button.clicked.connect(self.check_chain)
        self.export_button = QPushButton(self.tr("Export to CSV…"))
        self.export_button.clicked.connect(self._ask_export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self._filling = False
        self._generation = 0
        self._load_choices()
        self.reload()

    # --- reading, off the GUI thread -------------------------------------------------------
    def wanted(self) -> AuditFilter:
        since = None
        if self.since_on.isChecked():
            day = self.since.date().toPython()
            since = datetime.combine(day, time(), tzinfo=UTC)  # type: ignore[arg-type]
        return AuditFilter(
            app_id=self.app.currentData(),
            member_login=self.member.currentData(),
            action=self.action.currentData(),
            since=since,
            limit=SHOWN,
        )

    def _load_choices(self) -> None:
        ws = self.context.workspace
        run_in_background(
            lambda _p: filter_choices(ws),
            parent=self,
            on_success=self._fill_choices,
            on_failure=self._failed,
        )

    def _fill_choices(self, choices: tuple[list[str], list[str]]) -> None:
        logins, actions = choices
        self._filling = True
        for login in logins:
            self.member.addItem(login, login)
        for family in sorted({a.partition(".")[0] for a in actions}):
            self.action.addItem(family_label(family), family)
            for action in (a for a in actions if a.partition(".")[0] == family):
                self.action.addItem("    " + action_label(action), action)
        self._filling = False

    def reload(self) -> None:
        if self._filling:
            return
        ws, wanted = self.context.workspace, self.wanted()
        self.status.setText(self.tr("Loading…"))
        self._generation += 1
        generation = self._generation

        def work(_p: Progress) -> tuple[int, list[AuditRow]]:
            return generation, list_entries(ws, wanted)

        run_in_background(work, parent=self, on_success=self._show, on_failure=self._failed)

    def _show(self, answer: tuple[int, list[AuditRow]]) -> None:
        generation, rows = answer
        if generation != self._generation:
            return  # the filters changed since: a newer answer is on its way
        self.model.set_rows(rows)
        if len(rows) >= SHOWN:
            text = fill(
                self.tr("The newest %1 entries; the export has them all."), [format_int(SHOWN)]
            )
        else:
            text = self.tr("Entries shown: %n.", "", len(rows))
        self.status.setText(text)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        if isinstance(exc, PermissionDenied):
            self.status.setText(permission_text(exc))
        else:
            self.status.setText(fill(self.tr("The audit log could not be read: %1"), [str(exc)]))

    # --- verify and export -----------------------------------------------------------------
    def check_chain(self) -> None:
        ws = self.context.workspace
        self.verify_button.setEnabled(False)
        self.status.setText(self.tr("Checking every entry…"))
        job = run_in_background(
            lambda _p: verify(ws), parent=self, on_success=self._verified, on_failure=self._failed
        )
        job.finished.connect(lambda: self.verify_button.setEnabled(True))

    def _verified(self, report: ChainReport) -> None:
        if report.broken is None:
            text = self.tr("The audit chain holds (entries checked: %n).", "", report.checked)
        else:
            text = fill(self.tr("The audit chain is broken: %1"), [break_text(report.broken)])
        self.status.setText(text)

    def _ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "audit.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        ws, wanted = self.context.workspace, self.wanted()
        self.export_button.setEnabled(False)
        job = run_in_background(
            lambda _p: export_csv(ws, path, wanted),
            parent=self,
            on_success=lambda count: self._exported(count, path),
            on_failure=self._failed,
        )
        job.finished.connect(lambda: self.export_button.setEnabled(True))

    def _exported(self, count: int, path: Path) -> None:
        self.status.setText(fill(self.tr("Entries written to %1: %n.", "", count), [str(path)]))
        self.reload()  # the export is an entry itself
