"""Reading a test workspace back."""

from __future__ import annotations

from sqlalchemy import func, select

from engage_desktop.core.workspace import Workspace


def count_rows(ws: Workspace, model: type) -> int:
    """How many rows the table behind ``model`` holds."""
    with ws.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0
