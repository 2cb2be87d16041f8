"""The composer's actions: schedule, send to test devices, send.

A part of ``ComposerWindow`` by composition. Each action saves the draft first, so what is
scheduled or sent is exactly what the form shows. Sending opens the dispatch dialogs
(``ui.sending``); permission is checked by core again when it runs. Database work (may this
member send? schedule) runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from engage_desktop.core.progress import Progress
from engage_desktop.core.scheduling.when import ScheduleChoice
from engage_desktop.security.roles import Permission, can
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill
from engage_desktop.ui.workflow.when_text import moment_text

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

    def schedule_stored(self, schedule: dict[str, Any]) -> None:
        """The scheduling dialog stored a time (``campaign.schedule``'s keys): show it."""


class ComposerActions(QObject):
    """The schedule / test send / send buttons, enabled by the draft's state and the role.

    Attributes:
        schedule_button, test_send_button, send_button: the buttons (the window lays them out).
        can_send: whether the member may send on this app (False until the answer arrives).
        role_checked: whether that answer has arrived.
        send_dialog: the open send or test-send dialog, if any.
        schedule_dialog: the open scheduling dialog, if any.
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
        self.schedule_dialog: QDialog | None = None
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
        """The saved draft's time is chosen and stored in the scheduling dialog (ui.workflow)."""
        from engage_desktop.ui.workflow.schedule_dialog import ScheduleDialog

        self.schedule_dialog = ScheduleDialog(self.context, campaign_id, self.dialog_parent)
        self.schedule_dialog.scheduled.connect(self._scheduled)
        self.schedule_dialog.unscheduled.connect(lambda: self._scheduled(None))
        self.schedule_dialog.open()

    def _scheduled(self, chosen: ScheduleChoice | None) -> None:
        self.owner.schedule_stored(chosen.to_json() if chosen else {"mode": "now"})
        if chosen is None:
            self.owner.show_status(self.tr("Unscheduled: back to draft."))
        else:
            self.owner.show_status(
                fill(self.tr("Scheduled for %1."), [moment_text(chosen.at, chosen.time_zone)])
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
