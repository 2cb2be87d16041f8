"""The composer's actions: schedule, send to test devices, send (a mixin of ComposerWindow).

Each saves the draft first, so what is scheduled or sent is exactly what the form shows. Sending
opens the dispatch dialogs (``ui.sending``); permission is checked by core again when it runs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from engage_desktop.core.campaigns.edit import schedule_campaign
from engage_desktop.core.campaigns.model import CampaignInputError
from engage_desktop.security.roles import Permission, can
from engage_desktop.ui.sending.errors import user_message

SENDABLE_FORMATS = ("push", "rich_push")


class ComposerActions:
    """Buttons and slots for schedule / test send / send (see ``ComposerWindow``)."""

    def _action_buttons(self) -> list[QPushButton]:
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
        self.can_send = self._may_send()
        self.send_dialog: QDialog | None = None
        return [self.schedule_button, self.test_send_button, self.send_button]

    def _may_send(self) -> bool:
        app_id = self.context.app_id
        if app_id is None:
            return False
        ws = self.context.workspace
        with ws.session_factory() as session:
            return can(session, ws.member_id, app_id, Permission.SEND_CAMPAIGNS)

    def _update_actions(self) -> None:
        """After every edit: what can be done with the draft as it stands."""
        ok = not self.issues
        self.schedule_button.setEnabled(ok)
        sendable = ok and self.can_send and self._campaign.get("format") in SENDABLE_FORMATS
        self.send_button.setEnabled(sendable)
        self.test_send_button.setEnabled(sendable)
        if not self.can_send:
            why = self.tr("Your role on this app does not allow sending.")
            self.send_button.setToolTip(why)
            self.test_send_button.setToolTip(why)

    def schedule(self) -> None:
        if not self.save_now() or self.campaign_id is None:
            return
        try:
            with self.context.workspace.session() as session:
                schedule_campaign(session, self.context.workspace.member_id, self.campaign_id, None)
        except CampaignInputError as exc:  # the core's field-by-field message
            QMessageBox.warning(self, self.tr("Cannot schedule"), str(exc))
            return
        except Exception as exc:  # permission, database: said in the user's language
            QMessageBox.warning(self, self.tr("Cannot schedule"), user_message(exc))
            return
        self.status.setText(self.tr("Scheduled"))

    def send_to_test_devices(self) -> None:
        """The saved draft's current variant, to the test devices, through the service."""
        from engage_desktop.ui.sending.trial_dialog import TrialSendDialog

        if not self.save_now() or self.campaign_id is None:
            return
        self.send_dialog = TrialSendDialog(
            self.context, self.campaign_id, self.variant_key, parent=self
        )
        self.send_dialog.open()

    def send_campaign(self) -> None:
        from engage_desktop.ui.sending.send_dialog import SendDialog

        if not self.save_now() or self.campaign_id is None:
            return
        name = str(self._campaign.get("name") or "")
        self.send_dialog = SendDialog(self.context, self.campaign_id, name, parent=self)
        self.send_dialog.finished.connect(self._after_send_dialog)
        self.send_dialog.open()

    def _after_send_dialog(self, _result: int) -> None:
        self.status.setText(self.tr("See the Deliveries page for this send's progress."))
