"""Finishing contact imports that wrote in chunks: roll back what was never published, roll
forward what was, in short transactions.

An import killed while writing leaves committed chunks of hidden profiles (``ImportRun`` in
state ``writing``): they are deleted, chunk by chunk, exactly by the id ranges the run recorded.
An import killed after its publish leaves staged changes of known profiles: they are applied,
chunk by chunk, each chunk deleting what it applied in the same transaction, so a kill in the
middle of this is rolled forward again by the next one. Either way each transaction holds
SQLite's write lock for one chunk (tens of milliseconds), never for the whole import.

Imports of a workspace take turns (``import_turn``, a lock file the OS releases when the process
dies), so a run found while holding the turn belongs to no live import. Opening a workspace
finishes leftovers in a background thread (``finish_leftovers_in_background``); an import
finishes them before it starts.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

from engage_desktop.store.models.imports import PUBLISHED, WRITING, ImportUpdate

CHUNK = 5_000
"""Rows per transaction when rows are deleted or staged changes applied (~50 ms of lock)."""
UPDATED_COLUMNS = tuple(
    c.name
    for c in ImportUpdate.__table__.columns
    if c.name not in ("run_id", "profile_id", "attributes")
)
"""The profile fields a staged change carries: the staging table's own (one place to add one)."""
log = logging.getLogger(__name__)


