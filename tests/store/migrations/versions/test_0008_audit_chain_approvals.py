"""Migration 0008 chains the audit entries written before it, in the order they were written,
and its downgrade gives the old table back (entries kept)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session

from engage_desktop.security.audit_chain import verify_chain
from engage_desktop.store import migrate

ROWS = [
    "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, created_at) "
    "VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')",
    "INSERT INTO member (id, login, display_name, created_at) "
    "VALUES (1, 'ana', 'Ana', '2026-01-01 00:00:00')",
    "INSERT INTO audit_log (id, at, member_id, app_id, action, target, details) VALUES "
    "(5, '2026-01-02 10:00:00.250000', 1, 1, 'campaign.create', 'campaign:1', "
    "'{\"name\": \"Soldes d''hiver\"}'), "
    "(9, '2026-01-02 09:00:00', NULL, 1, 'campaign.send', 'campaign:1', "
    '\'{"queued": 3, "suppressed": {}}\'), '
    "(12, '2026-01-03 08:00:00', 1, NULL, 'segment.save', NULL, '{}')",
]


def _move(engine: Engine, revision: str, *, down: bool = False, rows: bool = False) -> None:
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
        for sql in ROWS if rows else ():
            conn.execute(text(sql))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Engine:
    if request.param == "sqlite":
        return create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    return create_engine(request.getfixturevalue("pg_url"))


def test_existing_entries_are_chained_in_the_order_written(engine: Engine) -> None:
    _move(engine, "0003", rows=True)
    _move(engine, "0008")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, seq, member_login FROM audit_log ORDER BY seq")).all()
    assert [tuple(r) for r in rows] == [(5, 1, "ana"), (9, 2, None), (12, 3, "ana")]
    with Session(engine) as session:
        report = verify_chain(session)
    assert report.ok and report.checked == 3
    engine.dispose()


def test_downgrade_keeps_the_entries(engine: Engine) -> None:
    _move(engine, "0003", rows=True)
    _move(engine, "0008")
    _move(engine, "0003", down=True)
    with engine.connect() as conn:
        ids = conn.execute(text("SELECT id FROM audit_log ORDER BY id")).scalars().all()
    assert ids == [5, 9, 12]
    _move(engine, "0008")  # and up again
    engine.dispose()
