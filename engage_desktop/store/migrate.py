"""Open a workspace safely: check it, copy it aside, bring its schema to the code's version.

Checks run on a read-only connection first, so a file we refuse (corrupt, foreign, too new) is
never modified, not even by switching it to WAL mode.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError, OperationalError

from .engine import create_workspace_engine
from .errors import (
    DatabaseUnreachableError,
    NotAWorkspaceError,
    SchemaTooNewError,
    WorkspaceError,
    WorkspaceMissingError,
    WorkspaceUnreadableError,
)
from .location import WorkspaceLocation

SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def open_workspace(location: WorkspaceLocation, *, create: bool = False) -> Engine:
    """Return an engine on an up-to-date workspace, or raise a ``WorkspaceError``.

    ``create`` allows a missing SQLite file to be created (first start, ``demo``).
    """
    path = location.sqlite_path
    if path is not None:
        _check_sqlite_file(path, create=create)
        if path.exists():
            _backup_if_migration_needed(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_workspace_engine(location.url)
    try:
        _upgrade(engine, location)
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
    return engine


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
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise WorkspaceUnreadableError(
            f"Cannot read {path}: {exc.strerror}.", "unreadable", str(path), str(exc.strerror)
        ) from None
    if header != SQLITE_MAGIC:
        raise NotAWorkspaceError(
            f"{path} is not an Engage Desktop workspace (not a SQLite database). "
            "The file was left untouched.",
            "not_sqlite",
            str(path),
        )
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
    try:
        conn = sqlite3.connect(uri, uri=True)
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
        raise NotAWorkspaceError(
            f"{path} is damaged or not a workspace ({exc}). The file was left untouched.",
            "damaged",
            str(path),
            str(exc),
        ) from None


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
    """Copy the file aside (SQLite's online backup, WAL included) before changing its schema."""
    revision, _tables = _read_only_probe(path)
    if revision is None or revision == head_revision():
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.before-{revision}-{stamp}.bak")
    source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def _upgrade(engine: Engine, location: WorkspaceLocation) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
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


def _first_line(exc: BaseException | None) -> str:
    text = str(exc) if exc is not None else "unknown error"
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
