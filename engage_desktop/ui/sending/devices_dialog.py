"""Choose the app's test devices: find a phone by its owner and mark it for test sends.

Thin over ``core.devices``: searching and marking run off the GUI thread; the table shows the
test devices first, and a token only by its last characters.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.devices import DeviceError, DeviceRow, find_devices, set_test_device
from engage_desktop.core.progress import Progress
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.security.roles import Permission
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import coded_text, fill, permission_text
from engage_desktop.ui.permissions import gate
from engage_desktop.ui.table_model import Column, RowTableModel, configure_table

PLATFORM_NAMES = {"ios": "iOS", "android": "Android", "web": "Web"}


def _push_text(row: DeviceRow) -> str:
    if row.token_tail is None or row.token_invalidated:
        return QCoreApplication.translate("ChooseTestDevicesDialog", "no valid token")
    if not row.push_enabled:
        return QCoreApplication.translate("ChooseTestDevicesDialog", "push turned off")
    return fill(QCoreApplication.translate("ChooseTestDevicesDialog", "token %1"), [row.token_tail])


def _columns() -> list[Column[DeviceRow]]:
    return [
        Column(
            lambda: QCoreApplication.translate("ChooseTestDevicesDialog", "Test"),
            lambda r: (
                QCoreApplication.translate("ChooseTestDevicesDialog", "yes") if r.is_test else ""
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("ChooseTestDevicesDialog", "Label"),
            lambda r: r.label,
        ),
        Column(
            lambda: QCoreApplication.translate("ChooseTestDevicesDialog", "Owner"),
            lambda r: r.profile_name or r.profile_external_id,
        ),
        Column(
            lambda: QCoreApplication.translate("ChooseTestDevicesDialog", "Device"),
            lambda r: " ".join(
                p for p in (PLATFORM_NAMES.get(r.platform, r.platform), r.model) if p
            ),
        ),
        Column(
            lambda: QCoreApplication.translate("ChooseTestDevicesDialog", "App version"),
            lambda r: r.app_version,
        ),
        Column(lambda: QCoreApplication.translate("ChooseTestDevicesDialog", "Push"), _push_text),
    ]


class ChooseTestDevicesDialog(QDialog):
    """Search field, device table, and a label + mark/unmark for the selected device."""

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Test devices"))
        self.resize(860, 520)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Find a phone by its owner's email, name or id, or its label…")
        )
        self.search.setClearButtonEnabled(True)
        self.model: RowTableModel[DeviceRow] = RowTableModel(_columns())
        self.table = QTableView()
        self.table.setModel(self.model)
        configure_table(self.table, stretch_column=2)
        self.table.setSortingEnabled(False)  # test devices first, then by id: the core's order
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("Label, e.g. “Camille's Pixel 8”"))
        self.mark_button = QPushButton(self.tr("Use as test device"))
        self.unmark_button = QPushButton(self.tr("Stop test sends"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.label, 1)
        actions.addWidget(self.mark_button)
        actions.addWidget(self.unmark_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Messages from “Send to test devices” go to the devices marked here."))
        )
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.mark_button.clicked.connect(lambda: self._mark(True))
        self.unmark_button.clicked.connect(lambda: self._mark(False))
        self.job: Job | None = None
        gate(context, Permission.EDIT_CAMPAIGNS, self.label, self.mark_button, self.unmark_button)
        self._selection_changed()
        self.reload()

    def selected(self) -> DeviceRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def reload(self) -> None:
        ws, app_id, text = self.context.workspace, self.context.app_id, self.search.text()
        if app_id is None:
            return

        def work(_p: Progress) -> list[DeviceRow]:
            with ws.session() as session:
                return find_devices(session, ws.member_id, app_id, text)

        self.job = run_in_background(
            work, parent=self, on_success=self._show, on_failure=self._failed
        )

    def _show(self, rows: list[DeviceRow]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        for i, row in enumerate(rows):
            if chosen is not None and row.id == chosen.id:
                self.table.selectRow(i)
        tests = sum(r.is_test for r in rows)
        self.message.setText(
            fill(
                self.tr("%Ln device(s) shown, %1 of them test devices.", "", len(rows)),
                [str(tests)],
            )
        )
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        row = self.selected()
        self.mark_button.setEnabled(row is not None)
        self.unmark_button.setEnabled(row is not None and row.is_test)
        self.label.setEnabled(row is not None)
        if row is not None:
            self.label.setText(row.label or "")

    def _mark(self, on: bool) -> None:
        row, app_id = self.selected(), self.context.app_id
        if row is None or app_id is None:
            return
        ws, label = self.context.workspace, self.label.text()

        def work(_p: Progress) -> DeviceRow:
            return set_test_device(ws, app_id, row.id, on, label if on else None)

        self.job = run_in_background(
            work, parent=self, on_success=lambda _row: self.reload(), on_failure=self._failed
        )

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.message.setText(error_text(exc))


def error_text(exc: BaseException) -> str:
    """Why searching or marking failed, in the user's language."""
    if isinstance(exc, PermissionDenied):
        return permission_text(exc)
    if isinstance(exc, DeviceError):
        return coded_text(
            exc,
            {
                "device_not_found": QCoreApplication.translate(
                    "ChooseTestDevicesDialog", "Device %1 no longer exists in this app."
                ),
                "label_too_long": QCoreApplication.translate(
                    "ChooseTestDevicesDialog", "A device label has at most %1 characters."
                ),
            },
        )
    return str(exc)
