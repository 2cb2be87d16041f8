"""contact imports commit in chunks, hidden until published

Revision ID: 0018
Revises: 0016
Create Date: 2026-12-03 22:00:00

- import_run: one contacts import writing in chunks (SQLite); while ``writing``, profiles with an
  id at least ``first_profile_id`` are hidden from readers; publishing flips ``state``.
- import_chunk: the id range of each committed chunk of new profiles (exact rollback).
- import_update, import_consent: changes to profiles that existed before the import, applied
  in short chunks after the flip (a journal the next opening rolls forward).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "import_run",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("first_profile_id", sa.Integer(), nullable=False),
        sa.Column("started_at", _WHEN, nullable=False),
        sa.Column("source", sa.String(120), nullable=True),
        sa.ForeignKeyConstraint(
            ["app_id"], ["app.id"], ondelete="CASCADE", name="fk_import_run_app_id_app"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_import_run"),
    )
    op.create_table(
        "import_chunk",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("first_profile_id", sa.Integer(), nullable=False),
        sa.Column("last_profile_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["import_run.id"], ondelete="CASCADE",
            name="fk_import_chunk_run_id_import_run",
        ),
        sa.PrimaryKeyConstraint("run_id", "first_profile_id", name="pk_import_chunk"),
    )
    op.create_table(
        "import_update",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(120), nullable=True),
        sa.Column("last_name", sa.String(120), nullable=True),
        sa.Column("email", sa.String(320), nullable=True),
        sa.Column("phone", sa.String(32), nullable=True),
        sa.Column("city", sa.String(120), nullable=True),
        sa.Column("postal_code", sa.String(16), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("locale", sa.String(35), nullable=True),
        sa.Column("time_zone", sa.String(64), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("attributes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["import_run.id"], ondelete="CASCADE",
            name="fk_import_update_run_id_import_run",
        ),
        sa.PrimaryKeyConstraint("run_id", "profile_id", name="pk_import_update"),
    )
    op.create_table(
        "import_consent",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("changed_at", _WHEN, nullable=False),
        sa.Column("source", sa.String(120), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["import_run.id"], ondelete="CASCADE",
            name="fk_import_consent_run_id_import_run",
        ),
        sa.PrimaryKeyConstraint("run_id", "profile_id", "channel", name="pk_import_consent"),
    )


def downgrade() -> None:
    for table in ("import_consent", "import_update", "import_chunk", "import_run"):
        op.drop_table(table)
