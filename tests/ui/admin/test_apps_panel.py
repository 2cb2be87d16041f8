"""Settings → Apps: list, add (with an icon), edit, remove with what goes, refusals shown."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

from keyring.backends.fail import Keyring as NoKeyring
from PIL import Image
from PySide6.QtCore import QLocale, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from engage_desktop.cli.provider_credentials import run_provider_test
from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.apps.manage import add_app, get_app, list_apps
from engage_desktop.core.credentials.connection import set_credentials
from engage_desktop.core.credentials.testing import CredentialTools
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.team import add_member
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import Member, Role
from engage_desktop.ui.admin.app_dialog import AppDialog
from engage_desktop.ui.admin.apps_panel import AppsPanel
from engage_desktop.ui.admin.remove_dialog import RemoveAppDialog
from engage_desktop.ui.context import UiContext
from tests.support.fake_google import make_service_account, over_the_network


def _panel(qtbot: QtBot, ws: Workspace, qsettings: QSettings) -> AppsPanel:
    panel = AppsPanel(UiContext(ws, qsettings, access=read_member_access(ws)))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done)
    return panel


def _as(ws: Workspace, login: str) -> Workspace:
    with ws.session() as s:
        member_id = s.scalar(select(Member.id).where(Member.login == login))
    assert member_id is not None
    return Workspace(ws.location, ws.engine, member_id, ws.clock)


def test_add_an_app_with_an_icon_and_the_switcher_follows(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings, tmp_path: Path
) -> None:
    ws = make_workspace()
    panel = _panel(qtbot, ws, qsettings)
    assert panel.table.rowCount() == 0 and panel.add_button.isVisibleTo(panel)
    assert not panel.edit_button.isVisibleTo(panel)  # administers no app yet
    changed: list[bool] = []
    panel.context.apps_changed.connect(lambda: changed.append(True))
    dialog = panel.add()
    dialog.name.setText("Boutique")
    dialog.project.setText("Boutique_Prod")
    dialog.android.setText("fr.boutique.app, fr.boutique.beta")
    dialog.time_zone.setCurrentText("America/Martinique")
    picture = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (30, 90, 200)).save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())
    dialog.load_icon(str(picture))
    assert dialog.icon_view.pixmap() is not None and not dialog.icon_view.pixmap().isNull()
    dialog.save()
    qtbot.waitUntil(lambda: "is not a Firebase project id" in dialog.message.text())
    assert dialog.project.hasFocus() or not dialog.isActiveWindow()
    dialog.project.setText("boutique-prod")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    [app] = list_apps(ws)
    assert app.identity.android_packages == ("fr.boutique.app", "fr.boutique.beta")
    assert app.identity.time_zone == "America/Martinique" and app.identity.icon_png
    qtbot.waitUntil(lambda: bool(changed))  # the member's apps are read again off the GUI thread
    assert [a.id for a in panel.context.apps] == [app.id]
    assert panel.table.item(0, 5).text() == "Local sandbox"
    assert not panel.table.item(0, 0).icon().isNull()


def test_edit_then_remove_with_what_goes(
    qtbot: QtBot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    panel = _panel(qtbot, demo_workspace, qsettings)
    assert [panel.table.item(r, 0).text() for r in range(2)] == ["Maison Lumière", "Pixel Quest"]
    panel.table.selectRow(0)
    dialog = panel.edit_selected()
    assert isinstance(dialog, AppDialog) and dialog.name.text() == "Maison Lumière"
    dialog.ios.setText("fr.maisonlumiere.ios")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert get_app(demo_workspace, 1).identity.ios_bundle_ids == ("fr.maisonlumiere.ios",)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done)
    panel.table.selectRow(0)
    remover = panel.remove_selected()
    assert isinstance(remover, RemoveAppDialog)
    qtbot.waitUntil(lambda: remover.impact is not None)
    assert remover.impact is not None
    text = remover.summary.text()
    profiles = QLocale().toString(remover.impact.profiles)  # "1,403": counts read as numbers
    assert f"{profiles} profiles with their events" in text
    assert "The audit log keeps its entries" in text
    assert not remover.remove_button.isEnabled()
    remover.confirm.setText("Maison")
    assert not remover.remove_button.isEnabled()
    remover.confirm.setText("Maison Lumière")
    assert remover.remove_button.isEnabled()
    with qtbot.waitSignal(remover.removed, timeout=30_000):
        remover.remove_button.click()
    assert [a.name for a in list_apps(demo_workspace)] == ["Pixel Quest"]
    qtbot.waitUntil(lambda: panel.context.app_id == 2)  # the switcher moved to the app left
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)


def test_a_marketer_sees_their_apps_only_and_no_admin_buttons(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    ws = make_workspace()
    shop = add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    add_app(ws, AppIdentity("Jeu", "jeu-prod"))
    add_member(ws, shop, "camille", Role.MARKETER)
    panel = _panel(qtbot, _as(ws, "camille"), qsettings)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 6).text() == "Marketer"
    for button in (panel.add_button, panel.edit_button, panel.remove_button):
        assert not button.isVisibleTo(panel)
    assert not panel.accounts_button.isVisibleTo(panel)
    assert panel.edit_selected() is None and panel.remove_selected() is None
    assert panel.accounts_of_selected() is None


def test_sms_and_email_accounts_wait_for_this_machines_keyring(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    """The admin's button is there at once, and usable once the keyring (made on a worker
    after start-up) reaches the context."""
    ws = make_workspace()
    add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    panel = _panel(qtbot, ws, qsettings)
    assert panel.accounts_button.isVisibleTo(panel) and not panel.accounts_button.isEnabled()
    assert panel.accounts_button.toolTip() == "Waiting for this machine's keyring…"
    panel.context.set_credentials(
        CredentialTools(Vault.system(), over_the_network, run_provider_test)
    )
    assert panel.accounts_button.isEnabled() and panel.accounts_button.toolTip() == ""
    dialog = panel.accounts_of_selected()
    assert dialog is not None and panel.dialog is dialog
    qtbot.waitUntil(lambda: dialog.status is not None)
    assert dialog.windowTitle() == "SMS and email accounts — Boutique"


def test_removing_an_app_says_which_secrets_stay_when_the_keyring_cannot_be_reached(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings, tmp_path: Path
) -> None:
    """The removal dialog counts the app's keyring entries before, and names those left after
    when this machine's keyring refuses (keyring's own "fail" backend, as on a server)."""
    ws = make_workspace()
    app_id = add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    key = tmp_path / "key.json"
    key.write_text(json.dumps(make_service_account("boutique-prod")))
    key.chmod(0o600)
    set_credentials(ws, Vault.system(), app_id, key)
    panel = AppsPanel(
        UiContext(
            ws,
            qsettings,
            access=read_member_access(ws),
            credentials=CredentialTools(Vault(NoKeyring()), over_the_network, run_provider_test),
        )
    )
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done)
    panel.table.selectRow(0)
    remover = panel.remove_selected()
    assert isinstance(remover, RemoveAppDialog)
    qtbot.waitUntil(lambda: remover.impact is not None)
    assert "its keys and passwords in this machine's keyring" in remover.summary.text()
    (entry,) = remover.impact.secrets_here if remover.impact else ()
    said: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        said.append(box.text())
        box.accept()

    remover.confirm.setText("Boutique")
    QTimer.singleShot(0, read_and_close)
    with qtbot.waitSignal(remover.removed, timeout=30_000):
        remover.remove_button.click()
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "keyring could not be reached" in said[0] and entry in said[0]
    assert Vault.system().delete(entry)  # what the person was told to do
