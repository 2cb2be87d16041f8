"""The window hides what the member's role on the current app cannot do, and shows it again on
an app where the role can."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.team import add_member
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Member, Role
from engage_desktop.ui.context import UiContext


def test_buttons_and_tabs_follow_the_role_on_the_current_app(
    qtbot: QtBot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    from sqlalchemy import select

    from engage_desktop.ui.audience.segments_tab import SegmentsTab
    from engage_desktop.ui.pages.audiences import AudiencesPage
    from engage_desktop.ui.pages.campaigns import CampaignsPage

    add_member(demo_workspace, 1, "zoe", Role.ANALYST)
    add_member(demo_workspace, 2, "zoe", Role.MARKETER)
    with demo_workspace.session() as s:
        zoe = s.scalar(select(Member.id).where(Member.login == "zoe"))
    assert zoe is not None
    ws = Workspace(demo_workspace.location, demo_workspace.engine, zoe, demo_workspace.clock)
    context = UiContext(ws, qsettings, access=read_member_access(ws))
    assert [a.id for a in context.apps] == [1, 2] and context.app_id == 1
    campaigns = CampaignsPage(context)
    audiences = AudiencesPage(context)
    segments = SegmentsTab(context)
    for widget in (campaigns, audiences, segments):
        qtbot.addWidget(widget)
    import_tab = audiences.tabs.indexOf(audiences.imports)

    def shown(*widgets: object) -> list[bool]:
        return [w.isVisibleTo(w.parentWidget()) for w in widgets]  # type: ignore[attr-defined]

    # Analyst on app 1: reads and exports, edits nothing.
    assert shown(campaigns.new_button, campaigns.duplicate_button) == [False, False]
    assert shown(campaigns.edit_button) == [True]
    assert not audiences.tabs.isTabVisible(import_tab)
    assert shown(segments.save_button, segments.new_button, segments.export_button) == [
        False,
        False,
        True,
    ]
    # Marketer on app 2: edits and imports, does not export.
    context.set_app(2)
    assert shown(campaigns.new_button, campaigns.duplicate_button) == [True, True]
    assert audiences.tabs.isTabVisible(import_tab)
    assert shown(segments.save_button, segments.new_button, segments.export_button) == [
        True,
        True,
        False,
    ]


def test_the_switcher_lists_only_the_members_apps(
    qtbot: QtBot, demo_workspace: Workspace, qsettings: QSettings
) -> None:
    from sqlalchemy import select

    from engage_desktop.ui.main_window import MainWindow

    add_member(demo_workspace, 2, "zoe", Role.ANALYST)
    with demo_workspace.session() as s:
        zoe = s.scalar(select(Member.id).where(Member.login == "zoe"))
    assert zoe is not None
    ws = Workspace(demo_workspace.location, demo_workspace.engine, zoe, demo_workspace.clock)
    window = MainWindow(qsettings)
    qtbot.addWidget(window)
    window.attach(UiContext(ws, qsettings, access=read_member_access(ws)))
    items = [window.app_switcher.itemText(i) for i in range(window.app_switcher.count())]
    assert items == ["Pixel Quest — pixel-quest-prod"]
    qtbot.waitUntil(lambda: window.member_label.text() == "zoe (analyst)")  # read on a worker
