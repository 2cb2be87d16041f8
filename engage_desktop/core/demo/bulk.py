"""Fast bulk loading for the demo generator: executemany on SQLite, COPY on PostgreSQL.

The ORM would take tens of minutes for twenty million events; these writers take rows as plain
tuples whose values are already in the database's text forms (see ``sql_datetime``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from itertools import chain, islice
from typing import Any

import numpy as np
from sqlalchemy import Connection, Index, Integer

from engage_desktop.store.models import Base

ROWS_PER_STATEMENT = 250
"""Rows per multi-row INSERT on SQLite (more measured no faster)."""


class BulkWriter:
    """Appends rows to tables through the DBAPI connection under a SQLAlchemy ``Connection``."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect.name
        self.raw: Any = conn.connection.driver_connection

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        cols = ", ".join(columns)
        if self.is_sqlite:
            self._insert_sqlite(f"INSERT INTO {table} ({cols}) VALUES ", len(columns), rows)
            return
        with self.raw.cursor() as cursor, cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _insert_sqlite(self, head: str, width: int, rows: Iterable[Sequence[Any]]) -> None:
        """Many rows per INSERT statement (``VALUES (…), (…), …``), the tail by executemany.

        SQLite then runs its statement machinery once per few hundred rows instead of once per
        row: measured 45 % faster for consent rows (5 columns) and 19 % for profiles (16).
        """
        one = "(" + ", ".join("?" * width) + ")"
        per = max(1, min(ROWS_PER_STATEMENT, self._max_parameters() // width))
        many = head + ", ".join([one] * per)
        remaining = iter(rows)
        while len(batch := list(islice(remaining, per))) == per:
            self.raw.execute(many, list(chain.from_iterable(batch)))
        if batch:
            self.raw.executemany(head + one, batch)

    def _max_parameters(self) -> int:
        return int(self.raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))

    def datetimes(self, seconds: np.ndarray) -> list[str]:
        """Unix seconds → the text each backend stores for a ``UTCDateTime`` column."""
        if len(seconds) == 0:
            return []
        text = np.datetime_as_string(seconds.astype("datetime64[s]").astype("datetime64[us]"))
        text = np.char.replace(text, "T", " ")
        if not self.is_sqlite:
            text = np.char.add(text, "+00")
        return list(text.tolist())

    def datetime_from_unix(self, seconds: int) -> str:
        return self.datetimes(np.array([seconds], dtype=np.int64))[0]

    def drop_indexes(self, table: str) -> list[Index]:
        """Drop a table's secondary indexes before a bulk load; returns them for ``create``."""
        indexes = list(Base.metadata.tables[table].indexes)
        for index in indexes:
            index.drop(self.conn)
        return indexes

    def create_indexes(self, indexes: Iterable[Index]) -> None:
        for index in indexes:
            index.create(self.conn)

    def reset_sequences(self) -> None:
        """PostgreSQL: move serial sequences past the ids we wrote explicitly."""
        if self.is_sqlite:
            return
        for table in Base.metadata.sorted_tables:
            pk = list(table.primary_key.columns)
            if len(pk) != 1 or not isinstance(pk[0].type, Integer):
                continue
            name = table.name
            col = pk[0].name
            self.conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', '{col}'), "
                f"COALESCE((SELECT MAX({col}) FROM {name}), 0) + 1, false)"
            )


def unix(value: datetime) -> int:
    return int(value.astimezone(UTC).timestamp())