@contextmanager
def import_turn(database: Path, *, wait: bool = True) -> Iterator[bool]:
    """Contact imports of one SQLite workspace take turns; yields whether the turn is ours.

    A lock file beside the workspace (0600), released by the OS if the process dies. With
    ``wait=False`` the turn is only taken if free (opening a workspace must not wait for an
    import another program is running).
    """
    fd = os.open(database.with_name(database.name + ".import.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        yield _lock(fd, wait)
    finally:
        os.close(fd)


def _lock(fd: int, wait: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def unfinished_runs(engine: Engine) -> list[tuple[int, str]]:
    """(run id, state) of every import run in the workspace, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, state FROM import_run ORDER BY id"))
        return [(int(run_id), str(state)) for run_id, state in rows]


def finish_leftovers(engine: Engine, chunk: int = CHUNK) -> int:
    """Roll back every run still writing, roll forward every published one; returns how many.

    Only call while holding the import turn: a run of a live import must not be touched.
    """
    runs = unfinished_runs(engine)
    for run_id, state in runs:
        if state == WRITING:
            discard_run(engine, run_id, chunk)
        else:
            apply_run(engine, run_id, chunk)
    return len(runs)


def finish_leftovers_in_background(engine: Engine, database: Path) -> threading.Thread | None:
    """At opening: finish leftovers of killed imports in a daemon thread, if there are any and
    no import is running. Each step is its own short transaction, so the thread may be cut off
    at any point (the program exits): the next opening goes on from there."""
    try:
        if not unfinished_runs(engine):
            return None
    except SQLAlchemyError:  # a workspace busy or being closed: the next opening will do it
        return None

    def work() -> None:
        try:
            with import_turn(database, wait=False) as ours:
                if ours:
                    finish_leftovers(engine)
        except (SQLAlchemyError, OSError) as exc:
            log.warning("leftovers of an interrupted import not finished yet: %s", exc)

    thread = threading.Thread(target=work, name="engage-import-leftovers", daemon=True)
    thread.start()
    return thread


def discard_run(engine: Engine, run_id: int, chunk: int = CHUNK) -> None:
    """Delete what an unpublished run wrote, newest chunk first, ``chunk`` profiles at a time."""
    while True:
        with engine.begin() as conn:
            found = conn.execute(
                text(
                    "SELECT first_profile_id, last_profile_id FROM import_chunk "
                    "WHERE run_id = :r ORDER BY first_profile_id DESC LIMIT 1"
                ),
                {"r": run_id},
            ).first()
            if found is None:
                _forget_run(conn, run_id)
                return
            first, last = int(found[0]), int(found[1])
            low = max(first, last - chunk + 1)
            bounds = {"lo": low, "hi": last}
            conn.execute(text("DELETE FROM consent WHERE profile_id BETWEEN :lo AND :hi"), bounds)
            conn.execute(text("DELETE FROM profile WHERE id BETWEEN :lo AND :hi"), bounds)
            if low == first:
                conn.execute(
                    text("DELETE FROM import_chunk WHERE run_id = :r AND first_profile_id = :f"),
                    {"r": run_id, "f": first},
                )
            else:
                conn.execute(
                    text(
                        "UPDATE import_chunk SET last_profile_id = :l "
                        "WHERE run_id = :r AND first_profile_id = :f"
                    ),
                    {"l": low - 1, "r": run_id, "f": first},
                )


def _forget_run(conn: Connection, run_id: int) -> None:
    """The run's own rows, once nothing it wrote is left (staged changes are small per chunk
    but may be many: deleted in the same short way)."""
    for table in ("import_update", "import_consent"):
        while conn.execute(
            text(
                f"DELETE FROM {table} WHERE rowid IN "
                f"(SELECT rowid FROM {table} WHERE run_id = :r LIMIT :n)"
            ),
            {"r": run_id, "n": CHUNK},
        ).rowcount:
            pass
    conn.execute(text("DELETE FROM import_chunk WHERE run_id = :r"), {"r": run_id})
    conn.execute(text("DELETE FROM import_run WHERE id = :r"), {"r": run_id})


def publish_run(conn: Connection, run_id: int) -> None:
    """The one short statement that makes a run's new profiles visible (caller's transaction)."""
    conn.execute(
        text(f"UPDATE import_run SET state = '{PUBLISHED}' WHERE id = :r AND state = '{WRITING}'"),
        {"r": run_id},
    )


def apply_run(engine: Engine, run_id: int, chunk: int = CHUNK) -> None:
    """Apply a published run's staged changes, ``chunk`` profiles per transaction, then forget
    the run. Safe to start again after any interruption: applied rows are deleted with them."""
    while _apply_next(engine, run_id, "import_update", _UPDATE_PROFILES, chunk):
        pass
    while _apply_next(engine, run_id, "import_consent", _UPSERT_CONSENTS, chunk):
        pass
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM import_chunk WHERE run_id = :r"), {"r": run_id})
        conn.execute(text("DELETE FROM import_run WHERE id = :r"), {"r": run_id})


_UPDATE_PROFILES = (
    "UPDATE profile SET "
    + ", ".join(f"{c} = coalesce(u.{c}, profile.{c})" for c in UPDATED_COLUMNS)
    + ", attributes = CASE WHEN u.attributes IS NULL THEN profile.attributes "
    "ELSE json_patch(coalesce(profile.attributes, '{}'), u.attributes) END "
    "FROM (SELECT * FROM import_update WHERE run_id = :r AND profile_id <= :hi) AS u "
    "WHERE profile.id = u.profile_id"
)
_UPSERT_CONSENTS = (
    "INSERT INTO consent (profile_id, channel, state, changed_at, source) "
    "SELECT c.profile_id, c.channel, c.state, c.changed_at, c.source FROM import_consent c "
    "JOIN profile p ON p.id = c.profile_id WHERE c.run_id = :r AND c.profile_id <= :hi "
    "ORDER BY c.profile_id, c.channel "
    "ON CONFLICT (profile_id, channel) DO UPDATE SET state = excluded.state, "
    "changed_at = excluded.changed_at, source = excluded.source "
    "WHERE consent.state != excluded.state"
)


def _apply_next(engine: Engine, run_id: int, table: str, statement: str, chunk: int) -> bool:
    """Apply and delete the next ``chunk`` staged profiles of ``table``; False when none left."""
    with engine.begin() as conn:
        bound = conn.execute(
            text(
                f"SELECT max(profile_id) FROM (SELECT profile_id FROM {table} "
                "WHERE run_id = :r ORDER BY profile_id LIMIT :n)"
            ),
            {"r": run_id, "n": chunk},
        ).scalar()
        if bound is None:
            return False
        values = {"r": run_id, "hi": int(bound)}
        conn.execute(text(statement), values)
        conn.execute(text(f"DELETE FROM {table} WHERE run_id = :r AND profile_id <= :hi"), values)
        return True
