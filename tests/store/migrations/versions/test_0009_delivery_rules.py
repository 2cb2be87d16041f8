"""Migration 0009 (delivery rules) on a workspace with rows: existing outbox rows become due at
once (``not_before`` far in the past, so nothing queued waits), the rules table comes and goes,
and a downgrade keeps the rows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from tests.support.migrations import migrate_to

ROWS = [
    "INSERT INTO app (id, name, firebase_project_id, platforms, use_sandbox, created_at) "
    "VALUES (1, 'Shop', 'shop', '[]', false, '2026-01-01 00:00:00')",
    "INSERT INTO campaign (id, app_id, name, format, status, control_share, tags, created_at, "
    "updated_at) VALUES (1, 1, 'Soldes', 'push', 'sending', 0, '[]', '2026-01-01 00:00:00', "
    "'2026-01-01 00:00:00')",
    "INSERT INTO outbox_message (campaign_id, app_id, channel, message_id, state, attempts, "
    "created_at) VALUES (1, 1, 'push', 'ed-1-1', 'queued', 0, '2026-01-01 00:00:00')",
]


def test_queued_rows_stay_due_and_the_downgrade_keeps_them(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'w.sqlite'}")
    migrate_to(engine, "0014")  # the revision 0009 follows
    with engine.begin() as conn:
        for row in ROWS:
            conn.execute(text(row))
    migrate_to(engine, "0009")
    with engine.connect() as conn:
        due = conn.execute(text("SELECT not_before FROM outbox_message")).scalar_one()
        assert str(due).startswith("1970-01-01")
        assert "delivery_rules" in inspect(conn).get_table_names()
        names = {i["name"] for i in inspect(conn).get_indexes("outbox_message")}
        assert {"ix_outbox_campaign_state_due", "ix_outbox_profile_recent"} <= names
    migrate_to(engine, "0014", down=True)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM outbox_message")).scalar_one() == 1
        assert "delivery_rules" not in inspect(conn).get_table_names()
    engine.dispose()
