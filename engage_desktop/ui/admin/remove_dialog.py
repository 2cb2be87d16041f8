"""Remove an app: first say what goes with it, then ask for its name, then remove it.

The counts come from core (``removal_impact``) off the GUI thread; the removal is one database
transaction (all or nothing), run off the GUI thread with a busy bar. It cannot be cancelled
halfway: a transaction stopped halfway leaves everything as it was, which closing before
confirming already does.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.apps.manage import RemovalImpact
from engage_desktop.core.progress import Progress
from engage_desktop.ui.admin.texts import admin_error_text
from engage_desktop.ui.background import Job, run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill


class RemovalSummary(QObject):
    """Words what removing an app deletes (a QObject for ``self.tr``: lupdate sees plural
    forms only there)."""

    def text(self, impact: RemovalImpact) -> str:
        """Everything that is deleted, counted with plural forms, then what stays."""
        campaigns, profiles, devices = impact.campaigns, impact.profiles, impact.devices
        segments, messages, members = impact.segments, impact.outbox_messages, impact.members
        parts = [
            self.tr("%Ln campaign(s) with their sends and results", "", campaigns),
            self.tr("%Ln profile(s) with their events and consents", "", profiles),
            self.tr("%Ln device(s)", "", devices),
            self.tr("%Ln segment(s)", "", segments),
            self.tr("%Ln queued or sent message(s)", "", messages),
            self.tr("the roles of %Ln team member(s) on it", "", members),
        ]
        if impact.secrets_here:
            parts.append(self.tr("its keys and passwords in this machine's keyring"))
        head = fill(self.tr("Removing “%1” deletes for good:"), [impact.app_name])
        tail = self.tr("The audit log keeps its entries. This cannot be undone.")
        if impact.other_hosts:
            elsewhere = self.tr(
                "The keyring of %1 keeps a copy of its service-account key: delete it there with "
                "the system's keyring tool."
            )
            tail = fill(elsewhere, [", ".join(impact.other_hosts)]) + "\n" + tail
        return head + "\n• " + "\n• ".join(parts) + "\n\n" + tail


def removal_summary(impact: RemovalImpact) -> str:
    return RemovalSummary().text(impact)


class RemoveAppDialog(QDialog):
    """Confirmation with the counts; ``removed(app_id)`` once the app is gone.

    Signals:
        removed(int): the id of the app that was removed.
    """

    removed = Signal(int)

    def __init__(
        self, context: UiContext, app_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.app_id = app_id
        self.app_name = name
        self.impact: RemovalImpact | None = None
        self.job: Job | None = None
        self.setWindowTitle(fill(self.tr("Remove the app “%1”"), [name]))
        self.setMinimumWidth(520)
        self.summary = QLabel(self.tr("Counting what goes with the app…"))
        self.summary.setWordWrap(True)
        self.confirm = QLineEdit()
        self.confirm.setPlaceholderText(name)
        self.confirm.setEnabled(False)
        self.confirm.textChanged.connect(self._typed)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.remove_button: QPushButton = self.buttons.addButton(
            self.tr("Remove for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Type the app's name to confirm:")))
        layout.addWidget(self.confirm)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._count()

    def _count(self) -> None:
        from engage_desktop.core.apps.manage import removal_impact

        ws, app_id = self.context.workspace, self.app_id
        self.job = run_in_background(
            lambda _p: removal_impact(ws, app_id), parent=self, on_success=self._counted
        )
        self.job.failed.connect(self._failed)

    def _counted(self, impact: RemovalImpact) -> None:
        self.impact = impact
        self.summary.setText(removal_summary(impact))
        self.confirm.setEnabled(True)
        self.confirm.setFocus()

    def _typed(self, text: str) -> None:
        self.remove_button.setEnabled(self.impact is not None and text.strip() == self.app_name)

    def remove(self) -> None:
        from engage_desktop.core.apps.manage import remove_app

        ws, app_id, typed = self.context.workspace, self.app_id, self.confirm.text()
        tools = self.context.credentials  # this machine's keyring, once it is known

        def work(_p: Progress) -> RemovalImpact:
            vault = tools.vault if tools is not None else None
            return remove_app(ws, app_id, confirm_name=typed, vault=vault)

        self.remove_button.setEnabled(False)
        self.confirm.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self.busy.show()
        self.message.setText(self.tr("Removing…"))
        self.job = run_in_background(work, parent=self, on_success=self._removed)
        self.job.failed.connect(self._failed)

    def _removed(self, impact: RemovalImpact) -> None:
        self.removed.emit(self.app_id)
        self.accept()
        if impact.left_here:  # no keyring could be reached: say what is left, and where
            QMessageBox.warning(
                self.parentWidget(),
                self.tr("Secrets left in the keyring"),
                fill(
                    self.tr(
                        "The app is removed, but this machine's keyring could not be reached. "
                        "Delete these entries with the system's keyring tool: %1"
                    ),
                    [", ".join(impact.left_here)],
                ),
            )

    def _failed(self, exc: BaseException, _tb: str) -> None:
        from engage_desktop.ui.theme import tint

        self.busy.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        self.confirm.setEnabled(self.impact is not None)
        tint(self.message, "error")
        self.message.setText(admin_error_text(exc))
