"""apps as Firebase projects, the approver right, who scheduled a campaign

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 08:00:00

- app: Android package names and iOS bundle ids (JSON lists), the icon the phone preview draws
  (a small PNG), the audience's IANA time zone;
- member_role.approver: the right to approve sends on that app, on top of the role;
- campaign.scheduled_by: the member whose send right is checked again when the schedule fires
  (a plain id, no foreign key: SQLite can add and drop such a column in place, and a member id
  that no longer exists simply has no right).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_LIST = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch rebuild: on SQLite a rebuild drops the old table, and
    # with foreign keys on that would cascade to every profile, campaign and role of the app.
    op.add_column(
        "app",
        sa.Column("android_packages", JSON_LIST, server_default=sa.text("'[]'"), nullable=False),
    )
    op.add_column(
        "app",
        sa.Column("ios_bundle_ids", JSON_LIST, server_default=sa.text("'[]'"), nullable=False),
    )
    op.add_column("app", sa.Column("icon_png", sa.LargeBinary(), nullable=True))
    op.add_column(
        "app",
        sa.Column("time_zone", sa.String(length=64), server_default="Europe/Paris", nullable=False),
    )
    op.add_column(
        "member_role",
        sa.Column("approver", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.add_column("campaign", sa.Column("scheduled_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("campaign", "scheduled_by")
    op.drop_column("member_role", "approver")
    for column in ("time_zone", "icon_png", "ios_bundle_ids", "android_packages"):
        op.drop_column("app", column)
