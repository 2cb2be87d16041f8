"""PostgreSQL lets an approver decide a send as core does, and nobody decide their own (0013).

Members connect as their own database roles: an admin, a marketer who asks, and a marketer who
holds the approver right. Before 0013 the database refused the approver (only admins could
write a decision) and let an admin write a decision in anyone's name.
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
from engage_desktop.store.location import resolve_workspace
from engage_desktop.store.models import Member, MemberRole, Role
from tests.support.sending import seed_app, seed_campaign

pytestmark = pytest.mark.postgres

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@dataclass
class Team:
    owner: Workspace
    app_id: int
    campaign_id: int
    engines: dict[str, Engine]
    workspaces: dict[str, Workspace]

    def sql(self, who: str, statement: str, **params: object) -> int:
        with self.engines[who].begin() as conn:
            return int(conn.execute(text(statement), params).rowcount)


MEMBERS = (
    ("admin", Role.ADMIN, False),
    ("asker", Role.MARKETER, False),
    ("approver", Role.MARKETER, True),
)


@pytest.fixture
def team(make_workspace: Callable[..., Workspace], pg_url: str) -> Iterator[Team]:
    owner = make_workspace(pg_url)
    app_id = seed_app(owner, 3)
    campaign_id = seed_campaign(owner, app_id)
    database = make_url(pg_url).database
    engines: dict[str, Engine] = {}
    workspaces: dict[str, Workspace] = {}
    for who, role, approver in MEMBERS:
        login = f"{database}_{who}"
        with owner.engine.begin() as conn:
            conn.execute(text(f'CREATE ROLE "{login}" LOGIN'))
            conn.execute(text(f'GRANT "{database}_members" TO "{login}"'))
        with owner.session() as session:
            member = Member(login=login, display_name=who.capitalize())
            session.add(member)
            session.flush()
            session.add(
                MemberRole(member_id=member.id, app_id=app_id, role=role, approver=approver)
            )
            member_id = member.id
        url = make_url(pg_url).set(username=login)
        engines[who] = create_engine(url)
        workspaces[who] = Workspace(
            resolve_workspace(url.render_as_string(False)), engines[who], member_id
        )
    with owner.session() as session:
        set_approval_threshold(session, owner.member_id, app_id, 1, T0)
    yield Team(owner, app_id, campaign_id, engines, workspaces)
    for engine in engines.values():
        engine.dispose()


def test_a_marketer_with_the_approver_right_approves_under_their_own_role(team: Team) -> None:
    workflow.submit(team.workspaces["asker"], team.campaign_id)
    workflow.approve(team.workspaces["approver"], team.campaign_id, "vu")
    assert start_send(team.workspaces["asker"], team.campaign_id).queued == 3


def test_nobody_writes_a_decision_in_someone_elses_name(team: Team) -> None:
    workflow.submit(team.workspaces["asker"], team.campaign_id)
    asker = team.workspaces["asker"].member_id
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "admin",
            "UPDATE campaign_approval SET state = 'approved', decided_by = :someone",
            someone=team.workspaces["approver"].member_id,
        )
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "approver",
            "UPDATE campaign_approval SET state = 'approved', decided_by = :asker",
            asker=asker,
        )


def test_nobody_decides_their_own_request_through_sql(team: Team) -> None:
    workflow.submit(team.workspaces["approver"], team.campaign_id)
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "approver",
            "UPDATE campaign_approval SET state = 'approved', "
            "decided_by = (SELECT id FROM member WHERE login = current_user)",
        )


def test_a_marketer_without_the_right_still_cannot_approve_nor_erase(team: Team) -> None:
    workflow.submit(team.workspaces["asker"], team.campaign_id)
    with pytest.raises(ProgrammingError, match="row-level security"):
        team.sql(
            "asker",
            "UPDATE campaign_approval SET state = 'approved', "
            "decided_by = (SELECT id FROM member WHERE login = current_user)",
        )
    workflow.reject(team.workspaces["approver"], team.campaign_id, "non")
    assert team.sql("asker", "DELETE FROM campaign_approval") == 0
    assert team.sql("admin", "DELETE FROM campaign_approval") == 1
