"""Migration 0018 adds the tables of contact imports under way (``store/models/imports.py``)
and takes them away again, on SQLite and PostgreSQL; at the head they match the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect

from engage_desktop.store import migrate
from engage_desktop.store.models import Base

TABLES = {"import_run", "import_chunk", "import_update", "import_consent"}


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _round_trip(engine: Engine) -> None:
    _migrate(engine, "0018")
    with engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) >= TABLES
        if migrate.head_revision() == "0018":
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    _migrate(engine, "0016", down=True)
    with engine.connect() as conn:
        assert not TABLES & set(inspect(conn).get_table_names())
    engine.dispose()


def test_sqlite_round_trip(tmp_path: Path) -> None:
    _round_trip(create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}"))


@pytest.mark.postgres
def test_postgresql_round_trip(pg_url: str) -> None:
    _round_trip(create_engine(pg_url))
