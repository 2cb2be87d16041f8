"""Issue 15's "Done when" in screenshots: a new user, from the app window alone, adds an app for
their Firebase project, gives it a service account, tests the connection, switches it off the
sandbox, invites a colleague as analyst, and reads all of it in the audit log.

Run it where the app finds a real keyring and a display (the test session gives both):

    dbus-run-session -- bash scripts/in-test-session.sh \
        python3 scripts/walkthrough_admin.py OUT_DIR [--lang fr] [--appearance dark]

"Google" is the local token endpoint and FCM stand-in over TLS with a CA made for the run
(tests/support/fake_google.py), reached through this machine's ENGAGE_FCM_URL /
ENGAGE_FCM_TOKEN_URL overrides, as on a real sending machine. The workspace is a new, empty
one in a temporary folder. The steps themselves live in tests/support/admin_walkthrough.py,
which tests/ui/test_admin_walkthrough.py runs without screenshots.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support

PROJECT = "maison-lumiere-prod"


def _settle(seconds: float = 0.4) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _wait(condition: Callable[[], bool], what: str) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"walkthrough: {what} did not happen within 60 s")
        QApplication.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lang", default="en", choices=("en", "fr"))
    parser.add_argument("--appearance", default="light", choices=("light", "dark"))
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from engage_desktop.cli.gui_command import _credential_tools
    from engage_desktop.core.credentials.admin import remove_credentials
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.security.vault import Vault
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.ui.app import create_application
    from engage_desktop.ui.main_window import MainWindow
    from engage_desktop.ui.startup import attach_when_read
    from tests.support.admin_walkthrough import AdminWalkthrough, Colleague
    from tests.support.fake_google import FakeGoogle, make_service_account
    from tests.support.tls import make_test_ca

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tag = f"{args.lang}-{args.appearance}"
    folder = Path(tempfile.mkdtemp(prefix="walkthrough-"))
    google = FakeGoogle(make_test_ca(folder / "ca")).start()
    os.environ.update(google.env())
    info = make_service_account(PROJECT)
    google.trust(info)
    downloads = folder / "Téléchargements"
    downloads.mkdir()
    key_file = downloads / f"{PROJECT}-firebase-adminsdk.json"
    key_file.write_text(json.dumps(info, indent=2))
    key_file.chmod(0o644)  # as a browser saves a download: readable by others

    app = create_application(sys.argv[:1], args.lang, args.appearance)
    window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 760)
    window.show()
    ws = open_for_current_user(resolve_workspace(str(folder / "new.sqlite")), create=True)
    attach_when_read(window, ws, _credential_tools)
    _wait(
        lambda: window.context is not None and window.context.credentials is not None,
        "the window filled in",
    )

    def shoot(widget: QWidget, name: str) -> None:
        _settle()
        path = out / f"{name}-{tag}.png"
        widget.grab().save(str(path))
        print(path)

    walk = AdminWalkthrough(window, _wait, shoot)
    try:
        walk.open_settings()
        walk.add_app("Maison Lumière", PROJECT, "fr.maisonlumiere.app", "Europe/Paris")
        walk.give_key(key_file)
        walk.test_connection()
        walk.leave_sandbox()
        walk.invite(Colleague("claire", "Claire Martin", "claire@maisonlumiere.fr"))
        walk.read_audit_log()
    except BaseException:
        shoot(window, "failed")
        raise
    finally:
        if window.context is not None and window.context.apps:
            remove_credentials(ws, Vault.system(), window.context.apps[0].id)
        google.stop()
    app.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
