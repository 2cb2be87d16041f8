"""Bulk writes shared by the importers: id allocation, fast inserts, consent upserts.

New rows go through the driver's executemany (SQLite) or COPY (PostgreSQL) with values already
in the database's text forms, as the demo generator does; rows that update existing data go
through SQLAlchemy Core statements. Everything runs on the caller's connection, inside its one
transaction, so a cancelled or failed import rolls back completely.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DatabaseError

from engage_desktop.core.demo.bulk import BulkWriter
from engage_desktop.core.imports.jsontext import json_text
from engage_desktop.store.models import Consent


class Writer(BulkWriter):
    """``BulkWriter`` plus what imports need: ids ahead of the insert, and text forms."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self._next_ids: dict[str, int] = {}

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk insert; a driver error becomes SQLAlchemy's ``DatabaseError`` like any other."""
        try:
            super().insert(table, columns, rows)
        except self.conn.dialect.loaded_dbapi.Error as exc:
            raise DatabaseError(f"bulk insert into {table}", None, exc) from exc

    def insert_as_member(
        self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None:
        """``insert`` for rows a member writes on a shared workspace: PostgreSQL's row-level
        security refuses COPY, so there the rows go through an INSERT executemany."""
        if self.is_sqlite:
            self.insert(table, columns, rows)
            return
        marks = ", ".join(["%s"] * len(columns))
        statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
        batch = list(rows)
        if batch:
            with self.raw.cursor() as cursor:
                cursor.executemany(statement, batch)

    def lock_for_writing(self) -> None:
        """SQLite: take the write lock now, so the ids allocated below stay ours."""
        if self.is_sqlite:
            # A DELETE that matches nothing still starts a write transaction (RESERVED lock).
            self.conn.execute(text("DELETE FROM profile WHERE id < 0"))

    def bigger_cache(self, kib: int = 65_536) -> int | None:
        """SQLite: a larger page cache for a bulk load; returns the old setting to restore."""
        if not self.is_sqlite:
            return None
        old = int(self.raw.execute("PRAGMA cache_size").fetchone()[0])
        self.raw.execute(f"PRAGMA cache_size = -{kib}")
        return old

    def restore_cache(self, old: int | None) -> None:
        if old is not None:
            self.raw.execute(f"PRAGMA cache_size = {old}")

    def suspend_indexes(self, *tables: str, keep: Sequence[str] = ()) -> list[str]:
        """SQLite: drop the tables' secondary indexes for a bulk load; returns their SQL.

        Inside the import's transaction, so a rollback brings them back; ``restore_indexes``
        rebuilds them at the end, which is several times faster than maintaining them per row.
        Constraint indexes (primary keys, UNIQUE) stay. PostgreSQL loads with COPY and keeps them.
        """
        if not self.is_sqlite:
            return []
        marks = ", ".join("?" for _ in tables)
        found = self.raw.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks})",
            tables,
        ).fetchall()
        found = [(name, sql) for name, sql in found if name not in keep]
        for name, _sql in found:
            self.conn.exec_driver_sql(f'DROP INDEX "{name}"')
        return [sql for _name, sql in found]

    def restore_indexes(self, statements: list[str]) -> None:
        for sql in statements:
            self.conn.exec_driver_sql(sql)

    def allocate_ids(self, table: str, count: int) -> list[int]:
        """``count`` new primary keys for ``table`` (a sequence on PostgreSQL, max+1 on SQLite)."""
        if count == 0:
            return []
        if self.is_sqlite:
            start = self._next_ids.get(table)
            if start is None:
                start = (
                    int(
                        self.conn.execute(
                            text(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
                        ).scalar_one()
                    )
                    + 1
                )
            self._next_ids[table] = start + count
            return list(range(start, start + count))
        rows = self.conn.execute(
            text(
                f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                "FROM generate_series(1, :n)"
            ),
            {"n": count},
        )
        return [int(r[0]) for r in rows]

    def timestamp(self, value: datetime) -> str:
        naive = value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
        return naive if self.is_sqlite else naive + "+00"

    @staticmethod
    def day(value: date | None) -> str | None:
        return None if value is None else value.isoformat()

    @staticmethod
    def json(value: Any) -> str:
        return json_text(value)

    def upsert_consents(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert or change consent rows; ``changed_at`` moves only when the state changes."""
        if not rows:
            return
        table: Table = Consent.__table__  # type: ignore[assignment]
        dialect_insert = sqlite.insert if self.is_sqlite else postgresql.insert
        stmt = dialect_insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.profile_id, table.c.channel],
            set_={
                "state": stmt.excluded.state,
                "changed_at": stmt.excluded.changed_at,
                "source": stmt.excluded.source,
            },
            where=table.c.state != stmt.excluded.state,
        )
        self.conn.execute(stmt, list(rows))

    def upsert_daily(self, rows: Sequence[tuple[int, int, int, int, int, int]]) -> None:
        """EventDaily rollup: (name_id, day, profile_id, count, first_ts, last_ts) added in."""
        if not rows:
            return
        from engage_desktop.store.models import EventDaily

        table: Table = EventDaily.__table__  # type: ignore[assignment]
        dialect_insert = sqlite.insert if self.is_sqlite else postgresql.insert
        stmt = dialect_insert(table)
        lower, upper = (func.min, func.max) if self.is_sqlite else (func.least, func.greatest)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.name_id, table.c.day, table.c.profile_id],
            set_={
                "count": table.c.count + stmt.excluded.count,
                "first_ts": lower(table.c.first_ts, stmt.excluded.first_ts),
                "last_ts": upper(table.c.last_ts, stmt.excluded.last_ts),
            },
        )
        keys = ("name_id", "day", "profile_id", "count", "first_ts", "last_ts")
        self.conn.execute(stmt, [dict(zip(keys, row, strict=True)) for row in rows])

    def existing_ids(
        self, table: Table, key_column: str, app_id: int, keys: Sequence[str]
    ) -> dict[str, int]:
        """key → smallest id of the app's rows whose ``key_column`` is one of ``keys``."""
        found: dict[str, int] = {}
        column = table.c[key_column]
        for start in range(0, len(keys), 900):
            part = keys[start : start + 900]
            stmt = (
                select(column, func.min(table.c.id))
                .where(table.c.app_id == app_id, column.in_(part))
                .group_by(column)
            )
            for key, row_id in self.conn.execute(stmt):
                found[key] = int(row_id)
        return found


@contextmanager
def bulk_connection(engine: Engine) -> Iterator[Connection]:
    """A connection for one import, with SQLite's per-row foreign-key checks off while it runs.

    SQLite looks up the parent of every inserted row: 2.4 million profile lookups for the
    consent rows of a million-contact import, about 8 % of its time. An importer only writes rows
    that point at the app it has checked (``require``) and at profiles it has just inserted or
    read in the same transaction, so those checks cannot fail. The pragma only takes effect
    outside a transaction, and is switched back on before the connection returns to the pool,
    whatever happened. PostgreSQL loads with COPY and keeps its checks.
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        unchecked = conn.dialect.name == "sqlite" and not raw.in_transaction  # type: ignore[union-attr]
        if unchecked:
            raw.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            yield conn
        finally:
            if unchecked:
                if raw.in_transaction:  # type: ignore[union-attr]
                    raw.rollback()  # type: ignore[union-attr]
                raw.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def refresh_statistics(engine: Engine, tables: Sequence[str]) -> None:
    """Refresh the planner's statistics for tables an import has just grown.

    Segment counts rely on index-only plans that the planners only pick with current
    statistics (PostgreSQL without them chose plans ~100× slower). Run after the import's
    commit, so a failure here never undoes an import; SQLite samples (``analysis_limit``) to
    stay within a second or two on a million rows.
    """
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
        for table in tables:
            conn.exec_driver_sql(f"ANALYZE {table}")
        conn.commit()
