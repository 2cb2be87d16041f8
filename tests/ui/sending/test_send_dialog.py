"""The composer's Send… and Send to test devices, on a real workspace, sandbox and service."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.outbox.expand import SendError
from engage_desktop.core.outbox.trial import queue_test_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, Device, MemberRole, Role
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.sending.send_dialog import SendDialog
from engage_desktop.ui.sending.trial_dialog import TrialSendDialog
from tests.support.processes import (
    credentials_dir,
    service_env,
    start_sandbox,
    start_service,
    stop_service,
)
from tests.support.sending import seed_app, seed_campaign, status_of, token_for


def composer_for(
    ws: Workspace, tmp_path: Path, qtbot: QtBot, role: Role = Role.MARKETER, **audience: int
) -> tuple[ComposerWindow, int]:
    app_id = seed_app(ws, 12, **audience)
    with ws.session() as s:
        s.execute(update(MemberRole).where(MemberRole.app_id == app_id).values(role=role))
    campaign_id = seed_campaign(ws, app_id)
    context = UiContext(
        ws,
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        access=read_member_access(ws),
    )
    context.set_app(app_id)
    window = ComposerWindow(context, campaign_id)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitUntil(lambda: window.campaign_actions.role_checked, timeout=10_000)
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    return window, app_id


def test_send_confirms_with_the_audience_then_shows_progress(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    window, _app = composer_for(ws, tmp_path, qtbot, no_consent=2, no_token=1)
    assert window.send_button.isEnabled()
    window.send_button.click()
    qtbot.waitUntil(lambda: window.send_dialog is not None, timeout=10_000)  # saved first
    dialog = window.send_dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled(), timeout=10_000)
    assert "12" in dialog.question.text()
    not_sent = dialog.confirmation.rows["suppressed"].text()  # the one confirmation's view
    assert not_sent == "3 devices (no push consent: 2, no push token: 1)"
    assert dialog.confirmation.rows["when"].text() == "Now"
    assert status_of(ws, window.campaign_id or 0) == CampaignStatus.DRAFT  # nothing sent yet
    dialog.send_button.click()
    panel = dialog.panel
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 12, timeout=10_000)
    assert status_of(ws, window.campaign_id or 0) == CampaignStatus.SENDING
    assert not panel.send_button.isVisible() and panel.pause_button.isEnabled()
    panel.pause_button.click()
    qtbot.waitUntil(lambda: panel.resume_button.isEnabled(), timeout=10_000)
    assert status_of(ws, window.campaign_id or 0) == CampaignStatus.PAUSED
    dialog.close()


def test_send_buttons_follow_the_role(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    window, _app = composer_for(ws, tmp_path, qtbot, Role.ANALYST)
    assert not window.send_button.isEnabled() and not window.test_send_button.isEnabled()
    assert "does not allow" in window.send_button.toolTip()


def test_test_send_shows_the_result_per_device(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    window, app_id = composer_for(ws, tmp_path, qtbot)
    first = app_id * 10_000_000 + 1
    with ws.session() as s:
        s.execute(
            update(Device)
            .where(Device.id.in_([first, first + 1]))
            .values(is_test=True, label="Pixel de Camille")
        )
        s.execute(update(Device).where(Device.id == first + 1).values(label="iPhone de Léa"))
    title = window.widgets["content.title"]
    title.setFocus()
    qtbot.keyClicks(title, " (essai)")  # typed, as a user would: the draft is not saved yet
    sandbox = start_sandbox(credentials_dir(tmp_path))
    service = start_service(
        str(ws.location.sqlite_path), service_env(sandbox.url, tmp_path), tmp_path
    )
    try:
        window.test_send_button.click()
        qtbot.waitUntil(lambda: window.send_dialog is not None, timeout=10_000)
        dialog = window.send_dialog
        assert isinstance(dialog, TrialSendDialog)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
        qtbot.waitUntil(
            lambda: all(dialog.table.item(r, 2).text() == "delivered to FCM" for r in range(2)),
            timeout=30_000,
        )
        labels = {dialog.table.item(r, 0).text() for r in range(2)}
        assert labels == {"Pixel de Camille", "iPhone de Léa"}

        inbox = sandbox.get(f"/sandbox/inbox?token={token_for(first)}")
        assert inbox[0]["message"]["notification"]["title"] == "Soldes d'hiver (essai)"
        assert inbox[0]["message"]["data"]["message_id"].startswith("edt-")
        assert status_of(ws, window.campaign_id or 0) == CampaignStatus.DRAFT
    finally:
        stop_service(service)
        sandbox.stop()


@pytest.mark.parametrize("code", ["no_test_device"])
def test_test_send_without_test_devices_says_so(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path, code: str
) -> None:
    ws = make_workspace()
    window, _app = composer_for(ws, tmp_path, qtbot)
    window.test_send_button.click()
    qtbot.waitUntil(lambda: window.send_dialog is not None, timeout=10_000)  # saved first
    dialog = window.send_dialog
    assert isinstance(dialog, TrialSendDialog)
    qtbot.waitUntil(lambda: "no test device" in dialog.note.text(), timeout=10_000)
    assert code  # the SendError code the message is mapped from


def test_an_sms_campaign_may_be_sent_but_has_no_test_send(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 2)
    with ws.session() as s:
        s.execute(update(MemberRole).where(MemberRole.app_id == app_id).values(role=Role.MARKETER))
    campaign_id = seed_campaign(ws, app_id, {"body": "Soldes d'hiver -20 %"})
    with ws.session() as s:
        s.execute(update(Campaign).where(Campaign.id == campaign_id).values(format="sms"))
    context = UiContext(
        ws,
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        access=read_member_access(ws),
    )
    context.set_app(app_id)
    window = ComposerWindow(context, campaign_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.campaign_actions.role_checked, timeout=10_000)
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    qtbot.waitUntil(window.send_button.isEnabled, timeout=10_000)
    assert not window.test_send_button.isEnabled()
    with pytest.raises(SendError) as refused:
        queue_test_send(ws, campaign_id)
    assert refused.value.code == "no_test_for_channel"
