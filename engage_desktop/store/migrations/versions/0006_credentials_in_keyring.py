"""service-account keys move to the OS keyring: fingerprints and holders, no file path, no URLs

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 08:00:00

``app.fcm_credentials_path`` pointed at a key file on one machine; keys now live in the OS
keyring of each sending machine and the workspace keeps only their fingerprint
(``app_credential``) and which machines hold them (``credential_holder``). A path stored before
is dropped: the admin gives the key once with ``engage-desktop credentials set`` (the file is
not touched). The FCM and sandbox addresses that used to be workspace settings are deleted: a
shared database must not be able to send tokens elsewhere (they come from each machine's
environment now).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "app_credential",
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=300), nullable=False),
        sa.Column("client_email", sa.String(length=320), nullable=False),
        sa.Column("key_id", sa.String(length=100), nullable=False),
        sa.Column("set_at", _UTC, nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("tested_at", _UTC, nullable=True),
        sa.Column("tested_host", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["app_id"], ["app.id"], name="fk_app_credential_app_id_app", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["set_by"], ["member.id"], name="fk_app_credential_set_by_member", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("app_id", name="pk_app_credential"),
    )
    op.create_table(
        "credential_holder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("reference", sa.String(length=300), nullable=False),
        sa.Column("key_id", sa.String(length=100), nullable=False),
        sa.Column("stored_at", _UTC, nullable=False),
        sa.Column("stored_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["app_id"], ["app.id"], name="fk_credential_holder_app_id_app", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["stored_by"],
            ["member.id"],
            name="fk_credential_holder_stored_by_member",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_credential_holder"),
        sa.UniqueConstraint("app_id", "host", name="uq_credential_holder_app_id_host"),
    )
    op.create_index("ix_credential_holder_app_id", "credential_holder", ["app_id"])
    # A plain DROP COLUMN (SQLite ≥ 3.35), not a batch copy: rebuilding ``app`` on SQLite would
    # drop the old table, and with foreign keys on that deletes every app's rows in cascade.
    op.execute("ALTER TABLE app DROP COLUMN fcm_credentials_path")
    op.execute("DELETE FROM workspace_setting WHERE key IN ('fcm.base_url', 'fcm.sandbox_url')")


def downgrade() -> None:
    op.add_column("app", sa.Column("fcm_credentials_path", sa.String(length=1024), nullable=True))
    op.drop_index("ix_credential_holder_app_id", table_name="credential_holder")
    op.drop_table("credential_holder")
    op.drop_table("app_credential")
