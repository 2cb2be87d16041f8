"""Segment and workspace refusals in French, arguments included."""

from __future__ import annotations

import socket
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from engage_desktop.core.workspace import Workspace, open_for_current_user
from engage_desktop.store.errors import WorkspaceError
from engage_desktop.store.location import resolve_workspace
from engage_desktop.ui.messages import (
    workspace_error_text,
)


def test_segment_refusals_in_french(french: None) -> None:
    from engage_desktop.core.segments import saved as segments
    from engage_desktop.ui.messages import segment_error_text

    taken = segments.SegmentError("a segment named 'Gold' already exists", "name_taken", "Gold")
    assert segment_error_text(taken) == "Un segment nommé « Gold » existe déjà dans cette app."
    used = segments.SegmentError("…", "in_use", "Gold", "VIP, Lyon")
    assert segment_error_text(used) == (
        "Le segment « Gold » est utilisé par VIP, Lyon : modifiez-les d’abord."
    )
    assert segment_error_text(segments.SegmentError("english only", "zzz")) == "english only"


def _refusal(path: Path | str) -> WorkspaceError:
    with pytest.raises(WorkspaceError) as caught:
        open_for_current_user(resolve_workspace(str(path)))
    return caught.value


def test_each_workspace_refusal_reads_in_french(
    french: None, tmp_path: Path, make_workspace: Callable[..., Workspace]
) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("liste de courses\n")
    other = tmp_path / "firefox.sqlite"
    with closing(sqlite3.connect(other)) as conn, conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY)")
    broken = tmp_path / "broken.sqlite"
    with closing(sqlite3.connect(broken)) as conn, conn:
        conn.execute("CREATE TABLE t (x)")
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    data = bytearray(broken.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    broken.write_bytes(bytes(data))
    ws = make_workspace()
    newer = ws.location.sqlite_path
    assert newer is not None
    ws.close()
    with closing(sqlite3.connect(newer)) as conn, conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("UPDATE alembic_version SET version_num = '9999_du_futur'")
    sock = tmp_path / "socket.sqlite"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))

    expected = {
        tmp_path / "absent.sqlite": f"Il n’y a pas d’espace de travail à {tmp_path}/absent.sqlite.",
        tmp_path: f"{tmp_path} est un dossier, pas un fichier d’espace de travail.",
        text_file: f"{text_file} n’est pas un espace de travail Engage Desktop",
        other: f"{other} appartient à une autre application",
        broken: f"{broken} est abîmé ou n’est pas un espace de travail (",
        newer: f"L’espace de travail {newer} a été écrit par une version plus récente "
        "d’Engage Desktop (schéma 9999_du_futur).",
    }
    try:
        for path, french_start in expected.items():
            exc = _refusal(path)
            assert exc.code, str(exc)
            assert workspace_error_text(exc).startswith(french_start), workspace_error_text(exc)
        unreadable = _refusal(sock)
    finally:
        server.close()
    assert unreadable.code in ("unreadable", "no_access")
    assert workspace_error_text(unreadable).startswith(
        (f"{sock} ne peut pas être lu", f"Le fichier d’espace de travail {sock}")
    )


def test_cases_hard_to_provoke_and_unknown_codes(french: None) -> None:
    unreachable = WorkspaceError("…", "unreachable", "postgresql://db/engage", "timeout expired")
    assert workspace_error_text(unreachable) == (
        "La base de l’espace de travail postgresql://db/engage est injoignable : timeout expired"
    )
    failed = WorkspaceError("…", "update_failed", "/w.sqlite", "disk I/O error")
    assert workspace_error_text(failed) == (
        "L’espace de travail /w.sqlite n’a pas pu être mis à jour : disk I/O error"
    )
    assert workspace_error_text(WorkspaceError("The demo needs at least 10 users.")) == (
        "The demo needs at least 10 users."
    )  # a sentence without a code yet: core's English rather than nothing
