"""Migration 0019 adds the machines holding each provider secret and where the last provider
test passed; accounts set before keep their settings, and a downgrade takes both away again,
on SQLite and PostgreSQL."""

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
    "INSERT INTO channel_account (app_id, provider, settings, reference, fingerprint, set_at) "
    """VALUES (1, 'twilio', '{"sender": "+33612345678"}', 'twilio-secret:w:app-1', 'abc', """
    "'2026-01-01 00:00:00')",
]


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _round_trip(engine: Engine) -> None:
    _migrate(engine, "0018")
    with engine.begin() as conn:
        for sql in ROWS:
            conn.execute(text(sql))
    _migrate(engine, "0019")
    with engine.connect() as conn:
        row = conn.execute(text("SELECT fingerprint, tested_host FROM channel_account")).one()
        assert tuple(row) == ("abc", None)
        holders = conn.execute(text("SELECT count(*) FROM channel_account_holder")).scalar()
        assert holders == 0  # nobody recorded where the old account was set
        if migrate.head_revision() == "0019":
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    _migrate(engine, "0018", down=True)
    with engine.connect() as conn:
        inspector = inspect(conn)
        assert "channel_account_holder" not in inspector.get_table_names()
        columns = {c["name"] for c in inspector.get_columns("channel_account")}
        assert "tested_host" not in columns
        assert conn.execute(text("SELECT count(*) FROM channel_account")).scalar() == 1
    engine.dispose()


def test_sqlite_accounts_keep_their_settings_through_a_round_trip(tmp_path: Path) -> None:
    _round_trip(create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}"))


@pytest.mark.postgres
def test_postgresql_accounts_keep_their_settings_through_a_round_trip(pg_url: str) -> None:
    _round_trip(create_engine(pg_url))
