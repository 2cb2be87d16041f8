"""change stamps: a counter per area, bumped by triggers, that the GUI's lists poll

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-03 11:00:00

``change_stamp(area, version)`` holds one row per area (``campaigns``, ``segments``). Triggers
on ``campaign`` and ``segment`` bump the area's version in the writer's own transaction, so a
change made by any process (GUI, CLI, service, another host) is seen by one cheap read.
They fire per changed row (campaign and segment rows change rarely), so a statement that
changes nothing (a pause of campaigns no longer sending) bumps nothing.
The outbox has no trigger: it is the hot table, and its progress is read off
``delivery_attempt``'s primary key instead (``core.changes``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WATCHED = {"campaign": "campaigns", "segment": "segments"}
OPERATIONS = ("insert", "update", "delete")

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION engage_bump_change_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_stamp SET version = version + 1 WHERE area = TG_ARGV[0];
  RETURN NULL;  -- an AFTER trigger: the row is already written
END
$$;
"""


def upgrade() -> None:
    op.create_table(
        "change_stamp",
        sa.Column("area", sa.String(32), primary_key=True),
        sa.Column(
            "version", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
    )
    for area in WATCHED.values():
        op.execute(f"INSERT INTO change_stamp (area, version) VALUES ('{area}', 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for table, area in WATCHED.items():
            op.execute(
                f"CREATE TRIGGER {table}_change_stamp AFTER INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH ROW "
                f"EXECUTE FUNCTION engage_bump_change_stamp('{area}')"
            )
        return
    for table, area in WATCHED.items():
        for operation in OPERATIONS:
            op.execute(
                f"CREATE TRIGGER {table}_{operation}_change_stamp AFTER {operation.upper()} "
                f"ON {table} BEGIN UPDATE change_stamp SET version = version + 1 "
                f"WHERE area = '{area}'; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_change_stamp ON {table}")
        op.execute("DROP FUNCTION IF EXISTS engage_bump_change_stamp()")
    else:
        for table in WATCHED:
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_{operation}_change_stamp")
    op.drop_table("change_stamp")
