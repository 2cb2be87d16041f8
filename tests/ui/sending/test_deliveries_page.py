"""The Deliveries page and its send panel on a real workspace (no service: the outbox fills)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.outbox.claims import finish_completed
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.scheduling.schedule import schedule
from engage_desktop.core.scheduling.when import choice
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignStatus, Device, OutboxMessage, OutboxState
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.sending.deliveries_page import DeliveriesPage
from engage_desktop.ui.sending.send_dialog import SendDialog
from tests.support.deliveries import open_deliveries
from tests.support.net import free_port
from tests.support.processes import (
    credentials_dir,
    service_env,
    start_sandbox,
    start_service,
    stop_service,
)
from tests.support.sending import seed_app, seed_campaign, status_of


def test_send_pause_resume_cancel_from_the_panel(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 20, no_consent=3, sandbox=False)
    seed_campaign(ws, app_id)
    context = UiContext(ws, access=read_member_access(ws))
    context.set_app(app_id)
    page = DeliveriesPage(context)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitUntil(lambda: page.campaigns.count() == 1, timeout=10_000)
    page.campaigns.setCurrentRow(0)
    panel = page.panel
    qtbot.waitUntil(lambda: panel.send_button.isEnabled(), timeout=10_000)
    panel.send_button.click()  # asks first (the one confirmation), then sends
    dialog = panel.send_dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10_000)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 20, timeout=10_000)
    dialog.close()
    assert panel.counts["queued"].text() == "20"
    assert "3" in panel.suppressed.text()
    qtbot.waitUntil(lambda: panel.pause_button.isEnabled(), timeout=10_000)
    panel.pause_button.click()
    qtbot.waitUntil(lambda: panel.resume_button.isEnabled(), timeout=10_000)
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 0, timeout=10_000)
    assert not panel.send_button.isEnabled()
    page.grab().save(str(tmp_path / "deliveries.png"))


def test_test_send_from_the_panel_lists_each_test_device(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    from sqlalchemy import update

    from engage_desktop.store.models import Device
    from engage_desktop.ui.sending.trial_dialog import TrialSendDialog

    ws = make_workspace()
    app_id = seed_app(ws, 3, sandbox=False)
    with ws.session() as s:
        s.execute(
            update(Device)
            .where(Device.id == app_id * 10_000_000 + 1)
            .values(is_test=True, label="Pixel de Camille")
        )
    seed_campaign(ws, app_id)
    context = UiContext(ws, access=read_member_access(ws))
    context.set_app(app_id)
    page = DeliveriesPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.campaigns.count() == 1, timeout=10_000)
    page.campaigns.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.panel.test_button.isEnabled(), timeout=10_000)
    page.panel.test_button.click()
    dialog = page.panel.trial
    assert isinstance(dialog, TrialSendDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    assert dialog.table.item(0, 0).text() == "Pixel de Camille"
    assert dialog.table.item(0, 2).text() == "waiting"  # no service in this test
    dialog.close()


_page = open_deliveries


def test_send_now_on_a_scheduled_campaign_asks_first(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    """Fault seen: "Send now" sent a scheduled campaign to its whole audience on one click."""
    ws = make_workspace()
    app_id = seed_app(ws, 6, no_token=2, sandbox=False)
    campaign_id = seed_campaign(ws, app_id)
    at = datetime(2099, 12, 15, 9, 0, tzinfo=UTC)
    with ws.session() as session:
        schedule(
            session,
            ws.member_id,
            campaign_id,
            choice(at, "Europe/Paris", ws.clock.now()),
            ws.clock.now(),
        )
    page = _page(ws, app_id, qtbot)
    panel = page.panel
    qtbot.waitUntil(panel.send_button.isEnabled, timeout=10_000)
    panel.send_button.click()
    dialog = panel.send_dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10_000)
    assert status_of(ws, campaign_id) is CampaignStatus.SCHEDULED  # nothing queued on the click
    rows = dialog.confirmation.rows
    assert dialog.question.text() == "Send “Soldes d'hiver” now to 6 devices?"
    assert rows["audience"].text() == "The app's whole audience"
    assert rows["channel"].text() == "Push notification"
    assert rows["suppressed"].text() == "2 devices (no push token: 2)"
    when = rows["when"].text()  # in the campaign's zone, in the locale's long format
    assert when.startswith("Now, instead of its scheduled time (") and "2099" in when
    assert "10:00" in when and when.endswith(" (Europe/Paris))")
    dialog.close_button.click()  # declined: still scheduled, nothing queued
    assert status_of(ws, campaign_id) is CampaignStatus.SCHEDULED
    panel.send_button.click()
    dialog = panel.send_dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10_000)
    dialog.send_button.click()
    qtbot.waitUntil(lambda: status_of(ws, campaign_id) is CampaignStatus.SENDING, timeout=10_000)
    dialog.close()


def test_the_list_follows_the_campaign_to_its_end(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    """Fault seen: the list said "Sending" beside a "Completed" panel. The campaign ends by the
    service's hand (its ``finish_completed``); the page is never told to reload."""
    ws = make_workspace()
    app_id = seed_app(ws, 3, sandbox=False)
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    page = _page(ws, app_id, qtbot)
    assert page.campaigns.item(0).text().endswith("— Sending")
    with ws.engine.begin() as conn:
        conn.execute(update(OutboxMessage).values(state=OutboxState.SENT))
        assert finish_completed(conn, ws.clock.now()) == [campaign_id]
    qtbot.waitUntil(lambda: page.campaigns.item(0).text().endswith("— Completed"), timeout=10_000)
    qtbot.waitUntil(lambda: page.panel.status.text().startswith("Completed"), timeout=10_000)


def test_virtual_phones_appear_without_refresh(
    make_workspace: Callable[..., Workspace],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fault seen: the phones said "sandbox not running" until Refresh was pressed. Here the
    sandbox starts after the page, the service sends, and nobody presses anything."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("ENGAGE_SANDBOX_URL", url)
    monkeypatch.setenv("ENGAGE_SANDBOX_CREDENTIALS_DIR", str(credentials_dir(tmp_path)))
    ws = make_workspace()
    app_id = seed_app(ws, 3)
    with ws.session() as s:
        first = app_id * 10_000_000 + 1
        s.execute(update(Device).where(Device.id == first).values(is_test=True, label="Pixel"))
    campaign_id = seed_campaign(ws, app_id)
    page = _page(ws, app_id, qtbot)
    phones = page.phones
    qtbot.waitUntil(lambda: "not running" in phones.message.text(), timeout=10_000)
    sandbox = start_sandbox(credentials_dir(tmp_path), port=port)
    try:
        start_send(ws, campaign_id)  # as the CLI would: another writer than this page
        service = start_service(
            str(ws.location.sqlite_path), service_env(sandbox.url, tmp_path), tmp_path
        )
        try:
            qtbot.waitUntil(lambda: any(card.previews for card in phones.cards), timeout=30_000)
            qtbot.waitUntil(
                lambda: page.campaigns.item(0).text().endswith("— Completed"), timeout=30_000
            )
        finally:
            stop_service(service)
    finally:
        sandbox.stop()
    assert phones.message.text() == ""
    assert phones.cards[0].previews[0].content.title == "Soldes d'hiver"
