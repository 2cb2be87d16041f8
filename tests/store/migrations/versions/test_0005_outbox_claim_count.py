"""Migration 0005 gives every outbox row a claim counter (0 for rows already queued) and takes
it away again on a downgrade, rows kept, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from engage_desktop.store.models import Base
from tests.support.migrations import migrate_to

ROWS = [
    "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, created_at) "
    "VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')",
    "INSERT INTO campaign (id, app_id, name, format, status, control_share, tags, created_at, "
    "updated_at) VALUES (1, 1, 'Soldes', 'push', 'sending', 0, '[]', '2026-01-01 00:00:00', "
    "'2026-01-01 00:00:00')",
    "INSERT INTO outbox_message (id, campaign_id, app_id, channel, message_id, state, attempts, "
    "created_at) VALUES (1, 1, 1, 'push', 'm-1', 'queued', 0, '2026-01-01 00:00:00'), "
    "(2, 1, 1, 'push', 'm-2', 'claimed', 2, '2026-01-01 00:00:00')",
]


def _round_trip(engine: Engine) -> None:
    migrate_to(engine, "0003")
    with engine.begin() as conn:
        for sql in ROWS:
            conn.execute(text(sql))
    migrate_to(engine, "head")
    with engine.connect() as conn:
        found = conn.execute(
            text("SELECT id, attempts, claim_count FROM outbox_message ORDER BY 1")
        )
        assert [tuple(r) for r in found] == [(1, 0, 0), (2, 2, 0)]
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    migrate_to(engine, "0003", down=True)
    with engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("outbox_message")}
        assert "claim_count" not in columns
        assert conn.execute(text("SELECT count(*) FROM outbox_message")).scalar() == 2
    engine.dispose()


def test_sqlite_rows_get_a_claim_counter_and_keep_it_through_a_round_trip(tmp_path: Path) -> None:
    _round_trip(create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}"))


@pytest.mark.postgres
def test_postgresql_rows_get_a_claim_counter(pg_url: str) -> None:
    _round_trip(create_engine(pg_url))
