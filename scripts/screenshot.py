"""Save a screenshot of the main window on a workspace (for the README and for reviews).

xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshot.py WORKSPACE OUT.png [--lang fr] [--page audiences [--tab segments]] [--appearance dark]
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QSettings, QTemporaryDir
from PySide6.QtWidgets import QApplication


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("workspace")
    parser.add_argument("out")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--page", default="campaigns")
    parser.add_argument("--appearance", default="light", choices=("system", "light", "dark"))
    parser.add_argument("--tab", help="a tab of the page, e.g. segments on audiences")
    args = parser.parse_args()

    from engage_desktop.cli.gui_command import _credential_tools
    from engage_desktop.core.member_access import read_member_access
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.ui.app import create_application
    from engage_desktop.ui.context import UiContext
    from engage_desktop.ui.main_window import MainWindow

    app = create_application(sys.argv[:1], args.lang, args.appearance)
    tmp = QTemporaryDir()
    window = MainWindow(QSettings(tmp.filePath("s.ini"), QSettings.Format.IniFormat))
    ws = open_for_current_user(resolve_workspace(args.workspace))
    # As the app: the admin's credential tools (this machine's keyring) show the credentials box.
    window.attach(UiContext(ws, access=read_member_access(ws), credentials=_credential_tools()))
    window.resize(1280, 760)
    window.show_page(args.page)
    window.show()
    page = window.page(args.page)
    if args.tab and page is not None and hasattr(page, "show_tab"):
        page.show_tab(args.tab)
    if page is not None and hasattr(page, "refresh"):
        page.refresh()
    for _ in range(80):  # let background searches finish and layouts settle
        app.processEvents()
        QApplication.instance().thread().msleep(25)  # type: ignore[union-attr]
    window.grab().save(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
