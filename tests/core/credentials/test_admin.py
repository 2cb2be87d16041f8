"""Setting, replacing, removing an app's key: keyring holds it, the workspace only its fingerprint.

Real gnome-keyring (the test session's) and real SQLite workspaces.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.credentials.admin import (
    credential_status,
    manageable_statuses,
    read_key,
    reference_for,
    remove_credentials,
    set_sending_mode,
    workspace_id,
)
from engage_desktop.core.credentials.connection import check_connection, set_credentials
from engage_desktop.core.credentials.key_file import parse_key
from engage_desktop.core.credentials.messages import CREDENTIAL_MESSAGES, CredentialError
from engage_desktop.core.credentials.testing import TestPlan, TestReport
from engage_desktop.core.progress import Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import (
    App,
    AppCredential,
    AuditEntry,
    CredentialHolder,
    Member,
    MemberRole,
    Role,
)
from tests.support.fake_google import make_service_account, secret_parts

PROJECT = "maison-test"
AT = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def vault() -> Vault:
    return Vault.system()


@pytest.fixture
def ws(make_workspace: Callable[..., Workspace]) -> Workspace:
    workspace = make_workspace()
    workspace.clock = FixedClock(AT)
    with workspace.session() as session:
        app = App(
            name="Maison Test", firebase_project_id=PROJECT, platforms=["ios"], use_sandbox=True
        )
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=workspace.member_id, app_id=app.id, role=Role.ADMIN))
    return workspace


def app_id_of(ws: Workspace) -> int:
    return ws.apps()[0].id


def as_role(ws: Workspace, role: Role) -> Workspace:
    with ws.session() as session:
        member = Member(login=f"{role.value}-login", display_name=role.value)
        session.add(member)
        session.flush()
        session.add(MemberRole(member_id=member.id, app_id=app_id_of(ws), role=role))
        member_id = member.id
    return Workspace(ws.location, ws.engine, member_id, ws.clock)


def entry_name(ws: Workspace, key_id: str) -> str:
    """The keyring entry of this workspace's app for that key."""
    with ws.session_factory() as session:
        return f"fcm-service-account:{workspace_id(session)}:{app_id_of(ws)}:{key_id}"


