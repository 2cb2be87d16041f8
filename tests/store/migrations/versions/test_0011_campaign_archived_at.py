"""Migration 0011 gives campaigns an empty ``archived_at`` (every campaign stays listed) and
takes it away again on a downgrade, rows kept, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from engage_desktop.store import migrate
from engage_desktop.store.models import Base
from tests.support.migrations import migrate_to

ROWS = [
    "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, created_at) "
    "VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')",
    "INSERT INTO campaign (id, app_id, name, format, status, control_share, tags, created_at, "
    "updated_at) VALUES (1, 1, 'Soldes', 'push', 'completed', 0, '[]', '2026-01-01 00:00:00', "
    "'2026-01-01 00:00:00')",
]


def _round_trip(engine: Engine) -> None:
    migrate_to(engine, "0008")
    with engine.begin() as conn:
        for sql in ROWS:
            conn.execute(text(sql))
    migrate_to(engine, "0011")
    with engine.connect() as conn:
        found = conn.execute(text("SELECT id, status, archived_at FROM campaign"))
        assert [tuple(r) for r in found] == [(1, "completed", None)]
        if migrate.head_revision() == "0011":
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    migrate_to(engine, "0008", down=True)
    with engine.connect() as conn:
        assert "archived_at" not in {c["name"] for c in inspect(conn).get_columns("campaign")}
        assert conn.execute(text("SELECT count(*) FROM campaign")).scalar() == 1
    engine.dispose()


def test_sqlite_campaigns_stay_listed_through_a_round_trip(tmp_path: Path) -> None:
    _round_trip(create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}"))


@pytest.mark.postgres
def test_postgresql_campaigns_stay_listed_through_a_round_trip(pg_url: str) -> None:
    _round_trip(create_engine(pg_url))
