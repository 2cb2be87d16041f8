"""Migration 0014 adds the change stamps and their triggers, and takes both away again, on
SQLite and PostgreSQL; the schema then matches the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from engage_desktop.store.models import Base
from tests.support.migrations import migrate_to

APP = (
    "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, created_at) "
    "VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')"
)
CAMPAIGN = (
    "INSERT INTO campaign (id, app_id, name, format, status, control_share, tags, created_at, "
    "updated_at) VALUES (1, 1, 'Soldes', 'push', 'draft', 0, '[]', '2026-01-01 00:00:00', "
    "'2026-01-01 00:00:00')"
)


def _versions(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT area, version FROM change_stamp"))
        return {str(area): int(version) for area, version in rows}


def _round_trip(engine: Engine) -> None:
    migrate_to(engine, "heads")  # 0014 and what came after it (the models are the head's)
    assert _versions(engine) == {"campaigns": 0, "segments": 0}
    with engine.begin() as conn:
        conn.execute(text(APP))
        conn.execute(text(CAMPAIGN))
        conn.execute(text("UPDATE campaign SET name = 'Soldes d''hiver'"))
    assert _versions(engine) == {"campaigns": 2, "segments": 0}
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    migrate_to(engine, "0008", down=True)
    with engine.begin() as conn:
        assert "change_stamp" not in inspect(conn).get_table_names()
        conn.execute(text("UPDATE campaign SET name = 'Soldes'"))  # no trigger left behind
    engine.dispose()


def test_sqlite_round_trip(tmp_path: Path) -> None:
    _round_trip(create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}"))


@pytest.mark.postgres
def test_postgresql_round_trip(pg_url: str) -> None:
    _round_trip(create_engine(pg_url))
