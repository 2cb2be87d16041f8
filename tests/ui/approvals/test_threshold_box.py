"""Settings → Approvals: an admin sets the current app's threshold; others do not see it."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from engage_desktop.core.approvals.rules import approval_threshold
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Role
from engage_desktop.ui.approvals.threshold_box import ApprovalThresholdBox
from engage_desktop.ui.context import UiContext
from tests.support.apps import colleague
from tests.support.sending import seed_app


def _box(ws: Workspace, app_id: int, qtbot: QtBot) -> ApprovalThresholdBox:
    context = UiContext(ws, access=read_member_access(ws))
    context.set_app(app_id)
    box = ApprovalThresholdBox(context)
    qtbot.addWidget(box)
    return box


def test_an_admin_sets_and_removes_the_threshold(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 0)
    box = _box(ws, app_id, qtbot)
    qtbot.waitUntil(lambda: not box.isHidden(), timeout=10_000)
    assert not box.enabled.isChecked() and "need no approval" in box.note.text()
    box.enabled.setChecked(True)
    box.above.setValue(5000)
    box.save_button.click()
    qtbot.waitUntil(lambda: "wait for an approver" in box.note.text(), timeout=10_000)
    with ws.session_factory() as session:
        assert approval_threshold(session, app_id) == 5000
    box.enabled.setChecked(False)
    qtbot.waitUntil(box.save_button.isEnabled, timeout=10_000)
    box.save_button.click()
    qtbot.waitUntil(lambda: "need no approval" in box.note.text(), timeout=10_000)
    with ws.session_factory() as session:
        assert approval_threshold(session, app_id) is None


def test_a_marketer_does_not_see_it(make_workspace: Callable[..., Workspace], qtbot: QtBot) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 0)
    box = _box(colleague(ws, "marion", Role.MARKETER, app_id), app_id, qtbot)
    qtbot.waitUntil(lambda: box.loaded is not None and box.loaded.done, timeout=10_000)
    assert box.isHidden()
