"""Settings → Apps → "SMS and email accounts…", driven with clicks and typing: a Twilio account
and an SMTP account are saved into this machine's keyring (the test session's gnome-keyring)
and tested against a local Twilio over TLS and a local aiosmtpd with STARTTLS, both with a CA
made by the test. Wrong secrets are said in words; a bad setting names its field; a test that
hangs can be cancelled. Then the sentinel: neither secret is in the workspace's files, the
audit log, the logs or anything the dialog showed.
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from engage_desktop.cli.provider_credentials import run_provider_test
from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.apps.manage import add_app, remove_app
from engage_desktop.core.credentials.admin import this_host
from engage_desktop.core.credentials.provider_status import accounts_status, save_account
from engage_desktop.core.credentials.testing import CredentialTools
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.vault import Vault
from engage_desktop.store.models import AuditEntry, ChannelAccount, Provider
from engage_desktop.ui.admin.apps_panel import AppsPanel
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.provider_accounts.dialog import ProviderAccountsDialog
from tests.support.fake_google import over_the_network
from tests.support.smtp_server import MailServer, start_mail_server
from tests.support.tls import TestCA, make_test_ca
from tests.support.twilio_server import FakeTwilio

SID = "AC" + "0123456789abcdef" * 2
TOKEN = "sentinel-twilio-token-5b2e9"
PASSWORD = "sentinel-smtp-password-77ad"
SECRETS = (TOKEN, PASSWORD, "wrong-token-8c1", "wrong-password-3f0")


@pytest.fixture
def ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestCA:
    """This process trusts the test CA the way a deployed machine trusts a corporate one."""
    made = make_test_ca(tmp_path / "ca")
    for name, value in made.env().items():
        monkeypatch.setenv(name, value)
    return made


@pytest.fixture
def twilio(ca: TestCA, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTwilio]:
    server = FakeTwilio(ca, SID, TOKEN).start()
    monkeypatch.setenv("ENGAGE_TWILIO_URL", server.url)
    yield server
    server.stop()


@pytest.fixture
def mail(ca: TestCA) -> Iterator[tuple[MailServer, int]]:
    box = MailServer("mailer", PASSWORD)
    controller = start_mail_server(ca, box)
    yield box, controller.port
    controller.stop()


@pytest.fixture
def panel(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> Iterator[AppsPanel]:
    """Settings → Apps on a workspace with one app, with this machine's keyring and the CLI
    layer's testers, as ``engage-desktop gui`` hands them over."""
    ws = make_workspace()
    app_id = add_app(ws, AppIdentity("Maison Lumière", "maison-lumiere"))
    tools = CredentialTools(Vault.system(), over_the_network, run_provider_test)
    context = UiContext(ws, qsettings, access=read_member_access(ws), credentials=tools)
    shown = AppsPanel(context)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.job is not None and shown.job.done)
    yield shown
    remove_app(ws, app_id, confirm_name="Maison Lumière", vault=Vault.system())  # the keyring
    # outlives the test folder


def _open(qtbot: QtBot, panel: AppsPanel) -> ProviderAccountsDialog:
    assert panel.accounts_button.isVisibleTo(panel) and panel.accounts_button.isEnabled()
    qtbot.mouseClick(panel.accounts_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ProviderAccountsDialog)
    _settle(qtbot, dialog)
    return dialog


def _settle(qtbot: QtBot, dialog: ProviderAccountsDialog) -> None:
    """Wait for the dialog's work (and the reload a test starts after it) to end."""

    def idle() -> bool:
        return dialog.job is not None and dialog.job.done and dialog.status is not None

    qtbot.waitUntil(idle, timeout=30_000)
    qtbot.wait(50)  # a finished test hands over to its reload: wait for that one too
    qtbot.waitUntil(idle, timeout=30_000)


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def _click(qtbot: QtBot, dialog: ProviderAccountsDialog, button: object) -> str:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    _settle(qtbot, dialog)
    return dialog.status_label.text()


