"""Screenshots of the import panels alone, step by step (for reviews), in English or French.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. python scripts/screenshot_imports.py OUT_DIR [--lang fr]

Builds a scratch workspace with one app, runs the contacts wizard on the French Excel sample and
the events import on the GA4 sample, and saves one PNG per step.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTabWidget

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "imports"


def wait(app: QApplication, condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the panel did not get there in time")
    for _ in range(20):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from engage_desktop.core.member_access import read_member_access
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.models import App, MemberRole, Role
    from engage_desktop.ui.app import create_application
    from engage_desktop.ui.context import UiContext
    from engage_desktop.ui.imports import ContactsImportPanel, EventsImportPanel

    app = create_application(sys.argv[:1], args.lang)
    tmp = Path(tempfile.mkdtemp(prefix="imports-shots-"))
    ws = open_for_current_user(resolve_workspace(str(tmp / "w.sqlite")), create=True)
    with ws.session() as session:
        shop = App(name="Maison Lumière", firebase_project_id="maison-lumiere")
        session.add(shop)
        session.flush()
        session.add(MemberRole(member_id=ws.member_id, app_id=shop.id, role=Role.MARKETER))
    context = UiContext(
        ws, QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), access=read_member_access(ws)
    )
    tabs = QTabWidget()
    contacts = ContactsImportPanel(context)
    events = EventsImportPanel(context)
    tabs.addTab(contacts, "Contacts")
    tabs.addTab(events, "Events")
    tabs.resize(1000, 640)
    tabs.show()
    lang = args.lang

    def shot(name: str) -> None:
        for _ in range(20):
            app.processEvents()
        tabs.grab().save(str(args.out / f"{name}-{lang}.png"))

    shot("1-choose")
    contacts.open_file(DATA / "contacts_fr_excel.csv")
    wait(app, lambda: contacts.stack.currentWidget() is contacts.preview_page)
    shot("2-preview")
    contacts.to_mapping.click()
    shot("3-mapping")
    contacts.start_import()
    wait(app, lambda: contacts.stack.currentWidget() is contacts.summary_page)
    shot("4-summary")
    tabs.setCurrentWidget(events)
    events.start_import(DATA / "ga4_export_sample.ndjson")
    wait(app, lambda: events.job is None and events.result is not None)
    shot("5-events")
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
