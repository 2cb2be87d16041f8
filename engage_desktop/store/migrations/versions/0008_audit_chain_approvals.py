"""audit chain and approvals: a hash-chained, append-only audit log; send approvals; on
PostgreSQL, the database's own refusals (grants, triggers, row-level security)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 08:00:00

- audit_log: ``seq``, ``member_login``, ``prev_hash``, ``entry_hash``; existing entries are
  chained here, in id order. Its foreign keys go: deleting an app or a member must not rewrite
  the entries that tell of it. Triggers refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL).
- audit_chain_head: the row every append updates first (serialises appends, names the tail).
- approval_rule (per app: the recipient count above which a send needs approval) and
  campaign_approval (requests and answers).
- PostgreSQL only: a group role ``<database>_members`` for the members' own database roles
  (created when the migrating role may create roles), with the grants members need and no
  UPDATE/DELETE on audit_log; row-level security keyed on ``current_user`` through
  member/member_role on campaigns, their variants, the outbox, approvals, roles, members, apps
  and settings. The table owner (who migrates, and the dispatch service) is not subject to it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from engage_desktop.security.audit_chain import GENESIS, entry_hash
from engage_desktop.store.models.base import JSONDoc, UTCDateTime

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_constraint("fk_audit_log_member_id_member", type_="foreignkey")
        batch.drop_constraint("fk_audit_log_app_id_app", type_="foreignkey")
        batch.add_column(sa.Column("seq", BIG_ID, nullable=True))
        batch.add_column(sa.Column("member_login", sa.String(120), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("entry_hash", sa.String(64), nullable=True))
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", BIG_ID, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_chain_head"),
    )
    seq, last = _chain_existing_entries()
    op.execute(
        sa.text("INSERT INTO audit_chain_head (id, seq, last_hash) VALUES (1, :seq, :last)")
        .bindparams(seq=seq, last=last)
    )
    with op.batch_alter_table("audit_log") as batch:
        for name in ("seq", "prev_hash", "entry_hash"):
            batch.alter_column(name, existing_type=sa.String(64) if name != "seq" else BIG_ID,
                               nullable=False)
        batch.create_index("ix_audit_seq", ["seq"], unique=True)
    _create_approval_tables()
    if dialect == "postgresql":
        _postgresql_refusals()
    else:
        _sqlite_append_only()


def _chain_existing_entries() -> tuple[int, str]:
    """Give every entry written before the chain its place and hashes, oldest first."""
    bind = op.get_bind()
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer()),
        sa.column("seq", sa.Integer()),
        sa.column("at", UTCDateTime()),
        sa.column("member_id", sa.Integer()),
        sa.column("member_login", sa.String()),
        sa.column("app_id", sa.Integer()),
        sa.column("action", sa.String()),
        sa.column("target", sa.String()),
        sa.column("details", JSONDoc),
        sa.column("prev_hash", sa.String()),
        sa.column("entry_hash", sa.String()),
    )
    member = sa.table("member", sa.column("id", sa.Integer()), sa.column("login", sa.String()))
    rows = bind.execute(
        sa.select(
            log.c.id, log.c.at, log.c.member_id, member.c.login, log.c.app_id, log.c.action,
            log.c.target, log.c.details,
        )
        .select_from(log.outerjoin(member, member.c.id == log.c.member_id))
        .order_by(log.c.id)
    ).all()
    previous, seq = GENESIS, 0
    for entry_id, at, member_id, login, app_id, action, target, details in rows:
        seq += 1
        digest = entry_hash(
            seq=seq, at=at, member_id=member_id, member_login=login, app_id=app_id,
            action=action, target=target, details=details or {}, prev_hash=previous,
        )
        bind.execute(
            sa.update(log)
            .where(log.c.id == entry_id)
            .values(seq=seq, member_login=login, details=details or {}, prev_hash=previous,
                    entry_hash=digest)
        )
        previous = digest
    return seq, previous


def _create_approval_tables() -> None:
    op.create_table(
        "approval_rule",
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("above", sa.Integer(), nullable=False),
        sa.Column("set_by", sa.Integer(), nullable=True),
        sa.Column("set_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["app_id"], ["app.id"], name="fk_approval_rule_app_id_app",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["set_by"], ["member.id"], name="fk_approval_rule_set_by_member",
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("app_id", name="pk_approval_rule"),
    )
    op.create_table(
        "campaign_approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("app_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("requested_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", UTCDateTime(timezone=True), nullable=True),
        sa.Column("comment", sa.String(2000), nullable=True),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"],
                                name="fk_campaign_approval_campaign_id_campaign",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["app_id"], ["app.id"], name="fk_campaign_approval_app_id_app",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["requested_by"], ["member.id"],
                                name="fk_campaign_approval_requested_by_member",
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["decided_by"], ["member.id"],
                                name="fk_campaign_approval_decided_by_member",
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name="pk_campaign_approval"),
    )
    op.create_index("ix_campaign_approval_campaign_state", "campaign_approval",
                    ["campaign_id", "state"])


SQLITE_TRIGGERS = {
    "audit_log_no_update": "BEFORE UPDATE ON audit_log",
    "audit_log_no_delete": "BEFORE DELETE ON audit_log",
}


def _sqlite_append_only() -> None:
    """Refuse edits made through the app or a careless tool (whoever has the file can drop
    these triggers: the chain is what tells)."""
    for name, when in SQLITE_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} {when} BEGIN "
            "SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )


# Who may do what, in SQL, for row-level security. Invoker's rights: current_user is the
# member's own database role. The SELECT policies are all "true" (reads are checked in core),
# so these functions reading member_role never recurse into a policy that calls them.
PG_FUNCTIONS = """
CREATE FUNCTION engage_has_role(target_app integer, roles text[]) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM member_role r JOIN member m ON m.id = r.member_id
    WHERE m.login = current_user AND r.app_id = target_app AND r.role = ANY (roles))
