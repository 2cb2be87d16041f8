"""Campaigns page: New opens the composer, Edit reopens a draft, Duplicate copies it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.outbox.expand import start_send
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import CampaignStatus, DeliveryAttempt, OutboxMessage, OutboxState
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.campaigns import CampaignsPage
from tests.support.sending import seed_app, seed_campaign


def test_new_edit_duplicate(qtbot: QtBot, ui_context: UiContext) -> None:
    page = CampaignsPage(ui_context)
    qtbot.addWidget(page)
    composer = page.open_composer(None)
    assert isinstance(composer, ComposerWindow)
    # Seen: a 1400×900 composer on a 1280-pixel screen. Only its layout's minimum may exceed it.
    free, least = composer.screen().availableGeometry(), composer.minimumSizeHint()
    assert composer.width() <= max(free.width(), least.width())
    assert composer.height() <= max(free.height(), least.height())
    title = composer.widgets["content.title"]
    assert isinstance(title, QLineEdit)
    title.setFocus()
    qtbot.keyClicks(title, "Hello")
    composer.close()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    page.duplicate_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)  # duplicated off the GUI thread
    names = sorted(r.name for r in page.model.rows)
    assert names[1].endswith("(copy)")
    page.table.selectRow(0)
    reopened = page.open_composer(page.selected_id())
    assert isinstance(reopened, ComposerWindow)
    qtbot.waitUntil(lambda: not reopened.loading)
    assert reopened.widgets["content.title"].text() == "Hello"  # type: ignore[attr-defined]
    reopened.close()


def test_reload_on_a_locked_database_keeps_the_page_painting(
    qtbot: QtBot, ui_context: UiContext
) -> None:
    from engage_desktop.core.campaigns.edit import save_draft
    from engage_desktop.core.campaigns.model import CampaignDraft
    from tests.support.slow_database import RepaintCounter, held_lock

    page = CampaignsPage(ui_context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.loading())
    ws = ui_context.workspace
    with ws.session() as session:
        save_draft(session, ws.member_id, CampaignDraft(int(ui_context.app_id or 0), "Verrou"))
    with held_lock(ws):
        counter = RepaintCounter(page)
        before = counter.paints
        page.reload()
        qtbot.wait(1000)
        assert counter.paints - before >= 10
        assert page.loading() and page.model.rowCount() == 0  # still waiting on the lock
        counter.stop()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15_000)


def test_the_list_follows_a_send_made_elsewhere(
    qtbot: QtBot, make_workspace: Callable[..., Workspace]
) -> None:
    """Fault seen: the list kept "Draft / 0" after a 10,481-device send. The send and its
    progress here are another writer's (core, as the CLI and the service write them); the page
    is never told to reload."""
    ws = make_workspace()
    app_id = seed_app(ws, 5)
    campaign_id = seed_campaign(ws, app_id)
    context = UiContext(ws, access=read_member_access(ws))
    context.set_app(app_id)
    page = CampaignsPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.loading(), timeout=10_000)
    row = page.model.rows[0]
    assert (row.status, row.sent) == (CampaignStatus.DRAFT, 0)
    page.table.selectRow(0)
    start_send(ws, campaign_id)
    qtbot.waitUntil(lambda: page.model.rows[0].status is CampaignStatus.SENDING, timeout=10_000)
    with ws.session() as session:  # what the service records as messages go out
        for outbox_id in session.scalars(select(OutboxMessage.id)).all():
            session.add(
                DeliveryAttempt(outbox_id=outbox_id, campaign_id=campaign_id, outcome="sent")
            )
        session.execute(update(OutboxMessage).values(state=OutboxState.SENT))
    qtbot.waitUntil(lambda: page.model.rows[0].sent == 5, timeout=10_000)
    assert page.selected_id() == campaign_id  # the reload kept the selection
