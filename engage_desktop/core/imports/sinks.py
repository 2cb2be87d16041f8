"""Where a contacts import writes each chunk: straight into one transaction, or in short,
hidden chunks (SQLite).

``DirectSink`` writes into the workspace's tables on the import's one transaction: PostgreSQL
(MVCC and row locks let the service write beside a long import, and no one sees a half-done
one) and dry runs (rolled back at the end).

``ChunkedSink`` is SQLite's: one write lock per file, which a one-transaction import held from
its first chunk to its commit (33 to 107 s for a million contacts), stalling the sending
service. Each chunk is its own ``BEGIN IMMEDIATE`` transaction (new profiles, their consents,
the id range they took, staged changes of known profiles), so the lock is held for one chunk's
inserts; everything else (reading, converting, checking, looking known contacts up) runs with
no lock. The new profiles stay hidden until ``publish`` (``store/visibility.py``), and changes
to known profiles are staged (``import_update``, ``import_consent``) and applied after it
(``store/import_runs.py``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, text, update
from sqlalchemy import Table as SqlTable

from engage_desktop.core.imports.rows import Contact
from engage_desktop.core.imports.store import Writer
from engage_desktop.store.import_runs import UPDATED_COLUMNS, publish_run
from engage_desktop.store.models import Profile


class DirectSink:
    """Rows straight into the workspace's tables, on the import's own transaction."""

    rows_per_transaction = 1
    """Each chunk is written as it comes (there is one transaction anyway)."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.conn: Connection = writer.conn
        self.profiles: SqlTable = Profile.__table__  # type: ignore[assignment]

    @contextmanager
    def chunk(self) -> Iterator[None]:
        """Nothing to do per chunk: the caller holds the one transaction."""
        yield

    def allocate_ids(self, count: int) -> list[int]:
        return self.writer.allocate_ids("profile", count)

    def update_known(self, known: list[tuple[int, Contact]]) -> None:
        """Known profiles: non-empty values replace the stored ones, attributes merge in."""
        if not known:
            return
        t = self.profiles
        with_attrs = [pid for pid, c in known if c.attributes]
        stored: dict[int, dict[str, Any]] = {}
        for start in range(0, len(with_attrs), 900):
            part = with_attrs[start : start + 900]
            for pid, attrs in self.conn.execute(
                select(t.c.id, t.c.attributes).where(t.c.id.in_(part))
            ):
                stored[pid] = dict(attrs or {})
        params = []
        for pid, c in known:
            row: dict[str, Any] = {"pid": pid}
            for name in UPDATED_COLUMNS:
                row[f"v_{name}"] = c.values.get(name)
            row["v_attributes"] = {**stored.get(pid, {}), **c.attributes} if c.attributes else None
            params.append(row)
        values = {
            name: func.coalesce(bindparam(f"v_{name}", type_=t.c[name].type), t.c[name])
            for name in (*UPDATED_COLUMNS, "attributes")
        }
        stmt = update(t).where(t.c.id == bindparam("pid")).values(values)
        self.conn.execute(stmt, params)

    def consents_known(self, rows: Sequence[dict[str, Any]]) -> None:
        self.writer.upsert_consents(rows)


YIELD_SECONDS = 0.1
"""Pause after each transaction while a sending service runs. A writer waiting for SQLite's lock
retries every 100 ms once it has waited a while (SQLite's busy handler): an import that takes
the lock again at once kept the service out for seconds (3.7 s of stalled acknowledgements
during a million-row import, measured), where this pause lets it in after each transaction."""
MIN_ROWS = 5_000
MAX_ROWS = 100_000
TARGET_SECONDS = 0.4
"""Write-lock hold aimed at per transaction: the sending service waits at most about this long
to record a result (the goal is no hold over ~1 s)."""

_STAGE_UPDATE = (
    "INSERT INTO import_update (run_id, profile_id, "
    + ", ".join(UPDATED_COLUMNS)
    + ", attributes) VALUES ("
    + ", ".join("?" * (len(UPDATED_COLUMNS) + 3))
    + ") ON CONFLICT (run_id, profile_id) DO UPDATE SET "
    + ", ".join(f"{c} = coalesce(excluded.{c}, import_update.{c})" for c in UPDATED_COLUMNS)
    + ", attributes = CASE WHEN excluded.attributes IS NULL THEN import_update.attributes "
    "ELSE json_patch(coalesce(import_update.attributes, '{}'), excluded.attributes) END"
)
_STAGE_CONSENT = (
    "INSERT INTO import_consent (run_id, profile_id, channel, state, changed_at, source) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, profile_id, channel) DO UPDATE SET "
    "state = excluded.state, changed_at = excluded.changed_at, source = excluded.source"
)


