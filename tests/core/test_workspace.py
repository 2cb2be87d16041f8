"""Bad workspaces get a clear message and are never modified."""

from __future__ import annotations

import hashlib
import os
import pwd
import socket
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from engage_desktop.core.workspace import Workspace, current_login, open_for_current_user
from engage_desktop.store.errors import (
    DatabaseUnreachableError,
    NotAWorkspaceError,
    SchemaTooNewError,
    WorkspaceBusyError,
    WorkspaceMissingError,
    WorkspaceUnreadableError,
)
from engage_desktop.store.location import resolve_workspace
from tests.support.slow_database import held_file_lock


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_missing_file_is_reported_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.sqlite"
    with pytest.raises(WorkspaceMissingError, match=r"No workspace at .*nowhere\.sqlite"):
        open_for_current_user(resolve_workspace(str(path)))
    assert not path.exists()


def test_text_file_is_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list\n")
    before = _digest(path)
    with pytest.raises(NotAWorkspaceError, match="not a SQLite database"):
        open_for_current_user(resolve_workspace(str(path)))
    assert _digest(path) == before


def test_corrupt_sqlite_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the magic header
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(NotAWorkspaceError, match="damaged or not a workspace"):
        open_for_current_user(resolve_workspace(str(path)))
    assert _digest(path) == before


def test_other_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "firefox.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(NotAWorkspaceError, match="another application"):
        open_for_current_user(resolve_workspace(str(path)))
    assert _digest(path) == before


def test_newer_schema_is_refused_and_untouched(make_workspace, tmp_path: Path) -> None:
    ws = make_workspace()
    path = ws.location.sqlite_path
    assert path is not None
    ws.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(SchemaTooNewError, match="newer version of Engage Desktop"):
        open_for_current_user(resolve_workspace(str(path)))
    assert _digest(path) == before


def test_folder_is_not_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkspaceError, match="is a folder"):
        open_for_current_user(resolve_workspace(str(tmp_path)))


def test_unreadable_file_says_so(tmp_path: Path) -> None:
    """A file we cannot read: no permission, or (as root, who reads everything) a socket."""
    path = tmp_path / "locked.sqlite"
    if os.geteuid() == 0:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        path.write_bytes(b"SQLite format 3\x00" + bytes(100))
        path.chmod(0)
    with pytest.raises(WorkspaceUnreadableError, match="Cannot read"):
        open_for_current_user(resolve_workspace(str(path)))


@pytest.mark.postgres
def test_unreachable_postgresql_says_so_without_password(tmp_path: Path) -> None:
    url = "postgresql://alice:s3cret-pw@127.0.0.1:9/engage"
    with pytest.raises(DatabaseUnreachableError) as info:
        open_for_current_user(resolve_workspace(url))
    message = str(info.value)
    assert "Cannot reach the workspace database" in message
    assert "s3cret-pw" not in message


def test_the_os_account_comes_from_the_account_database_not_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    account = pwd.getpwuid(os.getuid()).pw_name
    for name in ("USER", "LOGNAME", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, "someone-else")
    assert current_login() == account
    ws = open_for_current_user(resolve_workspace(str(tmp_path / "w.sqlite")), create=True)
    try:
        assert ws.member().login == account
    finally:
        ws.close()


@pytest.mark.postgres
def test_on_postgresql_the_member_is_the_database_role(
    make_workspace: Callable[..., Workspace], pg_url: str
) -> None:
    owner = make_workspace(pg_url)
    assert owner.member().login == "postgres"  # the role the URL connects as
    role = f"camille_{os.getpid()}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"'))
        conn.execute(text(f'GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO "{role}"'))
    admin.dispose()
    url = pg_url.replace("postgres@", f"{role}@", 1)
    colleague = open_for_current_user(resolve_workspace(url))
    try:
        assert colleague.member().login == role
        assert colleague.member_id != owner.member_id
    finally:
        colleague.close()


def test_a_workspace_another_program_keeps_locked_is_busy_and_names_the_file(
    make_workspace: Callable[..., Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = make_workspace()
    path = ws.location.sqlite_path
    assert path is not None
    ws.close()
    monkeypatch.setenv("ENGAGE_SQLITE_BUSY_TIMEOUT_MS", "300")
    with held_file_lock(path), pytest.raises(WorkspaceBusyError) as caught:
        open_for_current_user(resolve_workspace(str(path)))
    assert caught.value.code == "busy"
    assert caught.value.args_text == (str(path), "1")
    assert str(path) in str(caught.value) and "busy" in str(caught.value)
