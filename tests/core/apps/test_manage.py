"""Adding, editing and removing apps: checked, audited, and removal says what goes with it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from engage_desktop.core.apps.identity import AppError, AppIdentity
from engage_desktop.core.apps.manage import (
    AddAppRefused,
    add_app,
    edit_app,
    get_app,
    list_apps,
    removal_impact,
    remove_app,
)
from engage_desktop.core.team import add_member
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import AppNotFound, PermissionDenied
from engage_desktop.store.models import (
    App,
    AuditEntry,
    Campaign,
    Device,
    Event,
    Member,
    MemberRole,
    OutboxMessage,
    Profile,
    Role,
)

SHOP = AppIdentity(
    "Boutique",
    "boutique-prod",
    ("fr.boutique.app",),
    ("fr.boutique.ios",),
    "America/Martinique",
    b"\x89PNG-not-checked-here",
)


def _as(ws: Workspace, login: str) -> Workspace:
    with ws.session() as s:
        member_id = s.scalar(select(Member.id).where(Member.login == login))
    assert member_id is not None
    return Workspace(ws.location, ws.engine, member_id, ws.clock)


def test_the_first_member_adds_the_first_app_and_becomes_its_admin(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = add_app(ws, SHOP)
    [info] = list_apps(ws)
    assert (info.id, info.identity, info.grant.role, info.use_sandbox) == (
        app_id,
        SHOP,
        Role.ADMIN,
        True,
    )
    with ws.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "app.add")).one()
        assert entry.member_id == ws.member_id and entry.app_id == app_id
        assert entry.details["project_id"] == "boutique-prod"
        assert entry.details["icon_bytes"] == len(SHOP.icon_png or b"")


def test_only_admins_add_apps_and_members_see_only_their_apps(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    shop = add_app(ws, SHOP)
    add_app(ws, AppIdentity("Jeu", "jeu-prod"))
    add_member(ws, shop, "camille", Role.MARKETER)
    camille = _as(ws, "camille")
    assert [a.name for a in list_apps(camille)] == ["Boutique"]
    with pytest.raises(AddAppRefused) as caught:
        add_app(camille, AppIdentity("Autre", "autre-prod"))
    assert caught.value.code == "no_right_to_add"
    with pytest.raises(AppError) as taken:
        add_app(ws, AppIdentity("Boutique", "autre-prod"))
    assert taken.value.code == "name_taken"


def test_edit_keeps_what_changed_in_the_audit(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = add_app(ws, SHOP)
    edited = edit_app(ws, app_id, AppIdentity("Boutique FR", "boutique-prod", time_zone="UTC"))
    assert edited.identity.ios_bundle_ids == () and edited.identity.icon_png is None
    assert get_app(ws, app_id).identity.name == "Boutique FR"
    with ws.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "app.edit")).one()
    assert set(entry.details["changed"]) == {
        "name",
        "android_packages",
        "ios_bundle_ids",
        "time_zone",
        "icon_bytes",
    }
    assert entry.details["changed"]["name"] == {"from": "Boutique", "to": "Boutique FR"}


def test_a_marketer_cannot_edit_or_remove_and_nothing_changes(
    make_workspace: Callable[..., Workspace],
) -> None:
    ws = make_workspace()
    app_id = add_app(ws, SHOP)
    add_member(ws, app_id, "camille", Role.MARKETER)
    camille = _as(ws, "camille")
    with pytest.raises(PermissionDenied) as caught:
        edit_app(camille, app_id, AppIdentity("Pirate", "boutique-prod"))
    assert str(caught.value) == (
        "You have role 'marketer' on app 'Boutique', which does not allow 'manage_app'."
    )
    with pytest.raises(PermissionDenied):
        remove_app(camille, app_id, confirm_name="Boutique")
    assert get_app(ws, app_id).identity == SHOP


def test_an_app_id_that_does_not_exist_is_named(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    with pytest.raises(AppNotFound) as caught:
        get_app(ws, 42)
    assert str(caught.value) == "There is no app with id 42 in this workspace."
    assert (caught.value.code, caught.value.args_text) == ("app_not_found", ("42",))


def test_removal_says_what_goes_and_takes_it_all(demo_workspace: Workspace) -> None:
    ws = demo_workspace
    with ws.session() as s:
        expected = {
            "campaigns": s.scalar(select(func.count()).where(Campaign.app_id == 1)),
            "profiles": s.scalar(select(func.count()).where(Profile.app_id == 1)),
            "devices": s.scalar(select(func.count()).where(Device.app_id == 1)),
            "outbox_messages": s.scalar(select(func.count()).where(OutboxMessage.app_id == 1)),
            "members": s.scalar(select(func.count()).where(MemberRole.app_id == 1)),
        }
        other_profiles = s.scalar(select(func.count()).where(Profile.app_id == 2))
    impact = removal_impact(ws, 1)
    assert impact.app_name == "Maison Lumière"
    assert {k: v for k, v in impact.as_dict().items() if k in expected} == expected
    assert impact.profiles > 100 and impact.campaigns > 0 and impact.segments > 0
    with pytest.raises(AppError) as caught:
        remove_app(ws, 1, confirm_name="Maison")
    assert caught.value.code == "confirm_mismatch"
    assert removal_impact(ws, 1) == impact  # nothing went
    assert remove_app(ws, 1, confirm_name=" Maison Lumière ") == impact
    with ws.session() as s:
        assert s.get(App, 1) is None
        assert s.scalar(select(func.count()).where(Profile.app_id == 1)) == 0
        assert s.scalar(select(func.count()).where(Campaign.app_id == 1)) == 0
        assert s.scalar(select(func.count()).select_from(Event).join(Profile)) > 0  # app 2's
        assert s.scalar(select(func.count()).where(Profile.app_id == 2)) == other_profiles
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "app.remove")).one()
    assert (
        entry.details["name"] == "Maison Lumière" and entry.details["profiles"] == impact.profiles
    )
    assert [a.name for a in list_apps(ws)] == ["Pixel Quest"]


@pytest.mark.postgres
def test_add_edit_remove_on_postgresql(
    make_workspace: Callable[..., Workspace], pg_url: str
) -> None:
    ws = make_workspace(pg_url)
    app_id = add_app(ws, SHOP)
    edit_app(ws, app_id, AppIdentity("Boutique", "boutique-prod", ("fr.boutique.app",)))
    add_member(ws, app_id, "camille", Role.ANALYST)
    assert remove_app(ws, app_id, confirm_name="Boutique").members == 2
    assert list_apps(ws) == []