def test_an_admin_connects_sms_and_email_from_the_gui_and_the_secrets_stay_in_the_keyring(
    qtbot: QtBot,
    panel: AppsPanel,
    twilio: FakeTwilio,
    mail: tuple[MailServer, int],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = _open(qtbot, panel)
    shown: list[str] = []
    sms = dialog.groups[Provider.TWILIO]
    assert sms.state.text() == "Not set" and not sms.test_button.isEnabled()
    _type(qtbot, sms.inputs["account_sid"], "AC12")  # type: ignore[arg-type]
    _type(qtbot, sms.inputs["sender"], "+33612345678")  # type: ignore[arg-type]
    _type(qtbot, sms.inputs["stop_mention"], "STOP au 36111")  # type: ignore[arg-type]
    _type(qtbot, sms.secret, "wrong-token-8c1")
    said = _click(qtbot, dialog, sms.save_button)
    assert said == "Account SID: “AC12” is not valid (expected AC + 32 hex digits).", said
    assert sms.inputs["account_sid"].hasFocus()
    assert (
        not accounts_status(panel.context.workspace, dialog.app_id).accounts[Provider.TWILIO].is_set
    )  # nothing stored

    _type(qtbot, sms.inputs["account_sid"], SID)  # type: ignore[arg-type]
    _type(qtbot, sms.secret, "wrong-token-8c1")
    shown.append(_click(qtbot, dialog, sms.save_button))
    assert shown[-1].startswith("Saved: the secret is in this machine's keyring"), shown[-1]
    assert sms.state.text().startswith("Set on ") and sms.secret.text() == ""
    assert sms.secret.placeholderText() == "Leave empty to keep the stored one"
    assert sms.holders.text().startswith(f"{this_host()} (this machine), since ")
    shown.append(_click(qtbot, dialog, sms.test_button))
    assert shown[-1] == (
        f"Twilio refused the Account SID {SID} with this auth token (TWILIO_20003: "
        "Authenticate): check both in the Twilio console."
    )
    assert sms.tested.text() == "Not tested"

    email = dialog.groups[Provider.SMTP]
    _type(qtbot, email.inputs["host"], "localhost")  # type: ignore[arg-type]
    _type(qtbot, sms.secret, TOKEN)
    shown.append(_click(qtbot, dialog, sms.save_button))
    shown.append(_click(qtbot, dialog, sms.test_button))
    assert email.inputs["host"].text() == "localhost"  # type: ignore[union-attr]  # kept
    assert shown[-1] == f"Twilio accepted the account {SID}: “Maison Lumière” is active."
    assert sms.tested.text().startswith("Passed on ") and this_host() in sms.tested.text()

    box, port = mail
    for name, value in {
        "host": "localhost",
        "port": str(port),
        "user": "mailer",
        "from_address": "news@maison-lumiere.fr",  # QTest types ASCII only
    }.items():
        _type(qtbot, email.inputs[name], value)  # type: ignore[arg-type]
    _type(qtbot, email.secret, "wrong-password-3f0")
    shown.append(_click(qtbot, dialog, email.save_button))
    assert "unsubscribe links is in this machine's keyring" in shown[-1], shown[-1]
    shown.append(_click(qtbot, dialog, email.test_button))
    assert shown[-1].startswith("The SMTP server localhost refused the login of mailer (535 ")
    assert shown[-1].endswith("check the user and the password."), shown[-1]
    _type(qtbot, email.secret, PASSWORD)
    shown.append(_click(qtbot, dialog, email.save_button))
    shown.append(_click(qtbot, dialog, email.test_button))
    assert shown[-1] == f"Connected to localhost:{port} and logged in as mailer."
    assert box.logins == 1

    # Reopened, the accounts show as saved; the secret fields stay empty.
    dialog.close()
    again = _open(qtbot, panel)
    assert again.groups[Provider.TWILIO].inputs["stop_mention"].text() == "STOP au 36111"  # type: ignore[union-attr]
    assert all(group.secret.text() == "" for group in again.groups.values())
    shown += [again.groups[p].holders.text() for p in Provider]
    shown += [again.groups[p].fingerprint.text() for p in Provider]

    ws = panel.context.workspace
    with ws.session_factory() as session:
        audit = [json.dumps(e.details) + e.action for e in session.query(AuditEntry)]
    assert any("credentials.provider_test" in entry for entry in audit)
    for secret in SECRETS:
        assert not any(secret in text for text in shown + audit)
        assert secret not in caplog.text
        for path in tmp_path.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path
    stored = accounts_status(ws, again.app_id).accounts
    vault = Vault.system()
    with ws.session_factory() as session:
        references = {p: session.get(ChannelAccount, (again.app_id, p)).reference for p in Provider}  # type: ignore[union-attr]
    assert vault.get(references[Provider.TWILIO]) == TOKEN  # where it should be
    assert vault.get(references[Provider.SMTP]) == PASSWORD
    assert stored[Provider.SMTP].tested_host == this_host()


def test_a_test_that_hangs_can_be_cancelled(
    qtbot: QtBot, panel: AppsPanel, ca: TestCA, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A "Twilio" that accepts the connection and never answers (the TLS handshake waits)."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    monkeypatch.setenv("ENGAGE_TWILIO_URL", f"https://127.0.0.1:{silent.getsockname()[1]}")
    try:
        dialog = _open(qtbot, panel)
        sms = dialog.groups[Provider.TWILIO]
        _type(qtbot, sms.inputs["account_sid"], SID)  # type: ignore[arg-type]
        _type(qtbot, sms.inputs["sender"], "MG" + "1" * 32)  # type: ignore[arg-type]
        _type(qtbot, sms.secret, TOKEN)
        _click(qtbot, dialog, sms.save_button)
        qtbot.mouseClick(sms.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.cancel_button.isVisible(), timeout=5_000)
        assert dialog.progress.isVisible() and not sms.save_button.isEnabled()
        qtbot.wait(300)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.job is not None and dialog.job.done, timeout=3_000)
        assert dialog.status_label.text() == "Test cancelled."
        assert not dialog.cancel_button.isVisible() and sms.save_button.isEnabled()
    finally:
        silent.close()


def test_the_dialog_lists_every_machine_holding_the_secret(
    qtbot: QtBot, backend_workspace: Workspace, qsettings: QSettings
) -> None:
    """On a shared (PostgreSQL) workspace: given on "atelier-1", then replaced on "atelier-2",
    the first machine is shown with an older secret to set again, and this machine (which
    holds none) is told to."""
    ws = backend_workspace
    app_id = add_app(ws, AppIdentity("Maison Lumière", "maison-lumiere"))
    system = Vault.system()
    machines = [Vault(system.backend, service=f"{system.service}-{n}") for n in ("a1", "a2")]
    settings = {"account_sid": SID, "sender": "+33612345678"}
    for vault, host, token in zip(
        machines, ("atelier-1", "atelier-2"), ("old", TOKEN), strict=True
    ):
        save_account(ws, vault, app_id, Provider.TWILIO, settings, token, host=host)
    tools = CredentialTools(system, over_the_network, run_provider_test)
    context = UiContext(ws, qsettings, access=read_member_access(ws), credentials=tools)
    dialog = ProviderAccountsDialog(context, tools, app_id, "Maison Lumière")
    qtbot.addWidget(dialog)
    try:
        qtbot.waitUntil(lambda: dialog.status is not None, timeout=20_000)
        lines = dialog.groups[Provider.TWILIO].holders.text().splitlines()
        assert lines[0] == "atelier-1: an older secret, set it again there"
        assert lines[1].startswith("atelier-2, since ")
        assert lines[2:] == ["Not this machine: type the secret here and save."]
        assert dialog.groups[Provider.SMTP].holders.text() == "—"
    finally:
        with ws.session_factory() as session:
            reference = session.get(ChannelAccount, (app_id, Provider.TWILIO)).reference  # type: ignore[union-attr]
        for vault in machines:
            vault.delete(reference)
