"""outbox claim counter: a result is written only by the claim that sent it

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-03 08:00:00

Every claim of an outbox row bumps ``claim_count``, and the dispatcher writes a result only
where the row is still claimed by the same service with the same count. A service whose lease
ran out (a long pause, a frozen host) can then no longer overwrite what the service that took
the row over has recorded.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A constant default: SQLite adds the column without rewriting the table.
    op.add_column(
        "outbox_message",
        sa.Column("claim_count", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_column("claim_count")
