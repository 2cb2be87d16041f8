"""Finding an app's devices and marking test devices, on a real demo workspace."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from engage_desktop.core.devices import DeviceError, find_devices, set_test_device
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.models import AuditEntry, Device, MemberRole, Profile, Role


def _some_profile(ws: Workspace) -> tuple[Profile, Device]:
    with ws.session() as session:
        device = session.scalars(
            select(Device)
            .where(Device.app_id == 1, Device.is_test.is_(False), Device.fcm_token.is_not(None))
            .order_by(Device.id)
        ).first()
        assert device is not None and device.profile_id is not None
        profile = session.get(Profile, device.profile_id)
        assert profile is not None
        session.expunge_all()
        return profile, device


def test_found_by_owner_email_or_token_start_and_never_shows_the_token(
    demo_workspace: Workspace,
) -> None:
    profile, device = _some_profile(demo_workspace)
    assert profile.email and device.fcm_token
    with demo_workspace.session() as session:
        by_email = find_devices(session, 1, profile.email.upper())
        by_token = find_devices(session, 1, device.fcm_token[:12])
    assert device.id in {r.id for r in by_email}
    assert [r.id for r in by_token] == [device.id]
    with demo_workspace.session() as session:
        assert find_devices(session, 1, "%") == []  # LIKE's wildcards are taken literally
    row = by_token[0]
    assert row.token_tail == "…" + device.fcm_token[-6:]
    assert device.fcm_token not in repr(row)
    assert row.profile_external_id == profile.external_id


def test_test_devices_come_first_and_can_be_listed_alone(demo_workspace: Workspace) -> None:
    with demo_workspace.session() as session:
        everything = find_devices(session, 1, limit=10)
        tests = find_devices(session, 1, test_only=True)
    assert tests and all(r.is_test for r in tests)
    assert [r.id for r in everything[: len(tests)]] == [r.id for r in tests]


def test_mark_and_unmark_with_a_label_and_an_audit_entry(demo_workspace: Workspace) -> None:
    _profile, device = _some_profile(demo_workspace)
    row = set_test_device(demo_workspace, 1, device.id, True, "  Pixel de Zoé ")
    assert (row.is_test, row.label) == (True, "Pixel de Zoé")
    with demo_workspace.session() as session:
        assert device.id in {r.id for r in find_devices(session, 1, test_only=True)}
    row = set_test_device(demo_workspace, 1, device.id, False)
    assert (row.is_test, row.label) == (False, "Pixel de Zoé")  # the label waits for next time
    with demo_workspace.session() as session:
        actions = session.scalars(
            select(AuditEntry.action).where(AuditEntry.target == f"device:{device.id}")
        ).all()
    assert actions == ["device.test_on", "device.test_off"]


def test_bad_requests_are_refused_clearly(demo_workspace: Workspace) -> None:
    _profile, device = _some_profile(demo_workspace)
    with pytest.raises(DeviceError, match="Device 999999 does not exist") as missing:
        set_test_device(demo_workspace, 1, 999_999, True)
    assert (missing.value.code, missing.value.args_text) == ("device_not_found", ("999999",))
    with pytest.raises(DeviceError, match="does not exist"):
        set_test_device(demo_workspace, 2, device.id, True)  # a device of another app
    with pytest.raises(DeviceError, match="at most 120 characters"):
        set_test_device(demo_workspace, 1, device.id, True, "x" * 121)
    with demo_workspace.session() as session:
        role = session.scalars(
            select(MemberRole).where(
                MemberRole.member_id == demo_workspace.member_id, MemberRole.app_id == 1
            )
        ).one()
        role.role = Role.ANALYST
    with pytest.raises(PermissionDenied):
        set_test_device(demo_workspace, 1, device.id, True)
    with demo_workspace.session() as session:
        assert session.get(Device, device.id).is_test is False  # type: ignore[union-attr]
