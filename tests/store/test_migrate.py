"""Opening a workspace that needs a schema update: all or nothing, never beside a running
older service, one upgrader at a time, with a bounded set of backups."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from engage_desktop.store import migrate
from engage_desktop.store.errors import WorkspaceError
from engage_desktop.store.location import resolve_workspace

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def workspace_at(path: Path, revision: str) -> None:
    """A SQLite workspace at an old schema revision, with one consent row to carry over."""
    engine = create_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.execute(
            text(
                "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, "
                "created_at) VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO profile (id, app_id, external_id, attributes, created_at) "
                "VALUES (1, 1, 'a', '{}', '2026-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO consent (profile_id, channel, state, changed_at) "
                "VALUES (1, 'push', 'granted', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()


def tables(path: Path) -> set[str]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


KILLED_MID_UPGRADE = textwrap.dedent(
    """
    import os, sys
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.migrate import open_workspace

    @event.listens_for(Engine, "before_cursor_execute")
    def kill_at_the_copy(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("INSERT INTO _consent_new"):
            os._exit(9)  # as a kill -9 would: no rollback, no cleanup

    open_workspace(resolve_workspace(sys.argv[1]))
    """
)


def test_a_kill_in_the_middle_of_an_upgrade_leaves_the_old_schema(tmp_path: Path) -> None:
    """The fault: SQLite's driver does not begin a transaction before DDL, so a migration killed
    after its first CREATE TABLE left that table committed, and the next start failed on it."""
    path = tmp_path / "workspace.sqlite"
    workspace_at(path, "0002")
    before = tables(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", KILLED_MID_UPGRADE, str(path)], env=env, timeout=120
    )
    assert done.returncode == 9
    assert tables(path) == before  # no half-built table left behind
    engine = migrate.open_workspace(resolve_workspace(str(path)))  # the next start upgrades
    try:
        assert migrate.schema_revision(engine) == migrate.head_revision()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT state FROM consent")).scalar_one() == "granted"
    finally:
        engine.dispose()


def _heartbeat(path: Path, beat_at: datetime, state: str = "running") -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO service_heartbeat (service_id, host, pid, started_at, beat_at, "
                "state, detail) VALUES ('h:42:1', 'poste-7', 42, :t, :t, :s, NULL)"
            ),
            {"t": beat_at.strftime("%Y-%m-%d %H:%M:%S.%f"), "s": state},
        )
    engine.dispose()


def test_an_upgrade_waits_for_a_running_older_service_to_stop(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    workspace_at(path, "0002")
    _heartbeat(path, NOW - timedelta(seconds=4))
    with pytest.raises(WorkspaceError) as caught:
        migrate.open_workspace(resolve_workspace(str(path)), now=NOW)
    assert caught.value.code == "service_running"
    assert "poste-7" in str(caught.value) and "42" in str(caught.value)
    assert migrate.schema_revision_of_file(path) == "0002"  # untouched


def test_a_silent_or_stopped_service_does_not_block_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    workspace_at(path, "0002")
    _heartbeat(path, NOW - timedelta(minutes=5))  # crashed long ago
    engine = migrate.open_workspace(resolve_workspace(str(path)), now=NOW)
    engine.dispose()
    assert migrate.schema_revision_of_file(path) == migrate.head_revision()


def test_old_backups_are_pruned_to_the_last_three(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    workspace_at(path, "0002")
    for day in range(1, 6):
        old = tmp_path / f"workspace.sqlite.before-0001-2026110{day}T000000Z.bak"
        old.write_bytes(b"old copy")
        os.utime(old, (1_700_000_000 + day, 1_700_000_000 + day))
    (tmp_path / "other.sqlite.before-0001-20261101T000000Z.bak").write_bytes(b"not ours")
    migrate.open_workspace(resolve_workspace(str(path)), now=NOW).dispose()
    kept = sorted(p.name for p in tmp_path.glob("workspace.sqlite.before-*.bak"))
    assert len(kept) == 3
    assert kept[-1].startswith("workspace.sqlite.before-0002-")  # the copy just made
    assert "workspace.sqlite.before-0001-20261105T000000Z.bak" in kept
    assert (tmp_path / "other.sqlite.before-0001-20261101T000000Z.bak").exists()


def test_workspace_and_backups_are_private_to_their_owner(tmp_path: Path) -> None:
    folder = tmp_path / "EngageDesktop"
    path = folder / "workspace.sqlite"
    migrate.open_workspace(resolve_workspace(str(path)), create=True).dispose()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600
    path2 = tmp_path / "old.sqlite"
    workspace_at(path2, "0002")
    path2.chmod(0o644)
    migrate.open_workspace(resolve_workspace(str(path2)), now=NOW).dispose()
    assert path2.stat().st_mode & 0o777 == 0o600
    [backup] = tmp_path.glob("old.sqlite.before-*.bak")
    assert backup.stat().st_mode & 0o777 == 0o600
