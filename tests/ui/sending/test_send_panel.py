"""The send panel's "Retry failed" button and its refusal of invalid content, in English and
French, on a real workspace (no service: the outbox is read and written directly)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, OutboxMessage, OutboxState
from engage_desktop.ui.sending.deliveries_page import DeliveriesPage
from engage_desktop.ui.sending.send_dialog import SendDialog
from tests.support.deliveries import open_deliveries
from tests.support.sending import seed_app, seed_campaign

SHOTS = Path("/tmp/shots/send-content")


def _completed_with_failures(ws: Workspace, app_id: int, failed: int) -> int:
    campaign_id = seed_campaign(ws, app_id)
    start_send(ws, campaign_id)
    with ws.session() as s:
        ids = list(s.scalars(select(OutboxMessage.id).order_by(OutboxMessage.id)))
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids[:failed]))
            .values(state=OutboxState.FAILED, error_code="UNAVAILABLE")
        )
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids[failed:]))
            .values(state=OutboxState.SENT)
        )
        s.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id)
            .values(status=CampaignStatus.COMPLETED, finished_at=datetime(2026, 12, 1, tzinfo=UTC))
        )
    return campaign_id


_page = open_deliveries


def _retry_from_the_panel(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> tuple[Workspace, DeliveriesPage]:
    ws = make_workspace()
    app_id = seed_app(ws, 10, sandbox=False)
    _completed_with_failures(ws, app_id, 3)
    page = _page(ws, app_id, qtbot)
    panel = page.panel
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.failed == 3, timeout=10_000)
    assert panel.retry_button.isEnabled() and not panel.send_button.isEnabled()
    panel.retry_button.click()
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 3, timeout=10_000)
    return ws, page


def test_retry_failed_queues_only_the_failed_messages(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    ws, page = _retry_from_the_panel(make_workspace, qtbot)
    panel = page.panel
    assert panel.last is not None
    assert (panel.last.sent, panel.last.failed, panel.last.status) == (7, 0, CampaignStatus.SENDING)
    assert not panel.retry_button.isEnabled()  # nothing failed any more
    with ws.session() as s:
        assert (
            s.scalar(select(OutboxMessage.state).where(OutboxMessage.state == OutboxState.FAILED))
            is None
        )


def test_the_retry_result_is_said_in_french_with_plural_forms(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, french: None
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 4, sandbox=False)
    _completed_with_failures(ws, app_id, 1)
    page = _page(ws, app_id, qtbot)
    panel = page.panel
    assert panel.retry_button.text() == "Relancer les échecs"
    qtbot.waitUntil(lambda: panel.retry_button.isEnabled(), timeout=10_000)
    panel.retry_button.click()
    qtbot.waitUntil(lambda: panel.last is not None and panel.last.queued == 1, timeout=10_000)
    assert panel.status.text() == "Envoi en cours\n1 message en échec remis en file d’attente."
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "deliveries_retry_fr.png"))


def test_a_send_of_invalid_content_is_refused_with_the_field_in_french(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, french: None
) -> None:
    ws = make_workspace()
    app_id = seed_app(ws, 4, sandbox=False)
    seed_campaign(
        ws,
        app_id,
        {"title": "Soldes", "body": "-50 %", "data": {"google.c.a.e": "1", "gcm.x": "2"}},
    )
    page = _page(ws, app_id, qtbot)
    panel = page.panel
    qtbot.waitUntil(lambda: panel.send_button.isEnabled(), timeout=10_000)
    panel.send_button.click()  # the confirmation says why, before anything can be sent
    dialog = panel.send_dialog
    assert isinstance(dialog, SendDialog)
    qtbot.waitUntil(lambda: "contenu" in dialog.question.text(), timeout=10_000)
    assert dialog.question.text() == (
        "Le contenu ne peut pas être envoyé (2 problèmes en tout, voir la liste sous le "
        "formulaire) : variante A, donnée personnalisée « google.c.a.e » : « google.c.a.e » est "
        "réservé par FCM : utilisez une autre clé."
    )
    assert not dialog.send_button.isEnabled()
    with ws.session() as s:
        assert s.scalar(select(OutboxMessage.id)) is None
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "deliveries_invalid_fr.png"))


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_screenshots_in_english(
    appearance: str, make_workspace: Callable[..., Workspace], qtbot: QtBot, qapp: object
) -> None:
    from PySide6.QtWidgets import QApplication

    from engage_desktop.ui.appearance import apply_appearance

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, style = app.palette(), app.style().name()
    apply_appearance(app, appearance)
    try:
        _ws, page = _retry_from_the_panel(make_workspace, qtbot)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.grab().save(str(SHOTS / f"deliveries_retry_en_{appearance}.png"))
    finally:
        app.setPalette(palette)
        app.setStyle(style)
