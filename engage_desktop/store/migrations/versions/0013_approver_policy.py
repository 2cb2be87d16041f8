"""approver policy and workspace id: on PostgreSQL the database lets an approver decide a send,
as core does; every workspace gets an id of its own that names its keyring entries

Revision ID: 0013
Revises: 0008
Create Date: 2026-12-03 11:00:00

Migration 0008 let only admins write a decision on ``campaign_approval``: a marketer or analyst
holding the approver right (``member_role.approver``) was refused by row-level security although
core allows them, and an admin could write a decision in someone else's name or on their own
request. The policy now follows core's rule: a decision (approved / rejected) is written by a
member who is admin or approver on the app, in their own name, on a request they did not make.
Marketers still write pending and voided requests; only admins delete one (a
rejection cannot be erased by the person it refused).

``workspace.id`` (a random UUID in ``workspace_setting``): keyring entries were named by project
and key id only, so two workspaces on one machine giving the same key shared an entry, and
removing the key in one deleted the other's. New entries carry the workspace id and the app id;
existing entries keep their recorded reference and go on working. SQLite has no row-level security: nothing to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import uuid

import sqlalchemy as sa
from alembic import op

from engage_desktop.store.models.base import JSONDoc, UTCDateTime

revision: str = "0013"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FUNCTIONS = """
CREATE FUNCTION engage_member_id() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT id FROM member WHERE login = current_user
$$;
CREATE FUNCTION engage_may_approve(target_app integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM member_role r JOIN member m ON m.id = r.member_id
    WHERE m.login = current_user AND r.app_id = target_app
      AND (r.role = 'admin' OR r.approver))
$$;
"""

REQUEST = "state IN ('pending', 'voided') AND (engage_may_send(app_id) OR engage_is_admin(app_id))"
DECISION = (
    "state IN ('approved', 'rejected') AND engage_may_approve(app_id)"
    " AND decided_by = engage_member_id()"
    " AND requested_by IS DISTINCT FROM decided_by"
)
ROWS = "engage_may_send(app_id) OR engage_may_approve(app_id)"

OLD_ROWS = "engage_may_send(app_id) OR engage_is_admin(app_id)"
OLD_CHECK = (
    "(engage_may_send(app_id) AND state IN ('pending', 'voided')) OR engage_is_admin(app_id)"
)


WORKSPACE_ID_KEY = "workspace.id"


def upgrade() -> None:
    settings = sa.table(
        "workspace_setting",
        sa.column("key", sa.String()),
        sa.column("value", JSONDoc),
        sa.column("updated_at", UTCDateTime()),
    )
    op.bulk_insert(
        settings,
        [{"key": WORKSPACE_ID_KEY, "value": uuid.uuid4().hex, "updated_at": datetime.now(UTC)}],
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTIONS)
    _replace_update_policies(ROWS, f"({REQUEST}) OR ({DECISION})", "engage_is_admin(app_id)")


def downgrade() -> None:
    op.get_bind().execute(
        sa.text("DELETE FROM workspace_setting WHERE key = :key"), {"key": WORKSPACE_ID_KEY}
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    _replace_update_policies(OLD_ROWS, OLD_CHECK, OLD_ROWS)
    op.execute("DROP FUNCTION IF EXISTS engage_may_approve(integer)")
    op.execute("DROP FUNCTION IF EXISTS engage_member_id()")


def _replace_update_policies(rows: str, check: str, delete: str) -> None:
    op.execute("DROP POLICY IF EXISTS campaign_approval_update ON campaign_approval")
    op.execute("DROP POLICY IF EXISTS campaign_approval_delete ON campaign_approval")
    op.execute(
        "CREATE POLICY campaign_approval_update ON campaign_approval FOR UPDATE "
        f"USING ({rows}) WITH CHECK ({check})"
    )
    op.execute(
        f"CREATE POLICY campaign_approval_delete ON campaign_approval FOR DELETE USING ({delete})"
    )
