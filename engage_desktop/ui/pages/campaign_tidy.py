"""The Campaigns page's tidying actions: archive a finished campaign (or bring it back), delete
a draft. Each asks first, runs off the GUI thread, and says why when core refuses.

A part of ``CampaignsPage`` by composition: it sees the page only through the selected row
and the ``done`` callback (reload).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from engage_desktop.core.listing import CampaignRow
from engage_desktop.core.progress import Progress
from engage_desktop.store.models import CampaignStatus
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import campaign_error_text, fill
from engage_desktop.ui.sending.errors import user_message

FINISHED = (CampaignStatus.COMPLETED, CampaignStatus.CANCELLED)


class CampaignTidy(QWidget):
    """The Archive and Delete buttons, enabled by the selected campaign's status.

    Attributes:
        archive_button, delete_button: the buttons (the page lays them out).
        confirmation: the open "are you sure?" box, if any.
    """

    def __init__(
        self,
        context: UiContext,
        selected: Callable[[], CampaignRow | None],
        done: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.context, self.selected, self.done = context, selected, done
        self.archive_button = QPushButton(self.tr("Archive"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.archive_button.clicked.connect(self.ask_archive)
        self.delete_button.clicked.connect(self.ask_delete)
        self.confirmation: QMessageBox | None = None
        self.update_buttons()

    def update_buttons(self) -> None:
        """Archive finished campaigns (Unarchive archived ones), delete drafts only."""
        row = self.selected()
        archived = row is not None and row.archived
        self.archive_button.setText(self.tr("Unarchive") if archived else self.tr("Archive"))
        self.archive_button.setEnabled(row is not None and (archived or row.status in FINISHED))
        self.delete_button.setEnabled(row is not None and row.status == CampaignStatus.DRAFT)
        why = self.tr("Only a completed or cancelled campaign can be archived.")
        self.archive_button.setToolTip("" if self.archive_button.isEnabled() else why)
        why = self.tr("Only a draft can be deleted; archive a finished campaign instead.")
        self.delete_button.setToolTip("" if self.delete_button.isEnabled() else why)

    def ask_archive(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.archived:
            text = self.tr("Bring “%1” back to the list of campaigns?")
        else:
            text = self.tr("Archive “%1”? It leaves the list; “Show archived” finds it again.")
        self._confirm(fill(text, [row.name]), lambda: self._archive(row.id, not row.archived))

    def ask_delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = self.tr("Delete the draft “%1”? This cannot be undone.")
        self._confirm(fill(text, [row.name]), lambda: self._delete(row.id))

    def _confirm(self, text: str, then: Callable[[], None]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Campaigns"), text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            self.confirmation = None
            if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
                then()

        box.finished.connect(answered)
        self.confirmation = box
        box.open()

    def _archive(self, campaign_id: int, archived: bool) -> None:
        from engage_desktop.core.campaigns.housekeeping import set_archived

        ws = self.context.workspace

        def work(_progress: Progress) -> None:
            with ws.session() as session:
                set_archived(session, ws.member_id, campaign_id, ws.clock.now(), archived)

        run_in_background(
            work, parent=self, on_success=lambda _r: self.done(), on_failure=self._failed
        )

    def _delete(self, campaign_id: int) -> None:
        from engage_desktop.core.campaigns.housekeeping import delete_draft

        ws = self.context.workspace

        def work(_progress: Progress) -> str:
            with ws.session() as session:
                return delete_draft(session, ws.member_id, campaign_id)

        run_in_background(
            work, parent=self, on_success=lambda _r: self.done(), on_failure=self._failed
        )

    def _failed(self, exc: BaseException, _trace: str) -> None:
        from engage_desktop.core.campaigns.edit import CampaignNotFound
        from engage_desktop.core.campaigns.housekeeping import CampaignKept

        known = isinstance(exc, CampaignKept | CampaignNotFound)
        text = campaign_error_text(exc) if known else user_message(exc)
        QMessageBox.warning(self, self.tr("Campaigns"), text)
        self.done()
