"""The test-devices dialog on a copy of the demo: find a phone, mark it, see it in French."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Device, Profile
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.sending.devices_dialog import ChooseTestDevicesDialog


def _owner_email(ws: Workspace) -> tuple[int, str]:
    with ws.session() as session:
        device, email = session.execute(
            select(Device.id, Profile.email)
            .join(Profile, Profile.id == Device.profile_id)
            .where(Device.app_id == 1, Device.is_test.is_(False), Profile.email.is_not(None))
            .order_by(Device.id)
        ).first()  # type: ignore[misc]
        return int(device), str(email)


def test_find_a_phone_and_mark_it_for_test_sends(
    demo_workspace: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    device_id, email = _owner_email(demo_workspace)
    context = UiContext(demo_workspace, access=read_member_access(demo_workspace))
    context.set_app(1)
    dialog = ChooseTestDevicesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    assert dialog.model.rows[0].is_test  # the demo's team phones come first
    assert not dialog.mark_button.isEnabled()  # nothing selected yet
    dialog.search.setText(email)
    qtbot.waitUntil(lambda: [r.id for r in dialog.model.rows] == [device_id], timeout=10_000)
    dialog.table.selectRow(0)
    assert dialog.mark_button.isEnabled() and not dialog.unmark_button.isEnabled()
    dialog.label.setText("Pixel de Zoé")
    dialog.mark_button.click()
    qtbot.waitUntil(lambda: dialog.model.rows and dialog.model.rows[0].is_test, timeout=10_000)
    assert dialog.unmark_button.isEnabled()
    with demo_workspace.session() as session:
        stored = session.get(Device, device_id)
        assert stored is not None and (stored.is_test, stored.label) == (True, "Pixel de Zoé")
    dialog.grab().save(str(tmp_path / "devices.png"))
    dialog.unmark_button.click()
    qtbot.waitUntil(lambda: not dialog.model.rows[0].is_test, timeout=10_000)


def test_dialog_speaks_french(demo_workspace: Workspace, qtbot: QtBot, french: None) -> None:
    context = UiContext(demo_workspace, access=read_member_access(demo_workspace))
    context.set_app(1)
    dialog = ChooseTestDevicesDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Appareils de test"
    assert dialog.mark_button.text() == "Utiliser comme appareil de test"
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    assert " appareils affichés, dont " in dialog.message.text()
    assert dialog.model.headerData(2, Qt.Orientation.Horizontal) == "Propriétaire"
