"""consent clustered by its key on SQLite: one B-tree less per consent row

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 11:30:00

A contact import writes two or three consent rows per contact. On SQLite the table was a rowid
table with its (profile_id, channel) key in a second B-tree: clustered by that key (WITHOUT
ROWID) the table is that B-tree, so every consent row is written once less. The narrow covering
index (profile_id, channel, state) of 0002 stays: consent probes read it rather than the wider
table rows (measured 20 % faster on the 1 M demo's consent rules). PostgreSQL keeps its heap
table and indexes: nothing changes there.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "profile_id, channel, state, changed_at, source"


def _rebuild_sqlite(with_rowid: bool) -> None:
    """Copy consent into a table of the other kind, keeping names, constraints and rows."""
    op.execute(
        "CREATE TABLE _consent_new ("
        "profile_id INTEGER NOT NULL, "
        "channel VARCHAR(16) NOT NULL, "
        "state VARCHAR(16) NOT NULL, "
        "changed_at DATETIME NOT NULL, "
        "source VARCHAR(120), "
        "CONSTRAINT pk_consent PRIMARY KEY (profile_id, channel), "
        "CONSTRAINT fk_consent_profile_id_profile FOREIGN KEY(profile_id) "
        "REFERENCES profile (id) ON DELETE CASCADE)" + ("" if with_rowid else " WITHOUT ROWID")
    )
    op.execute(
        f"INSERT INTO _consent_new ({COLUMNS}) SELECT {COLUMNS} FROM consent "
        "ORDER BY profile_id, channel"
    )
    op.execute("DROP TABLE consent")
    op.execute("ALTER TABLE _consent_new RENAME TO consent")
    op.execute("CREATE INDEX ix_consent_channel_state ON consent (channel, state, profile_id)")
    op.execute(
        "CREATE UNIQUE INDEX ix_consent_profile_channel_state "
        "ON consent (profile_id, channel, state)"
    )
    op.execute("ANALYZE consent")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(with_rowid=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(with_rowid=True)
