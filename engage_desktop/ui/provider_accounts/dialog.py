"""Settings → Apps → "SMS and email accounts…": an app's Twilio and SMTP accounts, from the GUI.

Until now only ``engage-desktop credentials set|test --provider`` could set them. The dialog is
thin over core: ``provider_status.accounts_status`` to read, ``save_account`` to store (the
secret into this machine's keyring, the settings and this machine as a holder into the
workspace), ``provider_testing.check_provider_account`` with the tester the CLI layer hands
over (``CredentialTools.provider_tester``: the GUI may not import the services). Everything
runs off the GUI thread; a test shows progress and can be cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engage_desktop.core.credentials.provider_status import (
    AccountsStatus,
    SaveOutcome,
    accounts_status,
    save_account,
)
from engage_desktop.core.credentials.provider_testing import check_provider_account
from engage_desktop.core.credentials.testing import CredentialTools, TestReport
from engage_desktop.core.progress import Progress
from engage_desktop.store.models import Provider
from engage_desktop.ui.background import Job
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.credentials.serial_jobs import CancelRow, SerialJobs
from engage_desktop.ui.messages import fill
from engage_desktop.ui.provider_accounts.group import AccountGroup
from engage_desktop.ui.provider_accounts.texts import account_text, setting_named
from engage_desktop.ui.window_size import resize_within_screen


class ProviderAccountsDialog(QDialog):
    """Attributes worth knowing in tests: ``groups`` (provider → ``AccountGroup``),
    ``status_label`` (what came of the last action), ``progress`` / ``cancel_button`` (shown
    while a test runs), ``status`` (the last read), ``job`` (the running or last work)."""

    def __init__(
        self,
        context: UiContext,
        tools: CredentialTools,
        app_id: int,
        app_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("SMS and email accounts — %1"), [app_name]))
        self.context, self.tools, self.app_id = context, tools, app_id
        self.status: AccountsStatus | None = None
        self.jobs = SerialJobs(
            self,
            self._busy,
            lambda exc: self._failed(exc, None),
            lambda: self._say(self.tr("Test cancelled.")),
        )
        intro = QLabel(
            self.tr(
                "Secrets (the auth token, the password) go into this machine's keyring, never "
                "into the workspace. Each machine that runs a sending service reads them from "
                "its own keyring: save them once on each of those machines."
            )
        )
        intro.setWordWrap(True)
        self.groups = {p: AccountGroup(p) for p in Provider}
        row = QHBoxLayout()
        for group in self.groups.values():
            group.save_clicked.connect(self.save)
            group.test_clicked.connect(self.test)
            row.addWidget(group, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        self.running = CancelRow(self.cancel)
        self.progress, self.cancel_button = self.running.progress, self.running.cancel_button
        layout.addWidget(self.running)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        resize_within_screen(self, 1080, 600)  # two groups side by side
        self.reload()

    # --- running core work off the GUI thread ------------------------------------------
    def _run(
        self,
        work: Callable[[Progress], Any],
        done: Callable[[Any], None],
        *,
        provider: Provider | None = None,
        cancellable: bool = False,
    ) -> None:
        failed = None if provider is None else (lambda exc: self._failed(exc, provider))
        self.jobs.run(work, done, cancellable=cancellable, failed=failed)

    @property
    def job(self) -> Job | None:
        return self.jobs.job

    def _busy(self, busy: bool, cancellable: bool) -> None:
        self.running.follow(busy, cancellable)
        for group in self.groups.values():
            group.set_busy(busy)

    def cancel(self) -> None:
        self.jobs.cancel()

    def _failed(self, exc: BaseException, provider: Provider | None) -> None:
        self._say(account_text(exc), error=True)
        named = setting_named(exc)
        if provider is not None and named is not None:
            self.groups[provider].focus_setting(named)

    # --- reading -------------------------------------------------------------------------
    def reload(
        self, then: Callable[[], None] | None = None, *, only: Provider | None = None
    ) -> None:
        """Read the accounts again; ``only``: refresh that provider's group and leave what is
        typed in the other one alone."""
        ws, app_id = self.context.workspace, self.app_id

        def shown(status: AccountsStatus) -> None:
            self.show_status(status, only=only)
            if then is not None:
                then()

        self._run(lambda _p: accounts_status(ws, app_id), shown)

    def show_status(self, status: AccountsStatus, *, only: Provider | None = None) -> None:
        self.status = status
        for provider, group in self.groups.items():
            if only is None or provider is only:
                group.show_status(status.accounts[provider])

    # --- actions -------------------------------------------------------------------------
    def save(self, provider: Provider) -> None:
        group = self.groups[provider]
        ws, vault, app_id = self.context.workspace, self.tools.vault, self.app_id
        settings, secret = group.values(), group.secret_value()

        def saved(outcome: SaveOutcome) -> None:
            self.show_status(outcome.status, only=provider)
            lines = [
                fill(
                    self.tr(
                        "Saved: the secret is in this machine's keyring (fingerprint %1). "
                        "Next: test it."
                    ),
                    [outcome.fingerprint],
                )
            ]
            if outcome.new_unsubscribe_key:
                lines.append(
                    self.tr(
                        "A new key for the email's unsubscribe links is in this machine's keyring."
                    )
                )
            if outcome.warning is not None:
                lines.append(account_text(outcome.warning))
            self._say("\n".join(lines), error=outcome.warning is not None)

        self._run(
            lambda _p: save_account(ws, vault, app_id, provider, settings, secret),
            saved,
            provider=provider,
        )

    def test(self, provider: Provider) -> None:
        ws, tools, app_id = self.context.workspace, self.tools, self.app_id
        self._say(
            self.tr("Asking Twilio for the account…")
            if provider is Provider.TWILIO
            else self.tr("Connecting to the SMTP server and logging in…")
        )

        def tested(report: TestReport) -> None:
            said = account_text(report.message)
            self.reload(
                lambda: self._say(said, error=not report.passed, ok=report.passed), only=provider
            )

        self._run(
            lambda progress: check_provider_account(
                ws, tools.vault, app_id, provider, tools.provider_tester, progress
            ),
            tested,
            provider=provider,
            cancellable=True,
        )

    def _say(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        from engage_desktop.ui.theme import tint  # the app's error red and success green

        tint(self.status_label, "error" if error else "ok" if ok else None)
        self.status_label.setText(text)
