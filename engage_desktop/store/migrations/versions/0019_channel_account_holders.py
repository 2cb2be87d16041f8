"""which machines' keyrings hold each app's SMS and email secrets

Revision ID: 0019
Revises: 0016
Create Date: 2026-12-03 22:00:00

- channel_account_holder: one row per app, provider and machine whose OS keyring holds a copy
  of the provider's secret (Twilio auth token, SMTP password), with the secret's fingerprint,
  when and by whom. Written by ``set_provider_account``; accounts set before this revision have
  no holder until they are set again (nobody recorded where they were set).
- channel_account.tested_host: the machine where the account's last test passed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "channel_account_holder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("reference", sa.String(length=300), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("stored_at", _UTC, nullable=False),
        sa.Column("stored_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["app_id"],
            ["app.id"],
            name="fk_channel_account_holder_app_id_app",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stored_by"],
            ["member.id"],
            name="fk_channel_account_holder_stored_by_member",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_channel_account_holder"),
        sa.UniqueConstraint(
            "app_id", "provider", "host", name="uq_channel_account_holder_app_id_provider_host"
        ),
    )
    op.create_index("ix_channel_account_holder_app_id", "channel_account_holder", ["app_id"])
    # Plain ADD COLUMN (no batch rebuild: on SQLite a rebuild would cascade deletes).
    op.add_column("channel_account", sa.Column("tested_host", sa.String(length=255), nullable=True))


def downgrade() -> None:
    op.drop_column("channel_account", "tested_host")
    op.drop_index("ix_channel_account_holder_app_id", table_name="channel_account_holder")
    op.drop_table("channel_account_holder")
