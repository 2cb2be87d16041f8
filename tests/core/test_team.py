"""Team and roles per app: add, grant, revoke, the approver right, and the last admin kept."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.apps.manage import add_app
from engage_desktop.core.team import (
    TeamError,
    add_member,
    grant,
    list_members,
    parse_role,
    revoke,
)
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.security.roles import Permission, can
from engage_desktop.store.models import AuditEntry, Member, Role


def _shop(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, int]:
    ws = make_workspace()
    return ws, add_app(ws, AppIdentity("Boutique", "boutique-prod"))


def _as(ws: Workspace, login: str) -> Workspace:
    with ws.session() as s:
        member_id = s.scalar(select(Member.id).where(Member.login == login))
    assert member_id is not None
    return Workspace(ws.location, ws.engine, member_id, ws.clock)


def test_add_grant_revoke_with_audit(make_workspace: Callable[..., Workspace]) -> None:
    ws, app = _shop(make_workspace)
    added = add_member(
        ws, app, " camille ", Role.ANALYST, display_name="Camille Roux", email="c@exemple.fr"
    )
    assert (added.login, added.display_name, added.role, added.approver) == (
        "camille",
        "Camille Roux",
        Role.ANALYST,
        False,
    )
    add_member(ws, app, "bruno", Role.MARKETER)
    me = ws.member().login
    assert [(m.login, m.role) for m in list_members(ws, app)] == [
        (me, Role.ADMIN),
        ("bruno", Role.MARKETER),
        ("camille", Role.ANALYST),
    ]
    assert grant(ws, app, "camille", Role.MARKETER, approver=True).approver
    assert grant(ws, app, "camille", Role.ANALYST).approver  # None keeps the flag
    revoke(ws, app, "bruno")
    assert [m.login for m in list_members(ws, app)] == [me, "camille"]
    with ws.session() as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert actions[-5:] == [
        "member.add",
        "member.add",
        "member.grant",
        "member.grant",
        "member.revoke",
    ]
    assert last is not None and last.target == "member:bruno"


def test_the_approver_flag_gives_approve_sends_and_nothing_else(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws, app = _shop(make_workspace)
    add_member(ws, app, "camille", Role.ANALYST, approver=True)
    add_member(ws, app, "bruno", Role.MARKETER)
    camille, bruno = _as(ws, "camille"), _as(ws, "bruno")
    with ws.session() as s:
        assert can(s, camille.member_id, app, Permission.APPROVE_SENDS)
        assert not can(s, camille.member_id, app, Permission.SEND_CAMPAIGNS)
        assert not can(s, bruno.member_id, app, Permission.APPROVE_SENDS)
        assert can(s, ws.member_id, app, Permission.APPROVE_SENDS)  # admins approve


@pytest.mark.parametrize("change", ["demote", "revoke"])
def test_the_last_admin_stays(make_workspace: Callable[..., Workspace], change: str) -> None:
    ws, app = _shop(make_workspace)
    me = ws.member().login
    with pytest.raises(TeamError) as caught:
        if change == "demote":
            grant(ws, app, me, Role.MARKETER)
        else:
            revoke(ws, app, me)
    assert caught.value.code == "last_admin"
    assert str(caught.value) == (
        f"'{me}' is the last admin of app 'Boutique': make someone else admin first, or nobody "
        "could manage the app any more."
    )
    assert [m.role for m in list_members(ws, app)] == [Role.ADMIN]
    add_member(ws, app, "camille", Role.ADMIN)
    grant(ws, app, me, Role.MARKETER)  # now someone else is admin
    camille = _as(ws, "camille")
    with pytest.raises(TeamError):
        revoke(camille, app, "camille")


def test_bad_input_is_named(make_workspace: Callable[..., Workspace]) -> None:
    ws, app = _shop(make_workspace)
    cases = [
        (lambda: add_member(ws, app, "  ", Role.ANALYST), "bad_login"),
        (lambda: add_member(ws, app, "a\tb", Role.ANALYST), "bad_login"),
        (lambda: add_member(ws, app, "zoe", Role.ANALYST, email="zoe@"), "bad_email"),
        (lambda: grant(ws, app, "nobody", Role.ANALYST), "no_member"),
        (lambda: revoke(ws, app, "nobody"), "no_member"),
        (lambda: parse_role("boss"), "bad_role"),
    ]
    for call, code in cases:
        with pytest.raises(TeamError) as caught:
            call()
        assert caught.value.code == code
    add_member(ws, app, "zoe", Role.ANALYST)
    with pytest.raises(TeamError, match="'zoe' is already on the team of app 'Boutique'"):
        add_member(ws, app, "zoe", Role.MARKETER)
    other = add_app(ws, AppIdentity("Jeu", "jeu-prod"))
    with pytest.raises(TeamError, match="'zoe' has no role on app 'Jeu'"):
        revoke(ws, other, "zoe")


def test_only_admins_change_the_team(make_workspace: Callable[..., Workspace]) -> None:
    ws, app = _shop(make_workspace)
    add_member(ws, app, "camille", Role.MARKETER)
    camille = _as(ws, "camille")
    assert len(list_members(camille, app)) == 2  # reading the team takes any role
    with pytest.raises(PermissionDenied, match="does not allow 'manage_team'"):
        grant(camille, app, "camille", Role.ADMIN)
    with pytest.raises(PermissionDenied):
        add_member(camille, app, "ami", Role.ADMIN)
    assert [m.role for m in list_members(ws, app)] == [Role.ADMIN, Role.MARKETER]
