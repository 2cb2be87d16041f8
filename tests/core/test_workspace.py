"""Who opens a workspace: the OS account on SQLite, the database role on PostgreSQL."""

from __future__ import annotations

import os
import pwd
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from engage_desktop.core.workspace import Workspace, current_login, open_for_current_user
from engage_desktop.store.location import resolve_workspace


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
