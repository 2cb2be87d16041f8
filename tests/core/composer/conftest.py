"""A workspace with one app on which the current member is admin, and an analyst beside."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, Member, MemberRole, Role


@dataclass
class Team:
    admin: Workspace
    analyst: Workspace
    app_id: int


@pytest.fixture
def team(make_workspace: Callable[..., Workspace]) -> Team:
    ws = make_workspace()
    with ws.session() as session:
        app = App(name="Maison Lumière", firebase_project_id="lumiere-test")
        session.add(app)
        session.flush()
        analyst = Member(login="ana", display_name="Ana")
        session.add(analyst)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        session.add(MemberRole(member_id=analyst.id, app_id=app.id, role=Role.ANALYST))
        app_id, analyst_id = app.id, analyst.id
    return Team(ws, Workspace(ws.location, ws.engine, analyst_id, ws.clock), app_id)
