"""Migration 0003 clusters consent by its key on SQLite (PostgreSQL is left as it is).

Rows written before the upgrade survive it (and a downgrade), the foreign key still cascades,
and the schema matches the models afterwards on both dialects.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from engage_desktop.store import migrate
from engage_desktop.store.models import Base

ROWS = [
    "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, created_at) "
    "VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')",
    "INSERT INTO profile (id, app_id, external_id, attributes, created_at) VALUES "
    "(1, 1, 'a', '{}', '2026-01-01 00:00:00'), (2, 1, 'b', '{}', '2026-01-01 00:00:00')",
    "INSERT INTO consent (profile_id, channel, state, changed_at, source) VALUES "
    "(2, 'sms', 'denied', '2026-01-02 00:00:00', 'import:a.csv'), "
    "(1, 'push', 'granted', '2026-01-01 00:00:00', NULL), "
    "(1, 'email', 'granted', '2026-01-01 00:00:00', 'app_prompt')",
]
EXPECTED = [
    (1, "email", "granted", "app_prompt"),
    (1, "push", "granted", None),
    (2, "sms", "denied", "import:a.csv"),
]


def _at(engine: Engine, revision: str, *, rows: bool) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        for sql in ROWS if rows else ():
            conn.execute(text(sql))


def _move(engine: Engine, revision: str, *, down: bool = False) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _consents(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT profile_id, channel, state, source FROM consent ORDER BY 1, 2")
        )
        return [tuple(r) for r in rows]


def _index_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return {ix["name"] for ix in inspect(conn).get_indexes("consent")}


def _matches_models(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], diff


def test_sqlite_consent_becomes_clustered_and_keeps_its_rows(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    _at(engine, "0002", rows=True)
    _move(engine, "0003")
    assert _consents(engine) == EXPECTED
    assert _index_names(engine) == {
        "ix_consent_channel_state",
        "ix_consent_profile_channel_state",
    }
    with engine.connect() as conn:
        sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'consent'")).scalar()
        assert str(sql).rstrip().endswith("WITHOUT ROWID")
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
        conn.execute(text("DELETE FROM profile WHERE id = 1"))
        assert conn.execute(text("SELECT count(*) FROM consent")).scalar() == 1  # cascaded
        conn.rollback()
    _matches_models(engine)
    engine.dispose()


def test_sqlite_downgrade_brings_back_the_rowid_table(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    _at(engine, "0002", rows=True)
    _move(engine, "0003")
    _move(engine, "0002", down=True)
    assert _consents(engine) == EXPECTED
    assert "ix_consent_profile_channel_state" in _index_names(engine)
    with engine.connect() as conn:
        sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'consent'")).scalar()
        assert "WITHOUT ROWID" not in str(sql)
    engine.dispose()


@pytest.mark.postgres
def test_postgresql_upgrades_and_downgrades_without_change(pg_url: str) -> None:
    engine = create_engine(pg_url)
    _at(engine, "0002", rows=True)
    _move(engine, "0003")
    assert _consents(engine) == EXPECTED
    assert "ix_consent_profile_channel_state" in _index_names(engine)
    _matches_models(engine)
    _move(engine, "0002", down=True)
    assert _consents(engine) == EXPECTED
    engine.dispose()
