"""Imports of a SQLite workspace take turns (``core/imports/turns.py``): one waiting for the turn
says so through its progress and can be cancelled meanwhile, and leftovers are finished first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.imports.events import import_events
from engage_desktop.core.imports.turns import WAITING
from engage_desktop.core.progress import Cancelled, CancelToken, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.import_runs import import_turn
from engage_desktop.store.models import Profile, Role
from tests.support.apps import add_app


@pytest.mark.parametrize("kind", ["contacts", "events"])
def test_an_import_waits_for_the_turn_and_can_be_cancelled_meanwhile(
    make_workspace: Callable[..., Workspace], tmp_path: Path, kind: str
) -> None:
    ws = make_workspace()
    app_id = add_app(ws, "Maison Lumière", Role.MARKETER, platforms=())
    path = ws.location.sqlite_path
    assert path is not None
    contacts = tmp_path / "c.csv"
    contacts.write_text("identifiant;email\nA-1;a@exemple.fr\n", encoding="utf-8")
    events = tmp_path / "e.ndjson"
    events.write_text("", encoding="utf-8")
    token = CancelToken()
    waits: list[str] = []

    def on_progress(done: int, total: int | None, message: str) -> None:
        if message == WAITING:
            waits.append(message)
            if len(waits) == 3:
                token.cancel()

    progress = Progress(on_progress, token)
    with import_turn(path) as ours:  # another import holds the turn
        assert ours
        with pytest.raises(Cancelled):
            if kind == "contacts":
                import_contacts(ws, app_id, contacts, progress=progress)
            else:
                import_events(ws, app_id, events, progress=progress)
    assert len(waits) == 3
    assert import_contacts(ws, app_id, contacts).inserted == 1  # the turn is free again
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Profile)) == 1
