"""The composer's "preview as": find profiles, read the chosen one, hand its fields to render.

A part of ``ComposerWindow`` by composition. Reads run on workers; the last profile chosen
wins, whatever order the reads answer in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLineEdit

from engage_desktop.core.listing import ProfilePage
from engage_desktop.core.progress import Progress
from engage_desktop.core.templating.context import SAMPLE_PROFILE, profile_context
from engage_desktop.ui.background import run_in_background
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.messages import fill
from engage_desktop.ui.sending.errors import user_message


class PreviewProfiles(QObject):
    """Fills ``combo`` from searches typed in ``search`` and renders for the chosen profile.

    ``render(fields)`` gets the profile's template fields; ``say(text)`` a failure to show.
    """

    def __init__(
        self,
        context: UiContext,
        search: QLineEdit,
        combo: QComboBox,
        render: Callable[[dict[str, Any]], None],
        say: Callable[[str], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.context, self.search, self.combo = context, search, combo
        self.render, self.say = render, say
        self._generation = 0

    def find(self) -> None:
        """Find profiles to preview as (on a worker); the first one found is shown."""
        from engage_desktop.core.listing import search_profiles

        app_id = self.context.app_id
        if app_id is None:
            return
        ws, text = self.context.workspace, self.search.text()

        def work(_progress: Progress) -> ProfilePage:
            with ws.session_factory() as session:
                return search_profiles(session, ws.member_id, app_id, text, limit=50)

        run_in_background(work, parent=self, on_success=self._show, on_failure=self._failed)

    def _show(self, page: ProfilePage) -> None:
        self.combo.clear()
        self.combo.addItem(self.tr("Sample profile"), None)
        for row in page.rows:
            name = " ".join(p for p in (row.first_name, row.last_name) if p) or row.external_id
            self.combo.addItem(f"{name} <{row.email or '-'}> #{row.id}", row.id)
        if page.rows:
            self.combo.setCurrentIndex(1)
            self.preview_as(page.rows[0].id)

    def preview_as(self, profile_id: int | None) -> None:
        """Render for a profile (read on a worker), or for the sample profile."""
        self._generation += 1
        generation = self._generation
        if profile_id is None:
            self._render_for(generation, dict(SAMPLE_PROFILE))
            return
        ws = self.context.workspace

        def work(_progress: Progress) -> dict[str, Any]:
            with ws.session_factory() as session:
                return profile_context(session, profile_id)

        run_in_background(
            work,
            parent=self,
            on_success=lambda found: self._render_for(generation, found),
            on_failure=self._failed,
        )

    def _render_for(self, generation: int, fields: dict[str, Any]) -> None:
        if generation == self._generation:
            self.render(fields)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        self.say(fill(self.tr("The profile could not be read: %1"), [user_message(exc)]))