$$;
CREATE FUNCTION engage_may_send(target_app integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT engage_has_role(target_app, ARRAY['admin', 'marketer'])
$$;
CREATE FUNCTION engage_is_admin(target_app integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT engage_has_role(target_app, ARRAY['admin'])
$$;
CREATE FUNCTION engage_admin_somewhere() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM member_role r JOIN member m ON m.id = r.member_id
    WHERE m.login = current_user AND r.role = 'admin')
$$;
CREATE FUNCTION engage_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION engage_audit_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION engage_audit_append_only();
"""

CAMPAIGN_APP = "(SELECT c.app_id FROM campaign c WHERE c.id = campaign_id)"

# table -> (INSERT check, UPDATE/DELETE rows, UPDATE check) for members' roles; reads are open.
PG_POLICIES: dict[str, tuple[str, str, str]] = {
    "campaign": ("engage_may_send(app_id)",) * 3,
    "campaign_variant": (f"engage_may_send({CAMPAIGN_APP})",) * 3,
    "outbox_message": ("engage_may_send(app_id)",) * 3,
    "campaign_approval": (
        "engage_may_send(app_id) AND state = 'pending'",
        "engage_may_send(app_id) OR engage_is_admin(app_id)",
        "(engage_may_send(app_id) AND state IN ('pending', 'voided')) OR engage_is_admin(app_id)",
    ),
    "approval_rule": ("engage_is_admin(app_id)",) * 3,
    "member_role": ("engage_is_admin(app_id)",) * 3,
    "app": ("engage_admin_somewhere()", "engage_is_admin(id)", "engage_is_admin(id)"),
    "member": ("login = current_user OR engage_admin_somewhere()",) * 3,
    "workspace_setting": ("engage_admin_somewhere()",) * 3,
    "audit_log": ("member_login = current_user", "false", "false"),
}

PG_GRANTS = """
DO $$
DECLARE
  grp text := current_database() || '_members';
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp)
     AND (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', grp);
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), grp);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', grp);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I',
                   grp);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', grp);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public '
                   'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', grp);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public '
                   'GRANT USAGE, SELECT ON SEQUENCES TO %I', grp);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', grp);
    EXECUTE format('REVOKE INSERT, DELETE, TRUNCATE ON audit_chain_head FROM %I', grp);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM %I', grp);
  END IF;
END
$$;
"""


def _postgresql_refusals() -> None:
    op.execute(PG_FUNCTIONS)
    for table, (insert_check, rows, update_check) in PG_POLICIES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)")
        op.execute(
            f"CREATE POLICY {table}_insert ON {table} FOR INSERT WITH CHECK ({insert_check})"
        )
        op.execute(
            f"CREATE POLICY {table}_update ON {table} FOR UPDATE USING ({rows}) "
            f"WITH CHECK ({update_check})"
        )
        op.execute(f"CREATE POLICY {table}_delete ON {table} FOR DELETE USING ({rows})")
    op.execute(PG_GRANTS)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for table in PG_POLICIES:
            for suffix in ("read", "insert", "update", "delete"):
                op.execute(f"DROP POLICY IF EXISTS {table}_{suffix} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        for function in (
            "engage_audit_append_only()",
            "engage_admin_somewhere()",
            "engage_is_admin(integer)",
            "engage_may_send(integer)",
            "engage_has_role(integer, text[])",
        ):
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_campaign_approval_campaign_state", table_name="campaign_approval")
    op.drop_table("campaign_approval")
    op.drop_table("approval_rule")
    op.drop_table("audit_chain_head")
    # Entries may name apps and members removed since: the old foreign keys need them gone.
    op.execute("UPDATE audit_log SET member_id = NULL WHERE member_id NOT IN (SELECT id FROM member)")
    op.execute("UPDATE audit_log SET app_id = NULL WHERE app_id NOT IN (SELECT id FROM app)")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_index("ix_audit_seq")
        for name in ("entry_hash", "prev_hash", "member_login", "seq"):
            batch.drop_column(name)
        batch.create_foreign_key("fk_audit_log_member_id_member", "member", ["member_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_foreign_key("fk_audit_log_app_id_app", "app", ["app_id"], ["id"],
                                 ondelete="SET NULL")
