"""Pick the rich push preview this process can show: the web engine's, or the plain fallback.

QtWebEngine is imported only here, only once the check says it can start, and only when a rich
push is first previewed (it is heavy).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from engage_desktop.ui.preview.rich_fallback import PlainRichPreview
from engage_desktop.ui.preview.web_engine import web_engine_problem

if TYPE_CHECKING:
    from engage_desktop.ui.preview.rich_preview import RichPreview


def create_rich_preview(parent: QWidget | None = None) -> RichPreview | PlainRichPreview:
    """The web preview when QtWebEngine can start here, else the plain one saying why."""
    problem = web_engine_problem()
    if problem is not None:
        return PlainRichPreview(problem, parent)
    from engage_desktop.ui.preview.rich_preview import RichPreview

    return RichPreview(parent)
