"""Screenshots of Settings → Apps and Team (and the app and removal dialogs) for reviews.

xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshot_admin.py WORKSPACE OUT_DIR \
    [--lang fr] [--appearance dark]

WORKSPACE is changed: the demo apps get icons, store ids and a colleague with the approver
right, as an admin would set them. Use a copy.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PySide6.QtCore import QSettings, QTemporaryDir
from PySide6.QtWidgets import QApplication, QWidget


def _icon(text: str, colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (256, 256), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=110)
    draw.text((128, 128), text, fill=(255, 255, 255), font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _dress(workspace: str) -> None:
    """Icons, ids and one approver, through core as an admin would."""
    from dataclasses import replace

    from engage_desktop.core.apps.icon import normalise_icon
    from engage_desktop.core.apps.manage import edit_app, get_app
    from engage_desktop.core.team import grant
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.models import Role

    ws = open_for_current_user(resolve_workspace(workspace))
    looks = {
        1: ("ML", (196, 120, 40), ("fr.maisonlumiere.app",), ("fr.maisonlumiere.ios",)),
        2: ("PQ", (90, 60, 200), ("com.pixelquest.game",), ("com.pixelquest.ios",)),
    }
    for app_id, (text, colour, android, ios) in looks.items():
        identity = get_app(ws, app_id).identity
        icon = normalise_icon(_icon(text, colour))
        edit_app(
            ws,
            app_id,
            replace(identity, android_packages=android, ios_bundle_ids=ios, icon_png=icon),
        )
    members = [m for m in _team(ws, 1) if m.role == Role.MARKETER]
    if members:
        grant(ws, 1, members[0].login, Role.MARKETER, approver=True)
    ws.close()


def _team(ws: object, app_id: int) -> list:  # type: ignore[type-arg]
    from engage_desktop.core.team import list_members

    return list_members(ws, app_id)  # type: ignore[arg-type]


def _settle(app: QApplication, rounds: int = 60) -> None:
    for _ in range(rounds):
        app.processEvents()
        QApplication.instance().thread().msleep(25)  # type: ignore[union-attr]


def _save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("workspace")
    parser.add_argument("out")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--appearance", default="light", choices=("light", "dark"))
    parser.add_argument("--dress", action="store_true", help="set icons, ids and an approver")
    args = parser.parse_args()

    from engage_desktop.cli.gui_command import _credential_tools
    from engage_desktop.core.member_access import read_member_access
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.ui.app import create_application
    from engage_desktop.ui.context import UiContext
    from engage_desktop.ui.main_window import MainWindow

    if args.dress:
        _dress(args.workspace)
    app = create_application(sys.argv[:1], args.lang, args.appearance)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tag = f"{args.lang}-{args.appearance}"
    tmp = QTemporaryDir()
    window = MainWindow(QSettings(tmp.filePath("s.ini"), QSettings.Format.IniFormat))
    ws = open_for_current_user(resolve_workspace(args.workspace))
    window.attach(UiContext(ws, access=read_member_access(ws), credentials=_credential_tools()))
    window.resize(1280, 720)
    window.show_page("settings")
    window.show()
    page = window.page("settings")
    assert page is not None
    for index, name in ((0, "general"), (1, "apps"), (2, "team"), (3, "audit")):
        page.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
        _settle(app)
        _save(window, out / f"settings-{name}-{tag}.png")
    page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    panel = page.apps  # type: ignore[attr-defined]
    panel.table.selectRow(0)
    dialog = panel.edit_selected()
    _settle(app, 20)
    _save(dialog, out / f"app-dialog-{tag}.png")
    dialog.reject()
    remover = panel.remove_selected()
    _settle(app, 40)
    remover.confirm.setText(remover.app_name)
    _settle(app, 5)
    _save(remover, out / f"remove-dialog-{tag}.png")
    remover.reject()
    return 0


if __name__ == "__main__":
    sys.exit(main())
