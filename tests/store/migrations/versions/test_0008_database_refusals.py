"""PostgreSQL itself refuses what a member's role may not do (migration 0008).

Members connect as their own database roles (here an admin, a marketer and an analyst of one
app, logging in as themselves); the workspace owner migrated the database. Audit rows cannot be
changed or deleted by anyone through SQL, campaign/outbox writes are limited by row-level
security to apps where the role may send, and nobody grants themselves a better role.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from engage_desktop.core.approvals import workflow
from engage_desktop.core.approvals.rules import set_approval_threshold
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.audit_chain import verify_chain
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.models import Member, MemberRole, Role
from tests.support.sending import seed_app, seed_campaign

pytestmark = pytest.mark.postgres

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@dataclass
class Team:
    owner: Workspace
    app_id: int
    other_app: int
    campaign_id: int
    engines: dict[str, Engine]
    workspaces: dict[str, Workspace]

    def sql(self, who: str, statement: str, **params: object) -> int:
        with self.engines[who].begin() as conn:
            return int(conn.execute(text(statement), params).rowcount)


@pytest.fixture
def team(make_workspace: Callable[..., Workspace], pg_url: str) -> Iterator[Team]:
    owner = make_workspace(pg_url)
    app_id = seed_app(owner, 3)
    other_app = seed_app(owner, 0, project="pixel-quest")
    campaign_id = seed_campaign(owner, app_id)
    database = make_url(pg_url).database
    engines: dict[str, Engine] = {}
    workspaces: dict[str, Workspace] = {}
    with owner.engine.begin() as conn:
        for who in ("admin", "marketer", "analyst"):
            login = f"{database}_{who}"
            conn.execute(text(f'CREATE ROLE "{login}" LOGIN'))
            conn.execute(text(f'GRANT "{database}_members" TO "{login}"'))
    for who, role in (
        ("admin", Role.ADMIN),
        ("marketer", Role.MARKETER),
        ("analyst", Role.ANALYST),
    ):
        login = f"{database}_{who}"
        with owner.session() as session:
            member = Member(login=login, display_name=who.capitalize())
            session.add(member)
            session.flush()
            session.add(MemberRole(member_id=member.id, app_id=app_id, role=role))
            member_id = member.id
        url = make_url(pg_url).set(username=login)
        engines[who] = create_engine(url)
        workspaces[who] = Workspace(
            resolve_workspace(url.render_as_string(False)), engines[who], member_id
        )
    with owner.session() as session:
        record(session, member_id=owner.member_id, app_id=app_id, action="app.create")
    yield Team(owner, app_id, other_app, campaign_id, engines, workspaces)
    for engine in engines.values():
        engine.dispose()


@pytest.mark.parametrize("who", ["admin", "marketer", "analyst"])
@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"],
)
def test_no_member_changes_or_deletes_audit_rows(team: Team, who: str, statement: str) -> None:
    with pytest.raises(ProgrammingError, match="permission denied"):
        team.sql(who, statement)


def test_not_even_the_owner_changes_audit_rows_without_disabling_the_trigger(team: Team) -> None:
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with (
            pytest.raises(ProgrammingError, match="append-only"),
            team.owner.engine.begin() as conn,
        ):
            conn.execute(text(statement))


def test_members_append_only_as_themselves(team: Team) -> None:
    ws = team.workspaces["analyst"]
    with ws.session() as session:  # an analyst's export is audited under their own name
        record(session, member_id=ws.member_id, app_id=team.app_id, action="report.export")
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "analyst",
            "INSERT INTO audit_log (seq, at, member_login, action, details, prev_hash, "
            "entry_hash) VALUES (999, now(), 'someone_else', 'x', '{}', 'a', 'b')",
        )
    with team.owner.session_factory() as session:
        assert verify_chain(session).ok


def test_an_analyst_writes_no_campaign_and_no_outbox_row(team: Team) -> None:
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "analyst",
            "INSERT INTO campaign (app_id, name, format, status, control_share, tags, "
            "created_at, updated_at) VALUES (:app, 'x', 'push', 'draft', 0, '[]', now(), now())",
            app=team.app_id,
        )
    assert team.sql("analyst", "UPDATE campaign SET status = 'sending'") == 0
    assert team.sql("analyst", "UPDATE campaign_variant SET content = '{}'") == 0
    assert team.sql("analyst", "DELETE FROM campaign") == 0
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "analyst",
            "INSERT INTO outbox_message (campaign_id, app_id, channel, message_id, state, "
            "attempts, created_at) VALUES (:c, :app, 'push', 'ed-x', 'queued', 0, now())",
            c=team.campaign_id,
            app=team.app_id,
        )


def test_a_marketer_writes_only_in_apps_where_they_may_send(team: Team) -> None:
    insert = (
        "INSERT INTO campaign (app_id, name, format, status, control_share, tags, created_at, "
        "updated_at) VALUES (:app, 'x', 'push', 'draft', 0, '[]', now(), now())"
    )
    assert team.sql("marketer", insert, app=team.app_id) == 1
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql("marketer", insert, app=team.other_app)
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql("marketer", "UPDATE campaign SET app_id = :app", app=team.other_app)


def test_nobody_gives_themselves_a_better_role_or_forges_an_approval(team: Team) -> None:
    assert team.sql("analyst", "UPDATE member_role SET role = 'admin'") == 0
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "marketer",
            "INSERT INTO member_role (member_id, app_id, role) "
            "SELECT id, :app, 'admin' FROM member WHERE login = current_user",
            app=team.other_app,
        )
    with team.owner.session() as session:
        set_approval_threshold(session, team.owner.member_id, team.app_id, 1, T0)
    assert team.sql("marketer", "DELETE FROM approval_rule") == 0
    workflow.submit(team.workspaces["marketer"], team.campaign_id)
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql("marketer", "UPDATE campaign_approval SET state = 'approved'")
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "marketer",
            "INSERT INTO campaign_approval (campaign_id, app_id, state, fingerprint, "
            "recipients, requested_at) VALUES (:c, :app, 'approved', 'f', 1, now())",
            c=team.campaign_id,
            app=team.app_id,
        )


def test_the_workflow_runs_under_the_members_own_roles(team: Team) -> None:
    """The policies refuse the dangerous paths, not the product's ordinary use."""
    with team.owner.session() as session:
        set_approval_threshold(session, team.owner.member_id, team.app_id, 1, T0)
    workflow.submit(team.workspaces["marketer"], team.campaign_id)
    workflow.approve(team.workspaces["admin"], team.campaign_id, "ok")
    assert start_send(team.workspaces["marketer"], team.campaign_id).queued == 3
    with team.owner.session_factory() as session:
        assert verify_chain(session).ok
