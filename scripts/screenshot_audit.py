"""Screenshots of the audit log and the approval UI on a small demo workspace (for reviews).

    xvfb-run -a -s "-screen 0 1400x900x24" python scripts/screenshot_audit.py OUT_DIR \
        [--lang fr] [--appearance dark] [--workspace W.sqlite]

The first run builds the demo at ``--workspace`` and adds a history: an approval threshold on
Maison Lumière, a campaign Camille (marketer) submitted, a rejected then approved one, an export.
Saves settings, audit-log and deliveries (an approver's view of a pending request) PNGs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget


def settle(app: QApplication, condition=lambda: True, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        time.sleep(0.02)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
    for _ in range(40):
        app.processEvents()
        time.sleep(0.01)


def seed_history(path: Path) -> None:
    """The demo plus what an admin's week leaves in the audit log."""
    from engage_desktop.core.approvals import workflow
    from engage_desktop.core.approvals.rules import set_approval_threshold
    from engage_desktop.core.audit_trail.export import export_csv
    from engage_desktop.core.audit_trail.query import AuditFilter
    from engage_desktop.core.campaigns.edit import save_draft
    from engage_desktop.core.campaigns.model import CampaignDraft, Variant
    from engage_desktop.core.demo.generator import build_demo_workspace
    from engage_desktop.core.workspace import Workspace, open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.store.models import Member

    location = resolve_workspace(str(path))
    build_demo_workspace(location, users=2_000, seed=7)
    admin = open_for_current_user(location)
    with admin.session() as session:
        set_approval_threshold(session, admin.member_id, 1, 500, admin.clock.now())
        camille_id = session.query(Member.id).filter_by(login="camille.martin").scalar()
    camille = Workspace(location, admin.engine, camille_id)

    def draft(name: str, title: str) -> int:
        content = {"title": title, "body": "Jusqu'à -50 % ce week-end dans votre boutique"}
        with camille.session() as session:
            return save_draft(
                session,
                camille.member_id,
                CampaignDraft(
                    app_id=1, name=name, format="push", variants=(Variant("A", 1.0, content),)
                ),
            )

    flash = draft("Vente flash du week-end", "Vente flash ⚡")
    workflow.submit(camille, flash)
    workflow.reject(admin, flash, "Trop tôt : attendons la newsletter de jeudi.")
    workflow.submit(camille, flash)
    workflow.approve(admin, flash, "OK pour samedi 10 h.")
    winter = draft("Soldes d'hiver — J-1", "Les soldes commencent demain ❄️")
    workflow.submit(camille, winter)
    export_csv(
        Workspace(location, admin.engine, admin.member_id), path.with_suffix(".csv"), AuditFilter()
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--appearance", default="light", choices=("light", "dark"))
    parser.add_argument(
        "--workspace", type=Path, default=Path(tempfile.gettempdir()) / "audit-shots.sqlite"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.workspace.exists():
        seed_history(args.workspace)

    from engage_desktop.core.member_access import read_member_access
    from engage_desktop.core.workspace import open_for_current_user
    from engage_desktop.store.location import resolve_workspace
    from engage_desktop.ui.app import create_application
    from engage_desktop.ui.audit.audit_dialog import AuditLogDialog
    from engage_desktop.ui.context import UiContext
    from engage_desktop.ui.main_window import MainWindow
    from engage_desktop.ui.sending.deliveries_page import DeliveriesPage

    app = create_application(sys.argv[:1], args.lang, args.appearance)
    tmp = Path(tempfile.mkdtemp(prefix="audit-shots-"))
    settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    ws = open_for_current_user(resolve_workspace(str(args.workspace)))
    context = UiContext(ws, settings, access=read_member_access(ws))
    window.attach(context)
    window.resize(1280, 820)
    window.show()
    suffix = f"{args.lang}-{args.appearance}"

    def shot(widget: QWidget, name: str) -> None:
        widget.grab().save(str(args.out / f"{name}-{suffix}.png"))

    window.show_page("settings")
    settings_page = window.page("settings")
    assert settings_page is not None
    settle(
        app, lambda: not settings_page.audit.isHidden() and not settings_page.approvals.isHidden()
    )
    shot(window, "settings")

    deliveries = window.page("deliveries")
    assert isinstance(deliveries, DeliveriesPage)
    window.show_page("deliveries")
    settle(app, lambda: deliveries.campaigns.count() > 0)
    deliveries.campaigns.setCurrentRow(0)  # the newest: Soldes d'hiver, waiting for a decision
    settle(app, lambda: deliveries.approval.view is not None)
    shot(window, "deliveries-approval")

    dialog = AuditLogDialog(context, parent=window)
    dialog.show()
    settle(app, lambda: dialog.model.rowCount() > 0)
    dialog.check_chain()
    settle(app, lambda: dialog.verify_button.isEnabled())
    shot(dialog, "audit-log")
    return 0


if __name__ == "__main__":
    sys.exit(main())
