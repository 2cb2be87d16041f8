"""segment indexes: device rules, push reach, promoted JSON attributes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:00:00

- device(app_id, platform, app_version, profile_id): device rules read the index alone;
- device(profile_id) for push-ready devices only: the per-channel push reach probes it;
- consent(profile_id, channel, state), unique: consent rules and reach probe it alone;
- profile.attr_<key>: common free attributes as generated columns (VIRTUAL on SQLite, so no
  table rewrite; STORED on PostgreSQL, the only kind it has), each indexed with app_id;
- ANALYZE, so SQLite's planner weighs the new indexes at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ATTRIBUTES = ("loyalty_tier", "favorite_mode")
PUSH_READY = {
    "sqlite": "push_enabled IS 1 AND fcm_token IS NOT NULL AND fcm_token != '' "
    "AND token_invalidated_at IS NULL",
    "postgresql": "push_enabled IS true AND fcm_token IS NOT NULL AND fcm_token != '' "
    "AND token_invalidated_at IS NULL",
}


def upgrade() -> None:
    dialect = str(op.get_bind().dialect.name)
    for key in ATTRIBUTES:
        if dialect == "postgresql":
            formula, kind = f"(attributes ->> '{key}')", "STORED"
        else:
            formula, kind = f"json_extract(attributes, '$.{key}')", "VIRTUAL"
        op.execute(
            f"ALTER TABLE profile ADD COLUMN attr_{key} VARCHAR(200) "
            f"GENERATED ALWAYS AS ({formula}) {kind}"
        )
        op.execute(f"CREATE INDEX ix_profile_app_attr_{key} ON profile (app_id, attr_{key})")
    op.execute(
        "CREATE INDEX ix_device_app_platform_version "
        "ON device (app_id, platform, app_version, profile_id)"
    )
    where = PUSH_READY.get(dialect, PUSH_READY["sqlite"])
    op.execute(f"CREATE INDEX ix_device_push_ready ON device (profile_id) WHERE {where}")
    op.execute(
        "CREATE UNIQUE INDEX ix_consent_profile_channel_state "
        "ON consent (profile_id, channel, state)"
    )
    for table in ("profile", "device", "consent"):
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    op.execute("DROP INDEX ix_consent_profile_channel_state")
    op.execute("DROP INDEX ix_device_push_ready")
    op.execute("DROP INDEX ix_device_app_platform_version")
    for key in ATTRIBUTES:
        op.execute(f"DROP INDEX ix_profile_app_attr_{key}")
        op.execute(f"ALTER TABLE profile DROP COLUMN attr_{key}")
