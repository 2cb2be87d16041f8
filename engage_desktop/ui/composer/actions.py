"""The composer's actions: schedule, send to test devices, send.

A part of ``ComposerWindow`` by composition. Each action saves the draft first, so what is
scheduled or sent is exactly what the form shows. Sending opens the dispatch dialogs
(``ui.sending``); permission is checked by core again when it runs. Database work (may this
member send? schedule) runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from engage_desktop.core.campaigns.edit import schedule_campaign
from engage_desktop.core.campaigns.model import CampaignInputError
from engage_desktop.core.progress import Progress
from engage_desktop.security.roles import Permission, can
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import campaign_error_text
from engage_desktop.ui.sending.errors import user_message

SENDABLE_FORMATS = ("push", "rich_push", "in_app", "sms", "email")
TESTABLE_FORMATS = ("push", "rich_push", "in_app")  # test sends go to test devices


class DraftOwner(Protocol):
    """What the actions need from the window that holds the draft."""

    def save_then(self, then: Callable[[int], None]) -> None:
        """Save the draft (off the GUI thread), then call ``then(campaign_id)`` if it worked."""

    def show_status(self, text: str) -> None:
        """Say how an action went, under the form."""

    def shown_variant(self) -> str:
        """The variant key the form shows."""

    def campaign_name(self) -> str:
        """The campaign's name as typed."""


class ComposerActions(QObject):
    """The schedule / test send / send buttons, enabled by the draft's state and the role.

    Attributes:
        schedule_button, test_send_button, send_button: the buttons (the window lays them out).
        can_send: whether the member may send on this app (False until the answer arrives).
        role_checked: whether that answer has arrived.
        send_dialog: the open send or test-send dialog, if any.
    """

    def __init__(self, context: UiContext, owner: DraftOwner, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.owner = owner
        self.dialog_parent = window
        self.schedule_button = QPushButton(self.tr("Schedule…"))
        self.schedule_button.clicked.connect(self.schedule)
        self.test_send_button = QPushButton(self.tr("Send to test devices…"))
        self.test_send_button.setToolTip(
            self.tr("Send the current content to this app's test devices (marked as a test).")
        )
        self.test_send_button.clicked.connect(self.send_to_test_devices)
        self.send_button = QPushButton(self.tr("Send…"))
        self.send_button.setToolTip(self.tr("Send this campaign to its audience now."))
        self.send_button.clicked.connect(self.send_campaign)
        self.can_send = False
        self.role_checked = False
        self.send_dialog: QDialog | None = None
        self._draft_ok = False
        self._format = ""
        run_in_background(self._may_send, parent=self, on_success=self._role_known)

    def buttons(self) -> list[QPushButton]:
        return [self.schedule_button, self.test_send_button, self.send_button]

    def _may_send(self, _progress: Progress) -> bool:
        """On a worker thread: does the member's role on the app allow sending?"""
        app_id = self.context.app_id
        if app_id is None:
            return False
        ws = self.context.workspace
        with ws.session_factory() as session:
            return can(session, ws.member_id, app_id, Permission.SEND_CAMPAIGNS)

    def _role_known(self, allowed: object) -> None:
        self.can_send = bool(allowed)
        self.role_checked = True
        if not self.can_send:
            why = self.tr("Your role on this app does not allow sending.")
            self.send_button.setToolTip(why)
            self.test_send_button.setToolTip(why)
        self._enable()

    def update(self, draft_ok: bool, fmt: str) -> None:
        """After every edit: what can be done with the draft as it stands."""
        self._draft_ok, self._format = draft_ok, fmt
        self._enable()

    def _enable(self) -> None:
        self.schedule_button.setEnabled(self._draft_ok)
        sendable = self._draft_ok and self.can_send and self._format in SENDABLE_FORMATS
        self.send_button.setEnabled(sendable)
        self.test_send_button.setEnabled(sendable and self._format in TESTABLE_FORMATS)

    def schedule(self) -> None:
        self.owner.save_then(self._schedule_saved)

    def _schedule_saved(self, campaign_id: int) -> None:
        ws = self.context.workspace

        def work(_progress: Progress) -> None:
            with ws.session() as session:
                schedule_campaign(session, ws.member_id, campaign_id, None)

        run_in_background(
            work,
            parent=self,
            on_success=lambda _r: self.owner.show_status(self.tr("Scheduled")),
            on_failure=self._schedule_failed,
        )

    def _schedule_failed(self, exc: BaseException, _trace: str) -> None:
        """The core's case (or a permission, a database problem) in the user's language."""
        text = campaign_error_text(exc) if isinstance(exc, CampaignInputError) else None
        QMessageBox.warning(
            self.dialog_parent, self.tr("Cannot schedule"), text or user_message(exc)
        )

    def send_to_test_devices(self) -> None:
        """The saved draft's current variant, to the test devices, through the service."""
        self.owner.save_then(self._open_trial_dialog)

    def _open_trial_dialog(self, campaign_id: int) -> None:
        from engage_desktop.ui.sending.trial_dialog import TrialSendDialog

        self.send_dialog = TrialSendDialog(
            self.context, campaign_id, self.owner.shown_variant(), parent=self.dialog_parent
        )
        self.send_dialog.open()

    def send_campaign(self) -> None:
        self.owner.save_then(self._open_send_dialog)

    def _open_send_dialog(self, campaign_id: int) -> None:
        from engage_desktop.ui.sending.send_dialog import SendDialog

        name = self.owner.campaign_name()
        self.send_dialog = SendDialog(self.context, campaign_id, name, parent=self.dialog_parent)
        self.send_dialog.finished.connect(self._after_send_dialog)
        self.send_dialog.open()

    def _after_send_dialog(self, _result: int) -> None:
        self.owner.show_status(self.tr("See the Deliveries page for this send's progress."))
