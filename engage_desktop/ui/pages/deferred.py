"""A page whose module is imported, and the page built, the first time it is shown.

The Analytics page pulls in matplotlib (about 2 s of imports on a loaded two-core machine, the
largest part of the time from start to the demo's campaigns on screen) and starts loading
its figures as soon as it exists. Most sessions open Campaigns first: the navigation keeps
Analytics' place, title and icon, and builds the page only when someone goes there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout

from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.base import Page


class DeferredPage(Page):
    """Stands in the navigation for the page ``build`` makes; ``page()`` builds it."""

    def __init__(
        self,
        context: UiContext,
        page_id: str,
        title: Callable[[], str],
        build: Callable[[UiContext], Page],
    ) -> None:
        super().__init__(context)
        self.page_id = page_id
        self._title, self._build = title, build
        self._page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def title(self) -> str:
        return self._title()

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> Page:
        """The real page, built now if it was not yet."""
        if self._page is None:
            self._page = self._build(self.context)
            self._layout.addWidget(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        self.page()
        super().showEvent(event)
