"""The member's apps and grants, read in one go: only their apps, by name, each with its grant."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import update

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Grant, Permission
from engage_desktop.store.errors import WorkspaceBusyError
from engage_desktop.store.models import Member, MemberRole, Role
from tests.support.apps import add_app
from tests.support.slow_database import held_lock


def test_only_the_members_apps_by_name_each_with_its_grant(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    shop = add_app(ws, "Zinc Boutique", Role.MARKETER)
    game = add_app(ws, "Arcade", Role.ANALYST)
    add_app(ws, "Not mine", None)
    with ws.session() as session:
        session.execute(update(MemberRole).where(MemberRole.app_id == shop).values(approver=True))
        session.execute(update(Member).where(Member.id == ws.member_id).values(display_name="Léa"))
    access = read_member_access(ws)
    assert access.member_name == "Léa"
    assert [app.name for app in access.apps] == ["Arcade", "Zinc Boutique"]
    assert access.app_ids() == [game, shop]
    assert access.grant_on(shop) == Grant(Role.MARKETER, approver=True)
    assert Permission.APPROVE_SENDS in access.permissions_on(shop)
    assert Permission.EXPORT_ANALYTICS in access.permissions_on(game)
    assert access.permissions_on(None) == frozenset() and access.grant_on(None) is None


def test_a_read_kept_waiting_past_the_busy_timeout_says_the_workspace_is_busy(
    make_workspace: Callable[..., Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = make_workspace()
    add_app(ws, "Boutique", Role.MARKETER)
    monkeypatch.setenv("ENGAGE_SQLITE_BUSY_TIMEOUT_MS", "300")
    with held_lock(ws), pytest.raises(WorkspaceBusyError) as caught:
        read_member_access(ws)
    assert caught.value.code == "busy"
    assert read_member_access(ws).member_name  # once the other program is done, it reads
