"""Settings: connect a real Firebase project from the GUI alone; a marketer's words.

The whole path of issue 15's "done when": add an app for the project, give it a service
account, test the connection (a token and a validate-only send to the local Google over TLS,
the real, non-sandbox path), switch it off the sandbox, invite a colleague as analyst, and find
every step in the audit log. Screenshots of each step (English light, French dark) go to
test-artifacts/ui/pages/settings/ for review. Settings speaks a marketer's words: what the
workspace holds, never raw table names.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from engage_desktop.cli.provider_credentials import run_provider_test
from engage_desktop.core.credentials.testing import CredentialTools
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.team import list_members
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.migrate import head_revision
from engage_desktop.store.models import Base, Role
from engage_desktop.ui.appearance import apply_appearance
from engage_desktop.ui.audit.audit_dialog import AuditLogDialog
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.credentials.dialog import CredentialsDialog
from engage_desktop.ui.pages.settings import SettingsPage
from tests.support.fake_google import FakeGoogle, make_service_account, over_the_network

PROJECT = "maison-lumiere-prod"


class Shooter:
    def __init__(self, folder: Path, suffix: str) -> None:
        self.folder, self.suffix, self.count = folder, suffix, 0

    def __call__(self, widget: QWidget, name: str) -> None:
        QApplication.processEvents()
        self.count += 1
        widget.grab().save(str(self.folder / f"{self.count:02d}_{name}_{self.suffix}.png"))


@pytest.mark.parametrize(("language", "appearance"), [("en", "light"), ("fr", "dark")])
def test_an_admin_connects_a_firebase_project_from_the_gui_alone(
    make_workspace: Callable[..., Workspace],
    google: FakeGoogle,
    qtbot: QtBot,
    tmp_path: Path,
    shots: Path,
    request: pytest.FixtureRequest,
    language: str,
    appearance: str,
) -> None:
    if language == "fr":
        request.getfixturevalue("french")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_appearance(app, appearance)
    shoot = Shooter(shots, f"{language}_{appearance}")
    ws = make_workspace()  # a new workspace: its first member administers every app
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = UiContext(
        ws,
        settings,
        credentials=CredentialTools(Vault.system(), over_the_network, run_provider_test),
        access=read_member_access(ws),
    )
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    app_id: int | None = None
    try:
        # 1. Settings → Apps → Add: the Firebase project.
        page.tabs.setCurrentWidget(page.apps)
        qtbot.waitUntil(lambda: page.apps.job is not None and page.apps.job.done)
        add = page.apps.add()
        add.name.setText("Maison Lumière")
        add.project.setText(PROJECT)
        add.android.setText("fr.maisonlumiere.app")
        add.ios.setText("fr.maisonlumiere.ios")
        shoot(add, "add_app")
        with qtbot.waitSignal(add.saved, timeout=10_000):
            add.save()
        qtbot.waitUntil(lambda: page.apps.table.rowCount() == 1, timeout=10_000)
        qtbot.waitUntil(lambda: context.current_app() is not None, timeout=10_000)
        current = context.current_app()
        assert current is not None and current.firebase_project_id == PROJECT
        app_id = current.id
        shoot(page, "apps")

        # 2–4. Its service account: choose the key file, test, leave the sandbox.
        page.tabs.setCurrentIndex(0)
        qtbot.waitUntil(page.credentials.isVisible, timeout=10_000)
        info = make_service_account(PROJECT)
        google.trust(info)
        key = tmp_path / "maison-lumiere-prod-firebase-adminsdk.json"
        key.write_text(json.dumps(info))
        key.chmod(0o600)
        page.credentials.open_dialog()
        dialog = page.credentials.dialog
        assert isinstance(dialog, CredentialsDialog)
        qtbot.waitUntil(lambda: dialog.status is not None, timeout=10_000)
        dialog.set_key_file(str(key))
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
        shoot(dialog, "key_given")
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.mode_button.isEnabled(), timeout=20_000)
        assert len(google.validated) == 1  # FCM itself (validate_only) accepted the credentials
        shoot(dialog, "tested")
        dialog.switch_mode()
        qtbot.waitUntil(
            lambda: dialog.status is not None and not dialog.status.use_sandbox, timeout=10_000
        )
        shoot(dialog, "on_fcm")
        dialog.accept()

        # 5. Settings → Team: invite a colleague as analyst.
        page.tabs.setCurrentWidget(page.team)
        qtbot.waitUntil(lambda: page.team.job is not None and page.team.job.done)
        invite = page.team.add()
        assert invite is not None
        invite.login.setText("camille.roux")
        invite.display_name.setText("Camille Roux")
        invite.email.setText("camille.roux@maisonlumiere.fr")
        invite.role.setCurrentIndex(invite.role.findData("analyst"))
        shoot(invite, "invite")
        with qtbot.waitSignal(invite.saved, timeout=10_000):
            invite.save()
        qtbot.waitUntil(lambda: page.team.table.rowCount() == 2, timeout=10_000)
        assert [(m.login, m.role) for m in list_members(ws, app_id)][1] == (
            "camille.roux",
            Role.ANALYST,
        )
        shoot(page, "team")

        # 6. Settings → Audit log: every step is there, and the chain holds.
        page.tabs.setCurrentWidget(page.audit)
        qtbot.waitUntil(page.audit.open_button.isVisible, timeout=10_000)
        page.audit.open_log()
        log = page.audit.dialog
        assert isinstance(log, AuditLogDialog)
        log.resize(1100, 560)
        qtbot.waitUntil(lambda: log.model.rowCount() >= 5, timeout=10_000)
        actions = {row.action for row in log.model.rows}
        assert {
            "app.add",
            "credentials.set",
            "credentials.test",
            "app.sending_mode",
        } <= actions, actions
        assert "member.add" in actions
        shoot(log, "audit_log")
    finally:
        apply_appearance(app, "light")
        if app_id is not None:
            from engage_desktop.core.credentials.admin import remove_credentials

            remove_credentials(ws, Vault.system(), app_id)


def test_workspace_figures_have_readable_labels(admin_context: UiContext, qtbot: QtBot) -> None:
    # Fault: Settings listed raw table names (event_daily, outbox_message, audit_chain_head…).
    page = SettingsPage(admin_context)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.counts.rowCount() > 0, timeout=10_000)
    shown = [page.counts.item(row, 0).text() for row in range(page.counts.rowCount())]
    tables = {table.name for table in Base.metadata.sorted_tables}
    assert not tables & set(shown), shown
    assert "Contacts" in shown and "Campaigns" in shown
    headers = [page.counts.horizontalHeaderItem(i).text() for i in range(2)]
    assert "Table" not in headers and "Rows" not in headers


def test_the_schema_and_size_show_without_counting_rows(
    admin_context: UiContext, qtbot: QtBot
) -> None:
    # Seen on screen: "Schema version" and "Size on disk" stayed empty until "Count rows".
    page = SettingsPage(admin_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.size_label.text().endswith("MB"), timeout=10_000)
    assert head_revision() in page.schema.text()
    assert page.counts.rowCount() == 0  # counting a large workspace waits for the button
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.counts.rowCount() > 0, timeout=10_000)
