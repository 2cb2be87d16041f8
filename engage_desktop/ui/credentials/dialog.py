"""The admin's credentials dialog for one app: key, machines holding it, test, sandbox or FCM.

Thin over ``core.credentials``: every read and write runs off the GUI thread
(``run_in_background``): the keyring is a D-Bus round trip, the test a network one. The key is
never shown: only its fingerprint (client email, key id). Errors are said in the user's
language (``ui.credentials.messages``), permission refusals by ``ui.messages``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.credentials.admin import (
    CredentialStatus,
    SetOutcome,
    credential_status,
    remove_credentials,
    set_sending_mode,
)
from engage_desktop.core.credentials.connection import check_connection, set_credentials
from engage_desktop.core.credentials.testing import CredentialTools, TestReport
from engage_desktop.core.progress import Progress
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.ui.background import Job
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.credentials.messages import credential_text
from engage_desktop.ui.credentials.serial_jobs import CancelRow, SerialJobs
from engage_desktop.ui.formatting import format_datetime
from engage_desktop.ui.messages import fill, permission_text


class CredentialsDialog(QDialog):
    """Attributes worth knowing in tests: ``status_label`` (what came of the last action),
    ``choose_button``, ``test_button``, ``remove_button``, ``mode_button``, ``holders``,
    ``progress`` / ``cancel_button`` (shown while a test runs), ``status`` (the last read)."""

    def __init__(
        self, context: UiContext, tools: CredentialTools, app_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Firebase credentials"))
        self.context, self.tools, self.app_id = context, tools, app_id
        self.status: CredentialStatus | None = None
        self._jobs = SerialJobs(
            self,
            self._busy,
            lambda exc: self._say(self._error_text(exc), error=True),
            lambda: self._say(self.tr("Test cancelled.")),
        )
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.mode_label = QLabel()
        self.mode_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.mode_label)
        layout.addWidget(self._key_box())
        layout.addWidget(self._holders_box(), 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.running = CancelRow(self._cancel)
        self.progress, self.cancel_button = self.running.progress, self.running.cancel_button
        layout.addWidget(self.running)
        layout.addWidget(self.status_label)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.resize(760, 520)
        self.reload()

    def _key_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Service-account key (kept in the OS keyring)"))
        self.email = QLabel()
        self.key_id = QLabel()
        self.set_when = QLabel()
        self.tested = QLabel()
        for label in (self.email, self.key_id, self.set_when, self.tested):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Client email:"), self.email)
        form.addRow(self.tr("Key id:"), self.key_id)
        form.addRow(self.tr("Set:"), self.set_when)
        form.addRow(self.tr("Connection test:"), self.tested)
        self.choose_button = QPushButton(self.tr("Choose key file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.remove_button = QPushButton(self.tr("Remove key…"))
        self.remove_button.clicked.connect(self.remove_key)
        self.mode_button = QPushButton()
        self.mode_button.clicked.connect(self.switch_mode)
        row = QHBoxLayout()
        for button in (self.choose_button, self.test_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.mode_button)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addLayout(row)
        return box

    def _holders_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Machines whose keyring holds the key"))
        self.holders = QTableWidget(0, 4)
        self.holders.setHorizontalHeaderLabels(
            [self.tr("Machine"), self.tr("Key"), self.tr("Stored"), self.tr("By")]
        )
        self.holders.verticalHeader().hide()
        self.holders.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.holders.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Each machine that runs a sending service reads the key from its own keyring: "
                "give the key once on each of them (“engage-desktop credentials set”)."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.holders)
        layout.addWidget(note)
        return box

    # --- running core work off the GUI thread ------------------------------------------
    def _run(
        self, work: Callable[[Progress], Any], done: Callable[[Any], None], *, cancellable: bool
    ) -> None:
        self._jobs.run(work, done, cancellable=cancellable)

    @property
    def _job(self) -> Job | None:
        return self._jobs.job

    def _busy(self, busy: bool, cancellable: bool) -> None:
        self.running.follow(busy, cancellable)
        for button in (self.choose_button, self.test_button, self.remove_button, self.mode_button):
            button.setEnabled(not busy)
        if not busy:
            self._enable()

    def _cancel(self) -> None:
        self._jobs.cancel()

    def _error_text(self, exc: BaseException) -> str:
        if isinstance(exc, PermissionDenied):
            return permission_text(exc)
        return credential_text(exc)

    # --- reading -----------------------------------------------------------------------
    def reload(self, then: Callable[[], None] | None = None) -> None:
        ws, app_id = self.context.workspace, self.app_id

        def shown(status: CredentialStatus) -> None:
            self.show_status(status)
            if then is not None:
                then()

        self._run(lambda _p: credential_status(ws, app_id), shown, cancellable=False)

    def show_status(self, status: CredentialStatus) -> None:
        self.status = status
        self.heading.setText(
            fill(
                self.tr("<b>%1</b> — Firebase project %2"),
                [status.app_name.replace("<", "&lt;"), status.project_id.replace("<", "&lt;")],
            )
        )
        if status.use_sandbox:
            self.mode_label.setText(self.tr("Sends to the local sandbox (no real device)."))
            self.mode_button.setText(self.tr("Send through FCM"))
        else:
            self.mode_label.setText(self.tr("Sends through Firebase Cloud Messaging."))
            self.mode_button.setText(self.tr("Send to the sandbox"))
        none = self.tr("No key yet")
        self.email.setText(status.client_email or none)
        self.key_id.setText(status.key_id or "—")
        self.set_when.setText(
            fill(self.tr("%1 by %2"), [format_datetime(status.set_at), status.set_by or "?"])
            if status.set_at
            else "—"
        )
        if status.tested_at is not None:
            self.tested.setText(
                fill(
                    self.tr("Passed %1 on %2"),
                    [format_datetime(status.tested_at), status.tested_host or "?"],
                )
            )
        else:
            self.tested.setText(self.tr("Not tested") if status.is_set else "—")
        self._fill_holders(status)
        self._enable()

    def _fill_holders(self, status: CredentialStatus) -> None:
        self.holders.setRowCount(len(status.holders))
        for row, holder in enumerate(status.holders):
            which = (
                self.tr("current key")
                if holder.current
                else fill(self.tr("old key %1"), [holder.key_id])
            )
            cells = (holder.host, which, format_datetime(holder.stored_at), holder.stored_by or "?")
            for column, text in enumerate(cells):
                self.holders.setItem(row, column, QTableWidgetItem(text))

    def _enable(self) -> None:
        status = self.status
        has_key = status is not None and status.is_set
        self.test_button.setEnabled(has_key)
        self.remove_button.setEnabled(has_key)
        can_switch = status is not None and (not status.use_sandbox or status.tested_at is not None)
        self.mode_button.setEnabled(can_switch)
        self.mode_button.setToolTip(
            ""
            if can_switch
            else self.tr("Sending through FCM needs a key that passed the connection test.")
        )

    # --- actions -----------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Service-account key"),
            "",
            self.tr("JSON files (*.json);;All files (*)"),
        )
        if name:
            self.set_key_file(name)

    def set_key_file(self, path: str) -> None:
        """On an app sending through FCM the new key is tested before it replaces the current
        one: the same progress and cancel as "Test connection"."""
        ws, tools, app_id = self.context.workspace, self.tools, self.app_id
        self._run(
            lambda progress: set_credentials(
                ws, tools.vault, app_id, path, tester=tools.tester, progress=progress
            ),
            self._key_set,
            cancellable=True,
        )

    def _key_set(self, outcome: SetOutcome) -> None:
        self.show_status(outcome.status)
        warnings = [credential_text(w) for w in outcome.warnings]
        test = outcome.test
        if not outcome.stored and test is not None:
            refused = self.tr(
                "The new key failed its connection test and is not stored: the app keeps "
                "sending with its current key."
            )
            self._say("\n".join([refused, credential_text(test.message), *warnings]), error=True)
            return
        if test is not None:
            text = self.tr("The new key passed the connection test and is now in use.")
        else:
            text = self.tr("The key is in this machine's keyring. Next: test the connection.")
        self._say("\n".join([text, *warnings]), warning=bool(warnings))

    def test_connection(self) -> None:
        ws, tools, app_id = self.context.workspace, self.tools, self.app_id
        self._say(self.tr("Asking Google for a token, then FCM for a validate-only send…"))
        self._run(
            lambda progress: check_connection(ws, tools.vault, app_id, tools.tester, progress),
            self._tested,
            cancellable=True,
        )

    def _tested(self, report: TestReport) -> None:
        lines = [credential_text(report.message)]
        if report.note is not None:
            lines.append(credential_text(report.note))
        self.reload(lambda: self._say("\n".join(lines), error=not report.passed))

    def remove_key(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Remove the key"),
            self.tr(
                "Forget this app's key and delete it from this machine's keyring? The app can "
                "no longer send through FCM until a key is given again."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_confirmed()

    def remove_confirmed(self) -> None:
        ws, vault, app_id = self.context.workspace, self.tools.vault, self.app_id

        def removed(outcome: Any) -> None:
            text = self.tr("The key is removed from this machine's keyring.")
            if outcome.other_hosts:
                text += " " + fill(
                    self.tr("Other machines still hold a copy: %1. Remove it there too."),
                    [", ".join(outcome.other_hosts)],
                )
            self.reload(lambda: self._say(text))

        self._run(lambda _p: remove_credentials(ws, vault, app_id), removed, cancellable=False)

    def switch_mode(self) -> None:
        if self.status is None:
            return
        ws, app_id, fcm = self.context.workspace, self.app_id, self.status.use_sandbox

        def switched(status: CredentialStatus) -> None:
            self.show_status(status)
            self._say(
                self.tr("This app now sends through FCM.")
                if not status.use_sandbox
                else self.tr("This app now sends to the local sandbox.")
            )

        self._run(lambda _p: set_sending_mode(ws, app_id, fcm=fcm), switched, cancellable=False)

    def _say(self, text: str, *, error: bool = False, warning: bool = False) -> None:
        from engage_desktop.ui.theme import tint  # the app's one error red

        tint(self.status_label, "error" if error or warning else None)
        self.status_label.setText(text)
