"""Fixtures: the small demo's rows copied into a fresh PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, insert, select, text
from sqlalchemy.orm import Session

from engage_desktop.store.models import Base


def reset_sequences(conn: Connection) -> list[str]:
    """Move every serial or identity sequence of the public schema past its column's largest
    value, as after a restore: rows copied with explicit ids leave the sequences at 1, and the
    next insert would collide with a copied row. Returns the sequences it moved."""
    owned = conn.execute(
        text(
            "SELECT c.table_name, c.column_name, "
            "pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) "
            "FROM information_schema.columns c "
            "WHERE c.table_schema = 'public' "
            "AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL"
        )
    ).all()
    for table, column, sequence in owned:
        conn.execute(
            text(
                f'SELECT setval(:seq, COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, '
                "false)"
            ),
            {"seq": sequence},
        )
    return [sequence for _t, _c, sequence in owned]


def copy_demo(demo_file: Path, pg_url: str) -> None:
    """Copy every stored column of every table of the SQLite demo into ``pg_url``."""
    source = create_engine(f"sqlite:///{demo_file}")
    target = create_engine(pg_url)
    Base.metadata.create_all(target)
    with source.connect() as src, target.begin() as dst:
        for table in Base.metadata.sorted_tables:
            stored = [c for c in table.columns if c.computed is None]  # generated ones follow
            rows = [dict(r._mapping) for r in src.execute(select(*stored))]
            if rows:
                dst.execute(insert(table), rows)
        reset_sequences(dst)
    with target.connect() as conn:
        conn.exec_driver_sql("ANALYZE")  # as after an import: the planner knows the tables
    source.dispose()
    target.dispose()


@pytest.fixture
def pg_demo(pg_url: str, demo_file: Path) -> Iterator[Session]:
    """The demo workspace's rows copied into a fresh PostgreSQL database."""
    copy_demo(demo_file, pg_url)
    target = create_engine(pg_url)
    with Session(target) as session:
        yield session
    target.dispose()
