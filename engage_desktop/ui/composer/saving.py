"""Saving the composer's draft off the GUI thread, one save at a time.

A save snapshots the draft on the GUI thread and writes it on a worker, so a slow or locked
database never freezes typing. Saves never overlap: one asked for while another runs waits for
it, then writes the newest content under the id the first one got (two overlapping first saves
would otherwise create two campaign rows).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from engage_desktop.core.campaigns.edit import save_draft
from engage_desktop.core.campaigns.model import CampaignDraft
from engage_desktop.core.progress import Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.background import Job, run_in_background

DraftSource = Callable[[int | None], CampaignDraft]


class DraftSaver(QObject):
    """Writes drafts made by ``draft_of(campaign_id)``.

    Attributes:
        campaign_id: the campaign's row, None until the first save created it.

    Signals:
        saved(campaign_id): a save finished.
        failed(exception): a save failed; what was typed is still in the form.
    """

    saved = Signal(int)
    failed = Signal(object)

    def __init__(
        self,
        workspace: Workspace,
        draft_of: DraftSource,
        campaign_id: int | None,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.draft_of = draft_of
        self.campaign_id = campaign_id
        self._job: Job | None = None
        self._again = False
        self._then: list[Callable[[int], None]] = []

    @property
    def busy(self) -> bool:
        return self._job is not None

    def save(self, then: Callable[[int], None] | None = None) -> None:
        """Save now (or right after the running save); ``then(campaign_id)`` on success."""
        if then is not None:
            self._then.append(then)
        if self._job is not None:
            self._again = True
            return
        self._start()

    def _start(self) -> None:
        draft = self.draft_of(self.campaign_id)  # the form as it is now, on the GUI thread
        workspace = self.workspace

        def work(_progress: Progress) -> int:
            with workspace.session() as session:
                return save_draft(session, workspace.member_id, draft)

        self._again = False
        self._job = run_in_background(
            work, parent=self, on_success=self._succeeded, on_failure=self._failed
        )

    def _succeeded(self, campaign_id: int) -> None:
        self._job = None
        self.campaign_id = campaign_id
        if self._again:  # edits (or a Save) came in meanwhile: write them, then report
            self._start()
            return
        waiting, self._then = self._then, []
        self.saved.emit(self.campaign_id)
        for then in waiting:
            then(self.campaign_id)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self._job = None
        self._again = False
        self._then = []  # an action waiting for this save does not run on stale data
        self.failed.emit(exc)
