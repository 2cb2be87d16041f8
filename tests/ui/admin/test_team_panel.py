"""Settings → Team: the current app's team; admins add, change and remove; refusals said."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.apps.manage import add_app
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.team import add_member, list_members
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.roles import Permission
from engage_desktop.store.models import Member, Role
from engage_desktop.ui.admin.team_panel import TeamPanel
from engage_desktop.ui.context import UiContext


def _panel(qtbot: QtBot, ws: Workspace, qsettings: QSettings) -> TeamPanel:
    panel = TeamPanel(UiContext(ws, qsettings, access=read_member_access(ws)))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.job is not None and panel.job.done)
    return panel


def test_add_change_remove_and_the_last_admin(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    ws = make_workspace()
    app = add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    panel = _panel(qtbot, ws, qsettings)
    assert panel.title.text() == "Team of the app “Boutique”"
    assert panel.table.rowCount() == 1 and panel.add_button.isVisibleTo(panel)
    dialog = panel.add()
    assert dialog is not None
    dialog.login.setText("camille")
    dialog.display_name.setText("Camille Roux")
    dialog.email.setText("camille@")
    dialog.save()
    qtbot.waitUntil(lambda: "is not an email address" in dialog.message.text())
    dialog.email.setText("camille@exemple.fr")
    dialog.approver.setChecked(True)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    assert [(m.login, m.role, m.approver) for m in list_members(ws, app)][1] == (
        "camille",
        Role.ANALYST,
        True,
    )
    panel.table.selectRow(0)  # the current user, the only admin
    change = panel.change_selected()
    assert change is not None and change.login.isReadOnly()
    change.role.setCurrentIndex(change.role.findData("marketer"))
    change.save()
    qtbot.waitUntil(lambda: "is the last admin of the app “Boutique”" in change.message.text())
    change.reject()
    panel.confirm = lambda _text: True
    panel.table.selectRow([m.login for m in panel.members].index("camille"))
    panel.revoke_selected()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)


def test_a_marketer_reads_the_team_without_the_buttons(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    ws = make_workspace()
    app = add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    add_member(ws, app, "camille", Role.MARKETER)
    with ws.session() as s:
        camille = s.scalar(select(Member.id).where(Member.login == "camille"))
    assert camille is not None
    panel = _panel(qtbot, Workspace(ws.location, ws.engine, camille, ws.clock), qsettings)
    assert panel.table.rowCount() == 2
    assert not panel.context.allows(Permission.MANAGE_TEAM)
    for button in (panel.add_button, panel.change_button, panel.revoke_button):
        assert not button.isVisibleTo(panel)


def test_a_name_with_a_placeholder_is_asked_about_as_typed(
    qtbot: QtBot, make_workspace: Callable[..., Workspace], qsettings: QSettings
) -> None:
    """One-pass fill(): the member's own "%2" is not replaced by the app's name (chained
    ``.replace`` substituted inside the first argument)."""
    ws = make_workspace()
    app = add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    add_member(ws, app, "promo", Role.MARKETER, display_name="Soldes -50%2")
    panel = _panel(qtbot, ws, qsettings)
    asked: list[str] = []
    panel.confirm = lambda text: bool(asked.append(text))  # answers no
    panel.table.selectRow([m.login for m in panel.members].index("promo"))
    panel.revoke_selected()
    assert asked == [
        "Take Soldes -50%2 off the team of “Boutique”? They keep their roles on other apps."
    ]