class ChunkedSink:
    """SQLite: each chunk in a short transaction of its own, hidden until ``publish``.

    ``conn`` is in autocommit mode: this class sends ``BEGIN IMMEDIATE`` and ``COMMIT`` itself,
    so reads between chunks take no lock at all.
    """

    def __init__(
        self,
        writer: Writer,
        app_id: int,
        source: str,
        started_text: str,
        service_running: Callable[[], bool] = lambda: False,
    ) -> None:
        self.writer = writer
        self.service_running = service_running
        self.conn: Connection = writer.conn
        self.run_id = self._start(app_id, source, started_text)
        self._range: tuple[int, int] | None = None
        self.rows_per_transaction = MIN_ROWS
        """Grows while transactions stay short (see ``_resize``)."""

    def _start(self, app_id: int, source: str, started_text: str) -> int:
        with self._transaction():
            first = self._next_id()
            cursor = self.writer.raw.execute(
                "INSERT INTO import_run (app_id, state, first_profile_id, started_at, source) "
                "VALUES (?, 'writing', ?, ?, ?)",
                (app_id, first, started_text, source),
            )
            return int(cursor.lastrowid)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.exec_driver_sql("ROLLBACK")
            raise
        self.conn.exec_driver_sql("COMMIT")

    def _next_id(self) -> int:
        return int(
            self.conn.execute(text("SELECT COALESCE(MAX(id), 0) + 1 FROM profile")).scalar_one()
        )

    @contextmanager
    def chunk(self) -> Iterator[None]:
        """One chunk's writes and the id range they took, committed together."""
        started = time.perf_counter()
        with self._transaction():
            self._range = None
            yield
            if self._range is not None:
                self.writer.raw.execute(
                    "INSERT INTO import_chunk (run_id, first_profile_id, last_profile_id) "
                    "VALUES (?, ?, ?)",
                    (self.run_id, *self._range),
                )
        if self._range is not None:
            rows = self._range[1] - self._range[0] + 1
            self._resize(rows, time.perf_counter() - started)
        if self.service_running():
            time.sleep(YIELD_SECONDS)

    def _resize(self, rows: int, seconds: float) -> None:
        """Rows for the next transaction: as many as fit in ``TARGET_SECONDS`` at this one's
        pace. Every commit writes each page it changed to the WAL again, and new contacts touch
        pages all over the random-key indexes (email, postal code, position), so a million
        contacts in 5,000-row transactions spent about a third of the import committing."""
        pace = rows / max(seconds, 1e-3)
        self.rows_per_transaction = int(min(MAX_ROWS, max(MIN_ROWS, pace * TARGET_SECONDS)))

    def allocate_ids(self, count: int) -> list[int]:
        """Ids above every profile, taken under this chunk's write lock."""
        if count == 0:
            return []
        start = self._next_id()
        first = start if self._range is None else self._range[0]
        self._range = (first, start + count - 1)  # one transaction's ids follow each other
        return list(range(start, start + count))

    def update_known(self, known: list[tuple[int, Contact]]) -> None:
        """Staged, applied after the publish: known profiles must not change before it."""
        rows = [
            (
                self.run_id,
                pid,
                *(_text(c.values.get(name)) for name in UPDATED_COLUMNS),
                self.writer.json(c.attributes) if c.attributes else None,
            )
            for pid, c in known
        ]
        if rows:
            self.writer.raw.executemany(_STAGE_UPDATE, rows)

    def consents_known(self, rows: Sequence[dict[str, Any]]) -> None:
        staged = [
            (
                self.run_id,
                r["profile_id"],
                r["channel"],
                r["state"],
                self.writer.timestamp(r["changed_at"]),
                r["source"],
            )
            for r in rows
        ]
        if staged:
            self.writer.raw.executemany(_STAGE_CONSENT, staged)

    @contextmanager
    def publishing(self) -> Iterator[None]:
        """The publish transaction: the caller adds its audit entry inside it."""
        with self._transaction():
            publish_run(self.conn, self.run_id)
            yield


def _text(value: Any) -> Any:
    """A profile value in SQLite's stored form (dates as ISO text)."""
    isoformat = getattr(value, "isoformat", None)
    return isoformat() if isoformat is not None else value
