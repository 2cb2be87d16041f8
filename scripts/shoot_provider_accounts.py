"""Screenshots of Settings → Apps → "SMS and email accounts…": empty, filled and tested (with a
second machine holding an older secret), and a wrong auth token said in words.

Run it where the app finds a real keyring and a display (the test session gives both):

    dbus-run-session -- bash scripts/in-test-session.sh \
        python3 scripts/shoot_provider_accounts.py OUT_DIR [--lang fr] [--appearance dark]

Twilio is the local stand-in over TLS and the SMTP server a local aiosmtpd with STARTTLS, both
with a CA made for the run (tests/support), reached as on a real machine (ENGAGE_TWILIO_URL,
SSL_CERT_FILE). The workspace is a new one in a temporary folder; its secrets are removed from
the keyring at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support

SID = "AC" + "4f1c0a9e2b7d3c58" * 2
TOKEN = "shot-twilio-token"
PASSWORD = "shot-smtp-password"


def _wait(condition: Callable[[], bool], seconds: float = 30) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("shots: the dialog did not settle")
        QApplication.processEvents()
        time.sleep(0.02)
    end = time.monotonic() + 0.4
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="en", choices=("en", "fr"))
    parser.add_argument("--appearance", default="light", choices=("light", "dark"))
    args = parser.parse_args()

    from PySide6.QtCore import QSettings

    from engage_desktop.cli.gui_command import _credential_tools
    from engage_desktop.core.apps.identity import AppIdentity
    from engage_desktop.core.apps.manage import add_app, remove_app
    from engage_desktop.core.credentials.providers import set_provider_account
    from engage_desktop.core.member_access import read_member_access
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.security.vault import Vault
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.models import Provider
    from engage_desktop.ui.app import create_application
    from engage_desktop.ui.context import UiContext
    from engage_desktop.ui.provider_accounts.dialog import ProviderAccountsDialog
    from tests.support.smtp_server import MailServer, start_mail_server
    from tests.support.tls import make_test_ca
    from tests.support.twilio_server import FakeTwilio

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tag = f"{args.lang}-{args.appearance}"
    folder = Path(tempfile.mkdtemp(prefix="accounts-shots-"))
    ca = make_test_ca(folder / "ca")
    twilio = FakeTwilio(ca, SID, TOKEN).start()
    os.environ.update(twilio.env())
    mail = start_mail_server(ca, MailServer("news@maison-lumiere.fr", PASSWORD))

    app = create_application(sys.argv[:1], args.lang, args.appearance)
    ws = open_for_current_user(resolve_workspace(str(folder / "shop.sqlite")), create=True)
    app_id = add_app(ws, AppIdentity("Maison Lumière", "maison-lumiere-prod"))
    vault = Vault.system()
    elsewhere = Vault(vault.backend, service=f"{vault.service}-shots-atelier-2")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    context = UiContext(
        ws, settings, access=read_member_access(ws), credentials=_credential_tools()
    )
    dialog = ProviderAccountsDialog(context, context.credentials, app_id, "Maison Lumière")  # type: ignore[arg-type]
    dialog.show()

    def idle() -> bool:
        return dialog.job is not None and dialog.job.done and dialog.status is not None

    def shoot(name: str) -> None:
        _wait(idle)
        path = out / f"{name}-{tag}.png"
        dialog.grab().save(str(path))
        print(path)

    def click(button: object) -> None:
        button.click()  # type: ignore[attr-defined]
        _wait(idle)
        _wait(idle)  # a test's reload

    try:
        shoot("01-empty")
        sms, email = dialog.groups[Provider.TWILIO], dialog.groups[Provider.SMTP]
        twilio_settings = {"account_sid": SID, "sender": "+33757000123"}
        twilio_settings["stop_mention"] = "STOP au 36111"
        set_provider_account(  # an older token, on the shop's second sending machine
            ws, elsewhere, app_id, Provider.TWILIO, twilio_settings, "old", host="atelier-2"
        )
        for name, value in twilio_settings.items():
            sms.inputs[name].setText(value)  # type: ignore[union-attr]
        sms.secret.setText("a-wrong-token")
        click(sms.save_button)
        click(sms.test_button)
        shoot("03-wrong-token")
        sms.secret.setText(TOKEN)
        click(sms.save_button)
        click(sms.test_button)
        for name, value in {
            "host": "localhost",
            "port": str(mail.port),
            "user": "news@maison-lumiere.fr",
            "from_address": "Maison Lumière <news@maison-lumiere.fr>",
            "unsubscribe_base_url": "https://maison-lumiere.fr/desabonnement",
        }.items():
            email.inputs[name].setText(value)  # type: ignore[union-attr]
        email.secret.setText(PASSWORD)
        click(email.save_button)
        click(email.test_button)
        shoot("02-filled-tested")
    finally:
        dialog.close()
        remove_app(ws, app_id, confirm_name="Maison Lumière", vault=vault)
        for provider in Provider:
            from engage_desktop.core.credentials.admin import workspace_id
            from engage_desktop.core.credentials.providers import reference_for

            with ws.session_factory() as session:
                elsewhere.delete(reference_for(workspace_id(session), app_id, provider))
        ws.close()
        mail.stop()
        twilio.stop()
    app.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
