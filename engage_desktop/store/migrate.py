"""Open a workspace safely: check it, copy it aside, bring its schema to the code's version.

Checks run on a read-only connection first, so a file we refuse (corrupt, foreign, too new) is
never modified, not even by switching it to WAL mode. The update itself is one transaction:
on SQLite an explicit ``BEGIN IMMEDIATE`` (the driver would otherwise commit each DDL statement
on its own, and a kill in the middle would leave half a schema), on PostgreSQL under an advisory
lock so two machines opening a shared workspace do not update it at once. It is refused while a
service of the previous version still beats in the workspace. A SQLite workspace, its folder
when we create it, and its backups are private to their owner (0600, 0700); the last
``KEPT_BACKUPS`` backups are kept.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from .engine import busy_timeout_seconds, create_workspace_engine
from .errors import (
    DatabaseUnreachableError,
    NotAWorkspaceError,
    SchemaTooNewError,
    WorkspaceError,
    WorkspaceMissingError,
    WorkspaceUnreadableError,
    busy_as_workspace_error,
    busy_error,
    is_busy,
)
from .import_runs import finish_leftovers_in_background
from .location import WorkspaceLocation
from .models.operations import HEARTBEAT_STALE_AFTER

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
KEPT_BACKUPS = 3
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
UPGRADE_LOCK_KEY = 0x456E6761_6765  # "Engage": PostgreSQL advisory lock held while updating


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def open_workspace(
    location: WorkspaceLocation, *, create: bool = False, now: datetime | None = None
) -> Engine:
    """Return an engine on an up-to-date workspace, or raise a ``WorkspaceError``.

    ``create`` allows a missing SQLite file to be created (first start, ``demo``). ``now`` is
    the time heartbeats are judged against (the caller's clock; the wall clock by default).
    """
    path = location.sqlite_path
    if path is not None:
        _check_sqlite_file(path, create=create)
        if path.exists():
            _backup_if_migration_needed(path)
        else:
            _create_private(path)
        _make_private(path)
    engine = create_workspace_engine(location.url)
    try:
        with busy_as_workspace_error(location.display(), busy_timeout_seconds()):
            _upgrade(engine, location, now or datetime.now(UTC))
    except OperationalError as exc:
        engine.dispose()
        if path is None:
            detail = _first_line(exc.orig)
            raise DatabaseUnreachableError(
                f"Cannot reach the workspace database {location.display()}: {detail}",
                "unreachable",
                location.display(),
                detail,
            ) from None
        detail = _first_line(exc.orig)
        raise NotAWorkspaceError(f"{path}: {detail}", "refused", str(path), detail) from None
    except WorkspaceError:
        engine.dispose()
        raise
    if path is not None:  # an import killed mid-way: finish it off, in short steps, meanwhile
        finish_leftovers_in_background(engine, path)
    return engine


def _create_private(path: Path) -> None:
    """An empty file SQLite will fill (a valid empty database), readable by its owner only."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=PRIVATE_FOLDER)
        path.parent.chmod(PRIVATE_FOLDER)  # mkdir's mode is filtered by the umask
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))


def _make_private(path: Path) -> None:
    """0600 for a workspace file its user owns (a file shared on purpose is left as it is)."""
    if hasattr(os, "getuid") and path.stat().st_uid == os.getuid():
        path.chmod(PRIVATE_FILE)


def schema_revision_of_file(path: Path) -> str | None:
    """The schema revision of a SQLite workspace file, read without changing it."""
    return _read_only_probe(path)[0]


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if create:
            return
        raise WorkspaceMissingError(
            f"No workspace at {path}. Create one with 'engage-desktop demo --workspace {path}' "
            "or pick another file.",
            "missing",
            str(path),
        )
    if path.is_dir():
        raise NotAWorkspaceError(
            f"{path} is a folder, not a workspace file.", "is_folder", str(path)
        )
    if not os.access(path, os.R_OK | os.W_OK):
        raise WorkspaceUnreadableError(
            f"Cannot read and write the workspace file {path}: check its permissions.",
            "no_access",
            str(path),
        )
    # Never read the file with a plain open(): closing any descriptor of a database file drops
    # every POSIX lock this process holds on it, those of its open SQLite connections included
    # (a CLI or GUI reopening a workspace beside a running service then read stale or torn
    # pages). The type is told by SQLite itself, read-only ("file is not a database").
    if not path.is_file():  # a socket, a device: nothing SQLite could open
        raise WorkspaceUnreadableError(
            f"Cannot read {path}: it is not a regular file.",
            "unreadable",
            str(path),
            "not a regular file",
        )
    if path.stat().st_size == 0:
        raise _not_sqlite(path)
    revision, tables = _read_only_probe(path)
    if revision is None and tables - {"alembic_version"}:
        raise NotAWorkspaceError(
            f"{path} is a SQLite database of another application (no Engage Desktop schema). "
            "The file was left untouched.",
            "other_app",
            str(path),
        )
    if revision is not None:
        _check_known_revision(revision, str(path))


