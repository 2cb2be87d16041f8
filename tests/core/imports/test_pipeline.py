"""Big files are read and converted in a child process while the import writes.

Each test uses a real file over ``CHILD_ROWS`` rows, so the child really runs: same contacts as
converting in-process, and cancelling, a bad byte late in the file or the child being killed
all leave the database exactly as it was.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from engage_desktop.core.imports import pipeline
from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.mapping import apply_overrides, auto_map
from engage_desktop.core.imports.tabular import open_table
from engage_desktop.core.progress import Cancelled, CancelToken, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Profile, Role
from tests.support.apps import add_app
from tests.support.db import count_rows

ROWS = pipeline.CHILD_ROWS + 2_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.imports import write_contacts_csv

    path = tmp_path_factory.mktemp("big") / "contacts.csv"
    write_contacts_csv(path, ROWS, seed=3)
    return path


def _stored(ws: Workspace) -> list[tuple[object, ...]]:
    with ws.engine.connect() as conn:
        profiles = conn.execute(
            text(
                "SELECT external_id, first_name, email, phone, postal_code, birth_date, "
                "attributes FROM profile ORDER BY external_id"
            )
        ).all()
        consent = conn.execute(
            text(
                "SELECT p.external_id, c.channel, c.state FROM consent c "
                "JOIN profile p ON p.id = c.profile_id ORDER BY 1, 2"
            )
        ).all()
    return [tuple(r) for r in profiles] + [tuple(r) for r in consent]


def _import(ws: Workspace, app_id: int, path: Path, **kwargs: object) -> object:
    table = open_table(path)
    mapping = apply_overrides(
        table.headers, auto_map(table.headers), {"Panier moyen (€)": "attribute:panier_moyen"}
    )
    return import_contacts(ws, app_id, path, mapping, table=table, **kwargs)  # type: ignore[arg-type]


def test_child_gives_the_same_contacts_as_converting_here(
    make_workspace: Callable[..., Workspace],
    ws: Workspace,
    app_id: int,
    big_csv: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    in_child = _import(ws, app_id, big_csv)
    assert in_child.inserted + in_child.failed == ROWS  # type: ignore[attr-defined]
    here_ws = make_workspace()
    here_app = add_app(here_ws, "Maison Lumière", Role.MARKETER, platforms=())
    monkeypatch.setattr(pipeline, "CHILD_ROWS", ROWS + 1)  # the same file, converted here
    here = _import(here_ws, here_app, big_csv)
    assert (here.inserted, here.failed) == (in_child.inserted, in_child.failed)  # type: ignore[attr-defined]
    assert here.errors == in_child.errors  # type: ignore[attr-defined]
    assert _stored(here_ws) == _stored(ws)


def test_cancel_stops_the_child_and_writes_nothing(
    ws: Workspace, app_id: int, big_csv: Path
) -> None:
    token = CancelToken()

    def on_progress(done: int, total: int | None, message: str) -> None:
        if done >= 20_000:
            token.cancel()

    with pytest.raises(Cancelled):
        _import(ws, app_id, big_csv, progress=Progress(on_progress, token))
    assert count_rows(ws, Profile) == 0
    assert multiprocessing.active_children() == []


def test_a_bad_byte_late_in_the_file_names_its_line(
    ws: Workspace, app_id: int, big_csv: Path, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.csv"
    # 0x81 is not a character in Windows-1252, the encoding of the rest of the file
    path.write_bytes(big_csv.read_bytes() + b"CLI9;M.;Zo\x81;Roy;z@exemple.fr\r\n")
    with pytest.raises(ImportFailed) as failure:
        _import(ws, app_id, path)
    assert failure.value.code == "mixed_encoding"
    assert failure.value.args_text[1] == str(ROWS + 2)  # the header is line 1
    assert count_rows(ws, Profile) == 0


def test_a_killed_child_fails_the_import_and_writes_nothing(
    ws: Workspace, app_id: int, big_csv: Path
) -> None:
    def on_progress(done: int, total: int | None, message: str) -> None:
        for child in multiprocessing.active_children():
            if child.name == "engage-import" and done >= 10_000 and child.pid:
                os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(ImportFailed) as failure:
        _import(ws, app_id, big_csv, progress=Progress(on_progress, CancelToken()))
    assert failure.value.code == "reader_crashed"
    assert count_rows(ws, Profile) == 0
