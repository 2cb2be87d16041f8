"""Settings → Apps → Delivery rules…: an admin reads and sets an app's quiet hours, caps and
throttle; a typing error is named and nothing is stored; a marketer cannot open it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from engage_desktop.core.delivery.app_rules import read_rules
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import MemberRole, Role
from engage_desktop.ui.admin.apps_panel import AppsPanel
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.delivery.rules_dialog import DeliveryRulesDialog
from tests.support.appearance_shots import save_light_and_dark
from tests.support.sending import seed_app

SHOTS = Path("/tmp/shots/rules")


def _panel(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> AppsPanel:
    context = UiContext(
        ws,
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        access=read_member_access(ws),
    )
    panel = AppsPanel(context)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done)
    panel.table.selectRow(0)
    return panel


def _open(qtbot: QtBot, panel: AppsPanel) -> DeliveryRulesDialog:
    dialog = panel.rules_of_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.rules is not None, timeout=10_000)
    return dialog


def test_admin_sets_rules_and_a_typing_error_stores_nothing(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 1, quiet_hours=True)
    panel = _panel(qtbot, ws, tmp_path)
    assert panel.rules_button.isEnabled()
    dialog = _open(qtbot, panel)
    assert dialog.quiet.text() == "21:00-08:00" and dialog.caps.text() == ""  # the defaults
    dialog.caps.setText("push:2/jour")
    dialog.save()
    assert "“2/jour” in “push:2/jour” should read N/day or N/week" in dialog.status.text()
    assert read_rules(ws, app_id).caps == {}  # nothing stored
    dialog.quiet.setText("22:00-07:30")
    dialog.caps.setText("push:2/day,5/week")
    dialog.throttle.setValue(600)
    save_light_and_dark(dialog, qtbot, SHOTS, "rules_dialog_en")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == DeliveryRulesDialog.DialogCode.Accepted)
    rules = read_rules(ws, app_id)
    assert rules.quiet is not None and rules.quiet.text() == "22:00-07:30"
    assert rules.caps == {"push": {"day": 2, "week": 5}} and rules.throttle_per_minute == 600


@pytest.mark.usefixtures("french")
def test_french_form_and_error(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 1, quiet_hours=True)
    panel = _panel(qtbot, ws, tmp_path)
    assert panel.rules_button.text() == "Règles d’envoi…"
    dialog = _open(qtbot, panel)
    dialog.quiet.setText("21h-8 heures")
    dialog.save()
    assert dialog.status.text() == (
        "heures calmes : « 21h-8 heures » n’est pas une plage horaire comme 21:00-08:00 ou 21h-8h."
    )
    save_light_and_dark(dialog, qtbot, SHOTS, "rules_dialog_fr")
    dialog.quiet.setText("21h30-8h")  # the way a French marketer writes it
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == DeliveryRulesDialog.DialogCode.Accepted)
    rules = read_rules(ws, app_id)
    assert rules.quiet is not None and rules.quiet.text() == "21:30-08:00"


def test_a_marketer_cannot_open_the_rules(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 1)
    with ws.session() as s:
        s.execute(update(MemberRole).where(MemberRole.app_id == app_id).values(role=Role.MARKETER))
    panel = _panel(qtbot, ws, tmp_path)
    assert not panel.rules_button.isEnabled() and panel.rules_of_selected() is None
