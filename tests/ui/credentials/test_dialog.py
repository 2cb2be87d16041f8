"""Settings → Firebase credentials and its dialog, against the real keyring and a local Google
over TLS: choose a key, see its fingerprint and holders, test, switch off the sandbox. Marketers
never see it. Screenshots in English and French, light and dark, in /tmp/shots/admin-keyring."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from engage_desktop.cli.provider_credentials import run_provider_test
from engage_desktop.core.credentials.admin import remove_credentials
from engage_desktop.core.credentials.connection import set_credentials
from engage_desktop.core.credentials.testing import CredentialTools
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import App, MemberRole, Role
from engage_desktop.ui.appearance import apply_appearance
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.credentials.dialog import CredentialsDialog
from engage_desktop.ui.pages.settings import SettingsPage
from tests.support.fake_google import FakeGoogle, make_service_account, over_the_network

PROJECT = "maison-lumiere-prod"
SHOTS = Path("/tmp/shots/admin-keyring")


def context_for(ws: Workspace, tmp_path: Path, role: Role) -> UiContext:
    with ws.session() as session:
        app = App(
            name="Maison Lumière", firebase_project_id=PROJECT, platforms=["ios"], use_sandbox=True
        )
        session.add(app)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=app.id, role=role))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return UiContext(
        ws,
        settings,
        credentials=CredentialTools(Vault.system(), over_the_network, run_provider_test),
        access=read_member_access(ws),
    )


def key_file(folder: Path, info: dict[str, Any], name: str = "cle.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(info))
    path.chmod(0o600)
    return path


def shoot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def idle(dialog: CredentialsDialog) -> bool:
    return dialog._job is not None and dialog._job.done


@pytest.mark.parametrize(
    ("language", "appearance"), [("en", "light"), ("en", "dark"), ("fr", "light"), ("fr", "dark")]
)
def test_choose_test_and_switch_off_the_sandbox(
    make_workspace: Callable[..., Workspace],
    google: FakeGoogle,
    qtbot: QtBot,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    language: str,
    appearance: str,
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_appearance(app, appearance)
    ws = make_workspace()
    context = context_for(ws, tmp_path, Role.ADMIN)
    app_id = context.apps[0].id
    suffix = f"{language}_{appearance}"
    try:
        page = SettingsPage(context)
        qtbot.addWidget(page)
        page.resize(900, 700)
        page.show()
        qtbot.waitUntil(page.credentials.isVisible, timeout=10_000)
        summary = page.credentials.summary.text()
        assert (
            "no service-account key yet" if language == "en" else "pas encore de clé"
        ) in summary
        shoot(page, f"settings_{suffix}")

        dialog = CredentialsDialog(context, context.credentials, app_id)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.status is not None, timeout=10_000)
        assert not dialog.mode_button.isEnabled() and not dialog.test_button.isEnabled()

        wrong = key_file(tmp_path, make_service_account("pixel-quest"), "autre.json")
        dialog.set_key_file(str(wrong))
        qtbot.waitUntil(lambda: idle(dialog) and bool(dialog.status_label.text()), timeout=10_000)
        error = dialog.status_label.text()
        expected = (
            "belongs to project" if language == "en" else "appartient au projet « pixel-quest »"
        )
        assert str(wrong) in error and expected in error
        shoot(dialog, f"dialog_wrong_key_{suffix}")

        info = make_service_account(PROJECT)
        google.trust(info)
        dialog.set_key_file(str(key_file(tmp_path, info)))
        qtbot.waitUntil(lambda: dialog.email.text() == info["client_email"], timeout=10_000)
        assert dialog.key_id.text() == info["private_key_id"]
        assert dialog.holders.rowCount() == 1
        assert dialog.test_button.isEnabled() and not dialog.mode_button.isEnabled()

        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.mode_button.isEnabled(), timeout=20_000)
        passed = "Connection test passed" if language == "en" else "Test de connexion réussi"
        qtbot.waitUntil(lambda: passed in dialog.status_label.text(), timeout=10_000)
        assert len(google.validated) == 1
        shoot(dialog, f"dialog_tested_{suffix}")

        dialog.switch_mode()
        qtbot.waitUntil(
            lambda: dialog.status is not None and not dialog.status.use_sandbox, timeout=10_000
        )
        with ws.session_factory() as session:
            stored = session.get(App, app_id)
            assert stored is not None and not stored.use_sandbox
        shoot(dialog, f"dialog_fcm_{suffix}")
        shown = " ".join(w.text() for w in (dialog.email, dialog.key_id, dialog.status_label))
        body = "".join(info["private_key"].splitlines()[1:-1])
        assert body[40:70] not in shown
    finally:
        apply_appearance(app, "light")
        remove_credentials(ws, Vault.system(), app_id)


def test_a_revoked_key_fails_the_test_and_keeps_the_sandbox(
    make_workspace: Callable[..., Workspace], google: FakeGoogle, qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    context = context_for(ws, tmp_path, Role.ADMIN)
    app_id = context.apps[0].id
    info = make_service_account(PROJECT)
    google.trust(info)
    google.refuse_key(info["client_email"], 401)
    dialog = CredentialsDialog(context, context.credentials, app_id)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    try:
        qtbot.waitUntil(lambda: dialog.status is not None, timeout=10_000)
        dialog.set_key_file(str(key_file(tmp_path, info)))
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
        dialog.test_connection()
        qtbot.waitUntil(lambda: "was refused" in dialog.status_label.text(), timeout=20_000)
        assert "revoked or deleted" in dialog.status_label.text()
        assert not dialog.mode_button.isEnabled()
    finally:
        remove_credentials(ws, Vault.system(), app_id)


def test_a_new_key_on_an_app_sending_through_fcm_is_tested_before_it_is_used(
    make_workspace: Callable[..., Workspace], google: FakeGoogle, qtbot: QtBot, tmp_path: Path
) -> None:
    """Found by review: choosing a new key file for an app on FCM replaced the working key at
    once, untested. The dialog now tests it first and keeps the working key when it fails."""
    ws = make_workspace()
    context = context_for(ws, tmp_path, Role.ADMIN)
    app_id = context.apps[0].id
    current, new = make_service_account(PROJECT), make_service_account(PROJECT)
    google.trust(current)
    dialog = CredentialsDialog(context, context.credentials, app_id)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    try:
        qtbot.waitUntil(lambda: dialog.status is not None, timeout=10_000)
        dialog.set_key_file(str(key_file(tmp_path, current)))
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.mode_button.isEnabled(), timeout=20_000)
        dialog.switch_mode()
        qtbot.waitUntil(
            lambda: dialog.status is not None and not dialog.status.use_sandbox, timeout=10_000
        )

        dialog.set_key_file(str(key_file(tmp_path, new, "nouvelle.json")))
        qtbot.waitUntil(lambda: "is not stored" in dialog.status_label.text(), timeout=20_000)
        assert dialog.key_id.text() == current["private_key_id"]

        google.trust(new)
        dialog.set_key_file(str(key_file(tmp_path, new, "nouvelle.json")))
        qtbot.waitUntil(lambda: dialog.key_id.text() == new["private_key_id"], timeout=20_000)
        assert "passed the connection test and is now in use" in dialog.status_label.text()
        assert dialog.status is not None and dialog.status.tested_at is not None
    finally:
        remove_credentials(ws, Vault.system(), app_id)


def test_marketers_never_see_credentials(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    context = context_for(ws, tmp_path, Role.MARKETER)
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.wait(300)  # the box asks off the GUI thread, then stays hidden
    assert not page.credentials.isVisible()
    assert page.credentials.summary.text() == ""


@pytest.mark.postgres
def test_on_a_shared_postgresql_workspace_the_dialog_lists_every_machine_holding_the_key(
    make_workspace: Callable[..., Workspace], pg_url: str, qtbot: QtBot, tmp_path: Path
) -> None:
    """The issue: "the GUI shows which machines hold it". Two sending machines were given the
    key (each ran `credentials set` there); an admin at a third sees both, the current key."""
    ws = make_workspace(pg_url)
    context = context_for(ws, tmp_path, Role.ADMIN)
    app_id = context.apps[0].id
    path = key_file(tmp_path, make_service_account(PROJECT))
    vault = Vault.system()
    for host in ("envoi-1", "envoi-2"):
        set_credentials(ws, vault, app_id, path, host=host)
    dialog = CredentialsDialog(context, context.credentials, app_id)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    try:
        qtbot.waitUntil(lambda: dialog.holders.rowCount() == 2, timeout=10_000)
        rows = [[dialog.holders.item(row, column).text() for column in (0, 1)] for row in range(2)]
        assert sorted(rows) == [["envoi-1", "current key"], ["envoi-2", "current key"]]
    finally:
        remove_credentials(ws, vault, app_id)
