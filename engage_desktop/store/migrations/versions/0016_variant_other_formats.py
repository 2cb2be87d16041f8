"""each variant keeps its content in the formats the campaign was not sent as

Revision ID: 0016
Revises: 0009
Create Date: 2026-12-03 14:00:00

- campaign_variant.other_formats: format → that format's content, for the formats the author
  wrote and then switched away from (NULL: none). The sender reads ``content`` only (the
  campaign's chosen format); this keeps what the composer showed in the other formats, so a
  marketer comparing push and SMS finds both after reopening.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0016"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild: on SQLite a rebuild would cascade deletes).
    op.add_column("campaign_variant", sa.Column(
            "other_formats",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
    )


def downgrade() -> None:
    op.drop_column("campaign_variant", "other_formats")
