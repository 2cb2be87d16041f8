"""The Campaigns page's Archive and Delete: each asks first, then archives a finished campaign
(hidden until "Show archived") or deletes a draft; a duplicate is named in French in French."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from engage_desktop.core.campaigns.edit import save_draft
from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.store.models import Campaign, CampaignStatus
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.pages.campaigns import CampaignsPage


def _campaign(ctx: UiContext, name: str, status: CampaignStatus) -> int:
    ws = ctx.workspace
    draft = CampaignDraft(int(ctx.app_id or 0), name, variants=(Variant("A", 1.0, {"body": "x"}),))
    with ws.session() as session:
        cid = save_draft(session, ws.member_id, draft)
        session.execute(update(Campaign).where(Campaign.id == cid).values(status=status))
    return cid


def _page(qtbot: QtBot, ctx: UiContext) -> CampaignsPage:
    page = CampaignsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading())
    return page


def _select(page: CampaignsPage, name: str) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data() == name:
            page.table.selectRow(row)
            return
    raise AssertionError(f"{name} not listed")


def _answer(qtbot: QtBot, page: CampaignsPage, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: page.tidy.confirmation is not None)
    box = page.tidy.confirmation
    assert box is not None
    box.button(button).click()


def _names(page: CampaignsPage) -> set[str]:
    return {r.name for r in page.model.rows}


def test_archive_asks_then_hides_until_show_archived(qtbot: QtBot, ui_context: UiContext) -> None:
    _campaign(ui_context, "Fini", CampaignStatus.COMPLETED)
    _campaign(ui_context, "En cours", CampaignStatus.SENDING)
    page = _page(qtbot, ui_context)
    _select(page, "En cours")
    assert not page.tidy.archive_button.isEnabled() and not page.tidy.delete_button.isEnabled()
    _select(page, "Fini")
    assert page.tidy.archive_button.isEnabled() and not page.tidy.delete_button.isEnabled()
    page.tidy.archive_button.click()
    _answer(qtbot, page, QMessageBox.StandardButton.Cancel)
    qtbot.wait(100)
    assert _names(page) == {"Fini", "En cours"}  # cancelled: nothing changed
    page.tidy.archive_button.click()
    _answer(qtbot, page, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: _names(page) == {"En cours"})
    page.show_archived.setChecked(True)
    qtbot.waitUntil(lambda: _names(page) == {"Fini", "En cours"})
    _select(page, "Fini")
    assert page.tidy.archive_button.text() == "Unarchive"


def test_delete_asks_and_removes_only_the_draft(qtbot: QtBot, ui_context: UiContext) -> None:
    _campaign(ui_context, "Brouillon", CampaignStatus.DRAFT)
    _campaign(ui_context, "Fini", CampaignStatus.COMPLETED)
    page = _page(qtbot, ui_context)
    _select(page, "Brouillon")
    assert page.tidy.delete_button.isEnabled() and not page.tidy.archive_button.isEnabled()
    page.tidy.delete_button.click()
    _answer(qtbot, page, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: _names(page) == {"Fini"})


def test_a_duplicate_is_named_in_french(qtbot: QtBot, ui_context: UiContext, french: None) -> None:
    """The fault: "(copy)" shown in the French GUI."""
    _campaign(ui_context, "Soldes", CampaignStatus.COMPLETED)
    page = _page(qtbot, ui_context)
    _select(page, "Soldes")
    page.duplicate_button.click()
    qtbot.waitUntil(lambda: "Soldes (copie)" in _names(page))