def _read_only_probe(path: Path) -> tuple[str | None, set[str]]:
    uri = f"{path.absolute().as_uri()}?mode=ro"
    waited = busy_timeout_seconds()
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=waited)
        try:
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            return revision, tables
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise _not_sqlite(path) from None
        if is_busy(exc):  # locked by another program, not damaged: say so, and that it passes
            raise busy_error(str(path), waited) from None
        raise NotAWorkspaceError(
            f"{path} is damaged or not a workspace ({exc}). The file was left untouched.",
            "damaged",
            str(path),
            str(exc),
        ) from None


def _not_sqlite(path: Path) -> NotAWorkspaceError:
    return NotAWorkspaceError(
        f"{path} is not an Engage Desktop workspace (not a SQLite database). "
        "The file was left untouched.",
        "not_sqlite",
        str(path),
    )


def _check_known_revision(revision: str, where: str) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision)
    except CommandError:
        known = None
    if known is None:
        raise SchemaTooNewError(
            f"The workspace {where} was written by a newer version of Engage Desktop "
            f"(schema {revision}). Update Engage Desktop to open it; the file was left untouched.",
            "too_new",
            where,
            revision,
        )


def _backup_if_migration_needed(path: Path) -> Path | None:
    """Copy the file aside (SQLite's online backup, WAL included) before changing its schema,
    then prune this workspace's backups to the last ``KEPT_BACKUPS``."""
    revision, _tables = _read_only_probe(path)
    if revision is None or revision == head_revision():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.before-{revision}-{stamp}.bak")
    if not target.exists():
        os.close(os.open(target, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    target.chmod(PRIVATE_FILE)
    _prune_backups(path, keep=target)
    return target


def _prune_backups(path: Path, keep: Path) -> None:
    """Delete this workspace's oldest backups beyond ``KEPT_BACKUPS`` (the new one stays)."""
    backups = sorted(
        (p for p in path.parent.glob(f"{path.name}.before-*.bak") if p != keep),
        key=lambda p: p.stat().st_mtime,
    )
    for old in backups[: max(len(backups) - (KEPT_BACKUPS - 1), 0)]:
        old.unlink(missing_ok=True)


def _upgrade(engine: Engine, location: WorkspaceLocation, now: datetime) -> None:
    cfg = alembic_config()
    with _upgrade_transaction(engine) as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current is None and set(inspect(conn).get_table_names()) - {"alembic_version"}:
            raise NotAWorkspaceError(
                f"{location.display()} holds tables of another application; "
                "Engage Desktop will not touch it.",
                "other_app",
                location.display(),
            )
        if current is not None:
            _check_known_revision(current, location.display())
        if current == head_revision():
            return
        if current is not None:
            _refuse_beside_a_running_service(conn, location, now)
        cfg.attributes["connection"] = conn
        try:
            command.upgrade(cfg, "head")
        except DBAPIError as exc:
            detail = _first_line(exc.orig)
            raise WorkspaceError(
                f"Could not update the workspace {location.display()}: {detail}",
                "update_failed",
                location.display(),
                detail,
            ) from None


@contextmanager
def _upgrade_transaction(engine: Engine) -> Iterator[Connection]:
    """One transaction for the whole update, on one connection of the workspace's own pool.

    SQLite: the driver's implicit transaction handling is switched off for this connection
    and ``BEGIN IMMEDIATE`` sent, so DDL is inside the transaction and the write lock is held
    from the first statement; the driver's mode is restored afterwards. (A second engine on
    the file, opened and closed for this, broke the locks of the process's other connections
    to it: a reader beside a running service then kept an old snapshot.)
    PostgreSQL: DDL is transactional already; an advisory lock makes concurrent upgraders wait.
    """
    with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            with conn.begin():
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK_KEY})
                yield conn
            return
        raw: Any = conn.connection.driver_connection
        previous = raw.isolation_level
        raw.isolation_level = None
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            raw.isolation_level = previous


def _refuse_beside_a_running_service(
    conn: Connection, location: WorkspaceLocation, now: datetime
) -> None:
    """An older service still sending would write rows the new schema does not expect."""
    rows = conn.execute(
        text(
            "SELECT host, pid, beat_at FROM service_heartbeat WHERE state IN ('running', 'stopping')"
        )
    ).all()
    for host, pid, beat_at in rows:
        beat = beat_at if isinstance(beat_at, datetime) else datetime.fromisoformat(str(beat_at))
        if beat.tzinfo is None:
            beat = beat.replace(tzinfo=UTC)
        if now - beat <= HEARTBEAT_STALE_AFTER:
            raise WorkspaceError(
                f"The workspace {location.display()} needs a schema update, but a sending "
                f"service of the previous version is running on it (host {host}, process {pid}). "
                "Stop that service (or let it finish), then open the workspace again.",
                "service_running",
                location.display(),
                str(host),
                str(pid),
            )


def _first_line(exc: BaseException | None) -> str:
    text = str(exc) if exc is not None else "unknown error"
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
