"""delivery rules: per-app quiet hours, caps and throttle; outbox rows not claimed before a time

Revision ID: 0009
Revises: 0014
Create Date: 2026-12-03 11:00:00

- delivery_rules (per app: quiet hours, frequency caps, default throttle).
- outbox_message.not_before: when the row may be claimed (the recipient's local time, best
  hour, quiet hours, throttle). A constant default far in the past (SQLite adds the column in
  place; every row written without it is due at once).
- ix_outbox_campaign_state becomes ix_outbox_campaign_state_due (campaign, state, not_before):
  the same prefix for what used the old index, and one range for the claim's due rows.
- ix_outbox_profile_recent, partial on sent and claimed rows: frequency caps count a person's
  recent messages without touching the queued ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from engage_desktop.store.models.base import JSONDoc, UTCDateTime
from engage_desktop.store.models.messaging import NOT_BEFORE_DEFAULT

revision: str = "0009"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECENT = "state IN ('sent', 'claimed')"


def upgrade() -> None:
    op.create_table(
        "delivery_rules",
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("quiet_start", sa.String(5), nullable=True),
        sa.Column("quiet_end", sa.String(5), nullable=True),
        sa.Column("caps", JSONDoc, nullable=False),
        sa.Column("throttle_per_minute", sa.Integer(), nullable=True),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("set_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["app_id"], ["app.id"], name="fk_delivery_rules_app_id_app", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["set_by"], ["member.id"], name="fk_delivery_rules_set_by_member", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("app_id", name="pk_delivery_rules"),
    )
    op.add_column(
        "outbox_message",
        sa.Column(
            "not_before",
            UTCDateTime(),
            nullable=False,
            server_default=sa.text(f"'{NOT_BEFORE_DEFAULT}'"),
        ),
    )
    op.drop_index("ix_outbox_campaign_state", table_name="outbox_message")
    op.create_index(
        "ix_outbox_campaign_state_due",
        "outbox_message",
        ["campaign_id", "state", "not_before"],
    )
    op.create_index(
        "ix_outbox_profile_recent",
        "outbox_message",
        ["profile_id", "state", "sent_at"],
        sqlite_where=sa.text(RECENT),
        postgresql_where=sa.text(RECENT),
    )


def downgrade() -> None:
    op.drop_index("ix_outbox_profile_recent", table_name="outbox_message")
    op.drop_index("ix_outbox_campaign_state_due", table_name="outbox_message")
    op.create_index("ix_outbox_campaign_state", "outbox_message", ["campaign_id", "state"])
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_column("not_before")
    op.drop_table("delivery_rules")
