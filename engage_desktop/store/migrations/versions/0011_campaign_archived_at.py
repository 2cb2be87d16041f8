"""a finished campaign can be archived

Revision ID: 0011
Revises: 0015
Create Date: 2026-12-03 11:00:00

- campaign.archived_at: when a completed or cancelled campaign was archived (NULL: shown in
  the default list). Archiving is not a status, so the campaign keeps how it ended.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch rebuild: on SQLite a rebuild would cascade deletes).
    op.add_column("campaign", sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("campaign", "archived_at")
