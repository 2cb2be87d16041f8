"""Issue 15's "Done when", from the app window alone, so it cannot regress: a new user adds an
app for their Firebase project, gives it a service account (picked in the file dialog), tests
the connection against the local Google over TLS, switches the app off the sandbox, invites a
colleague as analyst, and finds each of these in the audit log. The steps are clicks and typing
(``tests/support/admin_walkthrough.py``, which ``scripts/walkthrough_admin.py`` also runs to
take the screenshots); the assertions read the workspace and the keyring afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from engage_desktop.cli.gui_command import _credential_tools
from engage_desktop.core.credentials.admin import remove_credentials
from engage_desktop.core.team import list_members
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import App, AppCredential, Role
from engage_desktop.ui.main_window import MainWindow
from engage_desktop.ui.startup import attach_when_read
from tests.support.admin_walkthrough import AdminWalkthrough, Colleague
from tests.support.fake_google import FakeGoogle, make_service_account, secret_parts

PROJECT = "maison-lumiere-prod"
CLAIRE = Colleague("claire", "Claire Martin", "claire@maisonlumiere.fr")


@pytest.fixture
def window(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> Iterator[MainWindow]:
    """The app window on a new, empty workspace, filled in as ``engage-desktop gui`` does
    (the member's apps read on a worker, then this machine's keyring and connection test)."""
    ws = make_workspace()
    shown = MainWindow(qsettings)
    qtbot.addWidget(shown)
    shown.resize(1280, 760)
    shown.show()
    attach_when_read(shown, ws, _credential_tools)
    qtbot.waitUntil(
        lambda: shown.context is not None and shown.context.credentials is not None,
        timeout=20_000,
    )
    yield shown
    assert shown.context is not None
    for app in shown.context.apps:
        remove_credentials(ws, Vault.system(), app.id)  # the keyring outlives the test folder


def test_a_new_admin_connects_a_firebase_project_from_the_gui_alone(
    qtbot: QtBot, window: MainWindow, google: FakeGoogle, tmp_path: Path
) -> None:
    def wait(condition: Callable[[], bool], what: str) -> None:
        try:
            qtbot.waitUntil(condition, timeout=20_000)
        except qtbot.TimeoutError:
            raise AssertionError(f"walkthrough: {what} did not happen") from None

    info = make_service_account(PROJECT)
    google.trust(info)
    downloads = tmp_path / "Téléchargements"
    downloads.mkdir()
    key_file = downloads / f"{PROJECT}-firebase-adminsdk.json"
    key_file.write_text(json.dumps(info, indent=2))
    key_file.chmod(0o644)  # as a browser saves a download: readable by others
    walk = AdminWalkthrough(window, wait)

    walk.open_settings()
    walk.add_app("Maison Lumière", PROJECT, "fr.maisonlumiere.app", "Europe/Paris")
    dialog = walk.give_key(key_file)
    assert dialog.email.text() == info["client_email"]
    assert dialog.holders.rowCount() == 1  # this machine
    assert not dialog.mode_button.isEnabled()  # not before a passed test
    said = dialog.status_label.text()
    assert f"{key_file} can be read by other users" in said and "delete the file" in said
    said = walk.test_connection()
    assert "Connection test passed" in said
    assert google.token_requests >= 1 and len(google.validated) == 1
    walk.leave_sandbox()
    walk.invite(CLAIRE)
    log = walk.read_audit_log()

    ws = window.context.workspace if window.context is not None else None
    assert ws is not None
    with ws.session_factory() as session:
        (app,) = session.query(App).all()
        credential = session.get(AppCredential, app.id)
        assert (app.name, app.firebase_project_id, app.use_sandbox) == (
            "Maison Lumière",
            PROJECT,
            False,
        )
        assert app.android_packages == ["fr.maisonlumiere.app"]
        assert credential is not None and credential.key_id == info["private_key_id"]
        assert credential.tested_at is not None
    stored = Vault.system().get(credential.reference)
    assert stored is not None and json.loads(stored)["private_key"] == info["private_key"]
    team = {m.login: m.role for m in list_members(ws, app.id)}
    assert team[CLAIRE.login] == Role.ANALYST

    shown = [
        log.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        for row in range(log.model.rowCount())
        for column in range(log.model.columnCount())
    ]
    for action in (
        "App added",
        "Service-account key given",
        "Connection tested",
        "Sending mode changed",
        "Member added",
    ):
        assert action in shown, (action, shown)
    assert not any(part in str(cell) for part in secret_parts(info) for cell in shown)
