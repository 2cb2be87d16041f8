"""Migration 0002 (segment indexes, promoted attributes) upgrades a 0001 workspace with data.

SQLite: the file is copied aside first, then upgraded; PostgreSQL: upgraded in place. Either
way the promoted columns read the JSON attributes of rows written before the upgrade, and the
schema then matches the models.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text

from engage_desktop.store import migrate
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.models import INDEXED_ATTRIBUTES, Base

NEW_INDEXES = {
    "profile": {f"ix_profile_app_attr_{k}" for k in INDEXED_ATTRIBUTES},
    "device": {"ix_device_app_platform_version", "ix_device_push_ready"},
    "consent": {"ix_consent_profile_channel_state"},
}
ROWS = [
    "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, created_at) "
    "VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')",
    "INSERT INTO profile (id, app_id, external_id, attributes, created_at) VALUES "
    """(1, 1, 'a', '{"loyalty_tier": "gold", "favorite_mode": "duel"}', '2026-01-01 00:00:00'),"""
    """(2, 1, 'b', '{"loyalty_tier": ["gold"]}', '2026-01-01 00:00:00'),"""
    "(3, 1, 'c', '{}', '2026-01-01 00:00:00')",
    "INSERT INTO consent (profile_id, channel, state, changed_at) VALUES "
    "(1, 'push', 'granted', '2026-01-01 00:00:00')",
    "INSERT INTO device (id, app_id, profile_id, platform, app_version, fcm_token, push_enabled, "
    "is_test, created_at) VALUES (1, 1, 1, 'ios', '5.3.2', 'tok', true, false, "
    "'2026-01-01 00:00:00')",
]


def _at_0001(engine: Engine) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        for sql in ROWS:
            conn.execute(text(sql))


def _check_upgraded(engine: Engine) -> None:
    assert migrate.schema_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        tiers = conn.execute(
            text("SELECT id, attr_loyalty_tier, attr_favorite_mode FROM profile ORDER BY id")
        ).all()
        inspector = inspect(conn)
        for table, names in NEW_INDEXES.items():
            assert names <= {ix["name"] for ix in inspector.get_indexes(table)}, table
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert tiers[0] == (1, "gold", "duel")
    assert tiers[2] == (3, None, None)
    assert tiers[1][1] is not None and "gold" in tiers[1][1]  # a list: its JSON text, not "gold"
    assert diff == [], diff


def test_sqlite_0001_workspace_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    _at_0001(engine)
    engine.dispose()
    upgraded = migrate.open_workspace(resolve_workspace(str(path)))
    try:
        _check_upgraded(upgraded)
        with upgraded.connect() as conn:
            stats = {row[0] for row in conn.execute(text("SELECT idx FROM sqlite_stat1"))}
        assert "ix_profile_app_attr_loyalty_tier" in stats  # analysed for the planner
    finally:
        upgraded.dispose()
    [backup] = tmp_path.glob("old.sqlite.before-0001-*.bak")
    old = sqlite3.connect(backup)
    try:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert "attr_loyalty_tier" not in {r[1] for r in old.execute("PRAGMA table_xinfo(profile)")}
    finally:
        old.close()


@pytest.mark.postgres
def test_postgresql_0001_workspace_is_upgraded(pg_url: str) -> None:
    engine = create_engine(pg_url)
    _at_0001(engine)
    engine.dispose()
    upgraded = migrate.open_workspace(resolve_workspace(pg_url))
    try:
        _check_upgraded(upgraded)
    finally:
        upgraded.dispose()


def test_downgrade_to_0001_removes_what_0002_added(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    _at_0001(engine)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        command.downgrade(cfg, "0001")
    with engine.connect() as conn:
        inspector = inspect(conn)
        for table, names in NEW_INDEXES.items():
            assert not names & {ix["name"] for ix in inspector.get_indexes(table)}
        assert "attr_loyalty_tier" not in {c["name"] for c in inspector.get_columns("profile")}
    engine.dispose()
