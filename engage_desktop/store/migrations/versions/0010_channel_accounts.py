"""SMS and email provider accounts per app: settings and a fingerprint (secrets in the keyring)

Revision ID: 0010
Revises: 0011
Create Date: 2026-12-03 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)
_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "channel_account",
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("settings", _JSON, nullable=False),
        sa.Column("reference", sa.String(length=300), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("set_at", _UTC, nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("tested_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["app_id"], ["app.id"], name="fk_channel_account_app_id_app", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["set_by"], ["member.id"], name="fk_channel_account_set_by_member", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("app_id", "provider", name="pk_channel_account"),
    )


def downgrade() -> None:
    op.drop_table("channel_account")
