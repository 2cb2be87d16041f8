"""Migration 0016 gives variants an empty ``other_formats`` (their content is untouched) and
takes it away again on a downgrade, rows kept, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
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
    "INSERT INTO campaign (id, app_id, name, format, status, control_share, tags, created_at, "
    "updated_at) VALUES (1, 1, 'Soldes', 'sms', 'draft', 0, '[]', '2026-01-01 00:00:00', "
    "'2026-01-01 00:00:00')",
    "INSERT INTO campaign_variant (id, campaign_id, key, weight, content) "
    """VALUES (1, 1, 'A', 1.0, '{"body": "Bonjour"}')""",
]


def _migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _content(raw: object) -> object:
    return json.loads(raw) if isinstance(raw, str) else raw


def _round_trip(engine: Engine) -> None:
    _migrate(engine, "0009")
    with engine.begin() as conn:
        for sql in ROWS:
            conn.execute(text(sql))
    _migrate(engine, "0016")
    with engine.connect() as conn:
        row = conn.execute(text("SELECT content, other_formats FROM campaign_variant")).one()
        assert _content(row[0]) == {"body": "Bonjour"} and row[1] is None
        if migrate.head_revision() == "0016":
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    _migrate(engine, "0009", down=True)
    with engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("campaign_variant")}
        assert "other_formats" not in columns
        assert conn.execute(text("SELECT count(*) FROM campaign_variant")).scalar() == 1
    engine.dispose()


def test_sqlite_variants_keep_their_content_through_a_round_trip(tmp_path: Path) -> None:
    _round_trip(create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}"))


@pytest.mark.postgres
def test_postgresql_variants_keep_their_content_through_a_round_trip(pg_url: str) -> None:
    _round_trip(create_engine(pg_url))
