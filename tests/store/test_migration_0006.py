"""Migration 0006 (keys to the keyring): the path column and the URL settings go, nothing else.

On SQLite the column is dropped in place: rebuilding ``app`` by copy would drop the old table,
which with foreign keys on deletes every profile, device and campaign of every app in cascade.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, event, inspect, text

from engage_desktop.store import migrate

ROWS = [
    "INSERT INTO app (id, name, firebase_project_id, platforms, fcm_credentials_path, "
    "use_sandbox, created_at) VALUES (1, 'Shop', 'shop', '[]', '/home/a/key.json', false, "
    "'2026-01-01 00:00:00')",
    "INSERT INTO profile (id, app_id, external_id, attributes, created_at) VALUES "
    "(1, 1, 'a', '{}', '2026-01-01 00:00:00')",
    "INSERT INTO workspace_setting (key, value, updated_at) VALUES "
    "('fcm.base_url', '\"https://evil.example\"', '2026-01-01 00:00:00'), "
    "('fcm.sandbox_url', '\"http://10.0.0.9:8765\"', '2026-01-01 00:00:00'), "
    "('ui.other', '1', '2026-01-01 00:00:00')",
]


def _move(engine: Engine, revision: str, *, down: bool = False) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _facts(engine: Engine) -> tuple[object, ...]:
    with engine.connect() as conn:
        apps = conn.execute(text("SELECT id, name FROM app")).all()
        profiles = conn.execute(text("SELECT id, app_id FROM profile")).all()
        keys = sorted(conn.execute(text("SELECT key FROM workspace_setting")).scalars())
        columns = {c["name"] for c in inspect(conn).get_columns("app")}
    return apps, profiles, keys, "fcm_credentials_path" in columns


def _check(engine: Engine) -> None:
    _move(engine, "0003")
    with engine.begin() as conn:
        for sql in ROWS:
            conn.execute(text(sql))
    _move(engine, "0006")
    apps, profiles, keys, has_path = _facts(engine)
    assert apps == [(1, "Shop")] and profiles == [(1, 1)]
    assert keys == ["ui.other"] and not has_path
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    assert {"app_credential", "credential_holder"} <= tables
    _move(engine, "0003", down=True)
    apps, profiles, _keys, has_path = _facts(engine)
    assert apps == [(1, "Shop")] and profiles == [(1, 1)] and has_path


def test_sqlite_keeps_every_row_with_foreign_keys_on(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")

    @event.listens_for(engine, "connect")
    def _foreign_keys(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[attr-defined]

    _check(engine)
    engine.dispose()


@pytest.mark.postgres
def test_postgresql_keeps_every_row(pg_url: str) -> None:
    engine = create_engine(pg_url)
    _check(engine)
    engine.dispose()
