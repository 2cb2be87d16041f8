"""The approval on the Deliveries page: a marketer submits, an approver approves or rejects
with a comment, the send panel says why a send waits; in French too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from engage_desktop.core.approvals import workflow
from engage_desktop.core.approvals.rules import set_approval_threshold
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import ApprovalState, Role
from engage_desktop.ui.sending.deliveries_page import DeliveriesPage
from tests.support.apps import colleague
from tests.support.deliveries import confirm_send, open_deliveries
from tests.support.sending import seed_app, seed_campaign

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _page(ws: Workspace, app_id: int, qtbot: QtBot) -> DeliveriesPage:
    page = open_deliveries(ws, app_id, qtbot)
    qtbot.waitUntil(lambda: page.approval.view is not None, timeout=10_000)
    return page


def _setup(make_workspace: Callable[..., Workspace]) -> tuple[Workspace, Workspace, int, int]:
    admin = make_workspace()
    app_id = seed_app(admin, 4)
    campaign_id = seed_campaign(admin, app_id)
    with admin.session() as session:
        set_approval_threshold(session, admin.member_id, app_id, 2, T0)
    return admin, colleague(admin, "marion", Role.MARKETER, app_id), app_id, campaign_id


def test_a_marketer_is_told_why_the_send_waits_and_submits_it(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, french: None
) -> None:
    _admin, marketer, app_id, campaign_id = _setup(make_workspace)
    page = _page(marketer, app_id, qtbot)
    box = page.approval
    assert box.submit_button.isVisible() and not box.approve_button.isVisible()
    assert "plus de 2 destinataires doivent être validés" in box.state.text()
    qtbot.waitUntil(lambda: page.panel.send_button.isEnabled(), timeout=10_000)
    dialog = confirm_send(page, qtbot)  # the one confirmation; the refusal is said there
    qtbot.waitUntil(lambda: "seuil de validation" in dialog.question.text(), timeout=10_000)
    assert "toucherait 4 destinataires" in dialog.question.text()
    assert not dialog.send_button.isEnabled()
    dialog.close()
    box.submit_button.click()
    qtbot.waitUntil(lambda: box.view is not None and box.view.state is not None, timeout=10_000)
    assert box.view is not None and box.view.state == ApprovalState.PENDING
    assert "En attente de validation : soumise par Marion" in box.state.text()
    assert not box.submit_button.isVisible()
    assert workflow.approval_view(marketer, campaign_id).recipients == 4


def test_an_approver_approves_with_a_comment_and_the_send_starts(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    admin, marketer, app_id, campaign_id = _setup(make_workspace)
    workflow.submit(marketer, campaign_id)
    page = _page(admin, app_id, qtbot)
    box = page.approval
    assert box.approve_button.isVisible() and box.reject_button.isVisible()
    box.approve_button.click()
    qtbot.waitUntil(lambda: box.decision.isVisible(), timeout=5_000)
    box.decision.comment.setPlainText("OK pour samedi")
    box.decision.accept()
    qtbot.waitUntil(
        lambda: box.view is not None and box.view.state == ApprovalState.APPROVED,
        timeout=10_000,
    )
    assert "Approved by" in box.state.text() and "OK pour samedi" in box.state.text()
    assert not box.approve_button.isVisible()
    qtbot.waitUntil(lambda: page.panel.send_button.isEnabled(), timeout=10_000)
    confirm_send(page, qtbot).close()
    qtbot.waitUntil(
        lambda: page.panel.last is not None and page.panel.last.queued == 4, timeout=10_000
    )


def test_a_rejection_is_shown_with_its_reason(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    admin, marketer, app_id, campaign_id = _setup(make_workspace)
    workflow.submit(marketer, campaign_id)
    page = _page(admin, app_id, qtbot)
    box = page.approval
    box.reject_button.click()
    qtbot.waitUntil(lambda: box.decision.isVisible(), timeout=5_000)
    box.decision.comment.setPlainText("Pas avant les soldes")
    box.decision.accept()
    qtbot.waitUntil(
        lambda: box.view is not None and box.view.state == ApprovalState.REJECTED,
        timeout=10_000,
    )
    marketer_page = _page(marketer, app_id, qtbot)
    assert "Pas avant les soldes" in marketer_page.approval.state.text()
    assert marketer_page.approval.submit_button.isVisible()  # may ask again after a change