def key_file(folder: Path, info: dict[str, Any], name: str = "key.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(info))
    path.chmod(0o600)
    return path


def test_set_puts_the_key_in_the_keyring_and_only_the_fingerprint_in_the_database(
    ws: Workspace, vault: Vault, tmp_path: Path
) -> None:
    info = make_service_account(PROJECT)
    outcome = set_credentials(ws, vault, app_id_of(ws), key_file(tmp_path, info), host="poste-1")
    status = outcome.status
    assert (status.client_email, status.key_id, status.set_at) == (
        info["client_email"],
        info["private_key_id"],
        AT,
    )
    assert status.set_by == ws.member().login and status.tested_at is None
    assert [(h.host, h.current) for h in status.holders] == [("poste-1", True)]
    with ws.session_factory() as session:
        reference = reference_for(
            workspace_id(session), app_id_of(ws), parse_key(json.dumps(info), "k", PROJECT)
        )
    stored = vault.get(reference)
    assert stored is not None and json.loads(stored) == info
    database = Path(str(ws.location.sqlite_path)).read_bytes()
    wal = Path(str(ws.location.sqlite_path) + "-wal")
    database += wal.read_bytes() if wal.exists() else b""
    assert info["private_key_id"].encode() in database  # the fingerprint is there…
    assert not any(part.encode() in database for part in secret_parts(info))  # …the key is not
    with ws.session_factory() as session:
        (entry,) = session.scalars(select(AuditEntry).where(AuditEntry.action == "credentials.set"))
        assert entry.details == {
            "client_email": info["client_email"],
            "key_id": info["private_key_id"],
            "host": "poste-1",
        }
    remove_credentials(ws, vault, app_id_of(ws), host="poste-1")


def test_replacing_the_key_drops_the_old_copy_and_the_test_and_marks_old_holders(
    ws: Workspace, vault: Vault, tmp_path: Path
) -> None:
    app_id = app_id_of(ws)
    first, second = make_service_account(PROJECT), make_service_account(PROJECT)
    set_credentials(ws, vault, app_id, key_file(tmp_path, first, "a.json"), host="poste-1")
    set_credentials(ws, vault, app_id, key_file(tmp_path, first, "a.json"), host="poste-2")
    with ws.session() as session:
        row = session.get(AppCredential, app_id)
        assert row is not None
        row.tested_at, row.tested_host = AT, "poste-1"
    outcome = set_credentials(
        ws, vault, app_id, key_file(tmp_path, second, "b.json"), host="poste-1"
    )
    assert outcome.replaced and outcome.status.key_id == second["private_key_id"]
    assert outcome.status.tested_at is None  # a new key must pass its own test
    assert [(h.host, h.current) for h in outcome.status.holders] == [
        ("poste-1", True),
        ("poste-2", False),
    ]
    # poste-1's copy of the first key is gone; poste-2's keyring is another machine's (here the
    # same keyring, so the first key's entry was deleted with poste-1's replacement).
    first_ref = entry_name(ws, first["private_key_id"])
    assert vault.get(first_ref) is None
    removed = remove_credentials(ws, vault, app_id, host="poste-1")
    assert removed.removed_here and removed.other_hosts == ("poste-2",)
    status = credential_status(ws, app_id)
    assert not status.is_set and [(h.host, h.current) for h in status.holders] == [
        ("poste-2", False)
    ]
    second_ref = entry_name(ws, second["private_key_id"])
    assert vault.get(second_ref) is None


def test_a_key_of_another_project_is_refused_and_nothing_is_stored(
    ws: Workspace, vault: Vault, tmp_path: Path
) -> None:
    info = make_service_account("pixel-quest")
    with pytest.raises(CredentialError) as caught:
        set_credentials(ws, vault, app_id_of(ws), key_file(tmp_path, info))
    assert caught.value.code == "sa_wrong_project"
    assert vault.get(entry_name(ws, info["private_key_id"])) is None
    assert not credential_status(ws, app_id_of(ws)).is_set


def test_an_app_id_that_does_not_exist_is_named(
    ws: Workspace, vault: Vault, tmp_path: Path
) -> None:
    calls: list[Callable[[], object]] = [
        lambda: set_credentials(ws, vault, 999, tmp_path / "k.json"),
        lambda: remove_credentials(ws, vault, 999),
        lambda: credential_status(ws, 999),
        lambda: set_sending_mode(ws, 999, fcm=True),
        lambda: check_connection(ws, vault, 999, passing_tester, Progress()),
    ]
    for call in calls:
        with pytest.raises(CredentialError) as caught:
            call()
        assert (caught.value.code, str(caught.value)) == ("no_app", "No app with id 999.")


@pytest.mark.parametrize("role", [Role.MARKETER, Role.ANALYST])
def test_only_admins_see_set_test_remove_or_switch(
    ws: Workspace, vault: Vault, tmp_path: Path, role: Role
) -> None:
    app_id = app_id_of(ws)
    info = make_service_account(PROJECT)
    set_credentials(ws, vault, app_id, key_file(tmp_path, info), host="poste-1")
    other = as_role(ws, role)
    calls: list[Callable[[], object]] = [
        lambda: set_credentials(other, vault, app_id, key_file(tmp_path, info)),
        lambda: remove_credentials(other, vault, app_id),
        lambda: credential_status(other, app_id),
        lambda: set_sending_mode(other, app_id, fcm=False),
        lambda: check_connection(other, vault, app_id, passing_tester, Progress()),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as caught:
            call()
        assert caught.value.args_text[:2] == (role.value, "manage_credentials")
        assert caught.value.args_text[2:] == ("Maison Test",)  # the refusal names the app
    assert manageable_statuses(other) == []
    assert credential_status(ws, app_id).is_set  # nothing was removed
    remove_credentials(ws, vault, app_id, host="poste-1")


def passing_tester(plan: TestPlan, progress: Progress) -> TestReport:
    progress.report(1, 1)
    return TestReport(
        True, CREDENTIAL_MESSAGES.text("test_passed_topic", plan.app_name, plan.project_id)
    )


def failing_tester(plan: TestPlan, progress: Progress) -> TestReport:
    return TestReport(
        False,
        CREDENTIAL_MESSAGES.text("key_refused", plan.app_name, plan.project_id, "invalid_grant"),
    )


def test_leaving_the_sandbox_needs_a_passed_test(
    ws: Workspace, vault: Vault, tmp_path: Path
) -> None:
    app_id = app_id_of(ws)
    with pytest.raises(CredentialError) as caught:
        set_sending_mode(ws, app_id, fcm=True)
    assert caught.value.code == "not_tested"
    set_credentials(ws, vault, app_id, key_file(tmp_path, make_service_account(PROJECT)), host="h")
    with pytest.raises(CredentialError):
        set_sending_mode(ws, app_id, fcm=True)
    report = check_connection(ws, vault, app_id, failing_tester, Progress(), host="h")
    assert not report.passed
    with pytest.raises(CredentialError):
        set_sending_mode(ws, app_id, fcm=True)
    assert check_connection(ws, vault, app_id, passing_tester, Progress(), host="h").passed
    status = set_sending_mode(ws, app_id, fcm=True)
    assert not status.use_sandbox and status.tested_at == AT and status.tested_host == "h"
    assert set_sending_mode(ws, app_id, fcm=False).use_sandbox
    with ws.session_factory() as session:
        actions = list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions == [
        "credentials.set",
        "credentials.test",
        "credentials.test",
        "app.sending_mode",
        "app.sending_mode",
    ]
    remove_credentials(ws, vault, app_id, host="h")


def test_the_test_reads_this_machines_keyring_and_says_when_the_key_is_not_there(
    ws: Workspace, vault: Vault, tmp_path: Path
) -> None:
    app_id = app_id_of(ws)
    info = make_service_account(PROJECT)
    set_credentials(ws, vault, app_id, key_file(tmp_path, info), host="poste-1")
    seen: list[TestPlan] = []

    def tester(plan: TestPlan, progress: Progress) -> TestReport:
        seen.append(plan)
        return passing_tester(plan, progress)

    check_connection(ws, vault, app_id, tester, Progress(), host="poste-1")
    assert seen[0].key.info() == info and seen[0].device_token is None
    with ws.session_factory() as session:
        reference = session.scalars(select(CredentialHolder.reference)).one()
    vault.delete(reference)  # as on a second machine that was never given the key
    with pytest.raises(CredentialError) as caught:
        check_connection(ws, vault, app_id, tester, Progress(), host="poste-2")
    assert caught.value.code == "key_not_here"
    assert caught.value.args_text == ("Maison Test", PROJECT, "poste-2")
    remove_credentials(ws, vault, app_id, host="poste-1")


@pytest.mark.postgres
def test_a_shared_postgresql_workspace_lists_each_machine_holding_the_key(
    make_workspace: Callable[..., Workspace], pg_url: str, vault: Vault, tmp_path: Path
) -> None:
    """Two sending machines are given the same key (each keyring is its own; here both are the
    test session's): the workspace lists both, with the current key."""
    ws = make_workspace(pg_url)
    with ws.session() as session:
        app = App(
            name="Maison PG", firebase_project_id=PROJECT, platforms=["ios"], use_sandbox=True
        )
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=Role.ADMIN))
        app_id = app.id
    info = make_service_account(PROJECT)
    for host in ("envoi-paris", "envoi-lyon"):
        set_credentials(ws, vault, app_id, key_file(tmp_path, info), host=host)
    status = credential_status(ws, app_id)
    assert [(h.host, h.key_id, h.current) for h in status.holders] == [
        ("envoi-lyon", info["private_key_id"], True),
        ("envoi-paris", info["private_key_id"], True),
    ]
    assert status.set_by == ws.member().login
    outcome = remove_credentials(ws, vault, app_id, host="envoi-paris")
    assert outcome.other_hosts == ("envoi-lyon",)


def on_fcm_with_a_tested_key(ws: Workspace, vault: Vault, folder: Path) -> dict[str, Any]:
    info = make_service_account(PROJECT)
    set_credentials(ws, vault, app_id_of(ws), key_file(folder, info, "current.json"), host="h")
    assert check_connection(ws, vault, app_id_of(ws), passing_tester, Progress(), host="h").passed
    set_sending_mode(ws, app_id_of(ws), fcm=True)
    return info


def test_a_new_key_for_an_app_on_fcm_replaces_the_working_one_only_once_it_passes_its_test(
    ws: Workspace, vault: Vault, tmp_path: Path
) -> None:
    """Found by review: replacing the key of an app sending through FCM stored the new key
    untested and the service used it at once (the app stayed on FCM)."""
    app_id = app_id_of(ws)
    current = on_fcm_with_a_tested_key(ws, vault, tmp_path)
    new = make_service_account(PROJECT)
    new_file = key_file(tmp_path, new, "new.json")

    with pytest.raises(CredentialError) as caught:  # nobody to test it: refused
        set_credentials(ws, vault, app_id, new_file, host="h")
    assert caught.value.code == "replace_untested"

    tested: list[str] = []

    def refusing(plan: TestPlan, progress: Progress) -> TestReport:
        tested.append(plan.key.key_id)
        return failing_tester(plan, progress)

    outcome = set_credentials(ws, vault, app_id, new_file, tester=refusing, host="h")
    assert tested == [new["private_key_id"]]  # the new key was tested, from memory
    assert not outcome.stored and outcome.test is not None and not outcome.test.passed
    status = credential_status(ws, app_id)
    assert (status.key_id, status.tested_at, status.use_sandbox) == (
        current["private_key_id"],
        AT,
        False,
    )
    assert vault.get(entry_name(ws, new["private_key_id"])) is None
    assert vault.get(entry_name(ws, current["private_key_id"])) is not None

    outcome = set_credentials(ws, vault, app_id, new_file, tester=passing_tester, host="h")
    assert outcome.stored and outcome.replaced
    assert (outcome.status.key_id, outcome.status.tested_at, outcome.status.tested_host) == (
        new["private_key_id"],
        AT,
        "h",
    )
    assert vault.get(entry_name(ws, current["private_key_id"])) is None
    with ws.session_factory() as session:
        tests = session.scalars(
            select(AuditEntry.details).where(AuditEntry.action == "credentials.test")
        )
        assert [(d["key_id"], d["passed"]) for d in tests] == [
            (current["private_key_id"], True),
            (new["private_key_id"], False),
            (new["private_key_id"], True),
        ]
    remove_credentials(ws, vault, app_id, host="h")


def test_two_workspaces_on_one_machine_keep_their_own_copy_of_the_same_key(
    ws: Workspace, vault: Vault, tmp_path: Path, make_workspace: Callable[..., Workspace]
) -> None:
    """Found by review: entries were named by project and key id only, so removing a key in one
    workspace deleted the keyring entry another workspace on the machine still used."""
    other = make_workspace()
    with other.session() as session:
        app = App(name="Copie", firebase_project_id=PROJECT, platforms=["ios"], use_sandbox=True)
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=other.member_id, app_id=app.id, role=Role.ADMIN))
    info = make_service_account(PROJECT)
    path = key_file(tmp_path, info)
    set_credentials(ws, vault, app_id_of(ws), path, host="h")
    set_credentials(other, vault, app_id_of(other), path, host="h")
    remove_credentials(ws, vault, app_id_of(ws), host="h")
    with other.session_factory() as session:
        app_row = session.get(App, app_id_of(other))
        assert app_row is not None
        assert read_key(session, vault, app_row, "h").key_id == info["private_key_id"]
    remove_credentials(other, vault, app_id_of(other), host="h")
