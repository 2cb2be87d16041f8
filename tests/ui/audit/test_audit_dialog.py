"""Settings → Audit log on a real workspace: filter, verify (intact, then tampered), export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text, update

from engage_desktop.core.apps.identity import AppIdentity
from engage_desktop.core.apps.manage import add_app
from engage_desktop.core.campaigns.edit import save_draft
from engage_desktop.core.campaigns.model import CampaignDraft, Variant
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.store.models import MemberRole, Role
from engage_desktop.ui.audit.audit_box import AuditLogBox
from engage_desktop.ui.audit.audit_dialog import AuditLogDialog
from engage_desktop.ui.context import UiContext
from tests.support.apps import colleague
from tests.support.sending import seed_app


def _history(ws: Workspace) -> int:
    app_id = seed_app(ws, 0)
    marketer = colleague(ws, "marion", Role.MARKETER, app_id)
    draft = CampaignDraft(
        app_id=app_id, name="Soldes", format="push", variants=(Variant("A", 1.0, {"title": "t"}),)
    )
    with marketer.session() as session:
        save_draft(session, marketer.member_id, draft)
    with ws.session() as session:
        record(session, member_id=ws.member_id, app_id=app_id, action="approval.threshold")
        record(session, member_id=ws.member_id, app_id=None, action="member.add")
    return app_id


def _dialog(ws: Workspace, qtbot: QtBot) -> AuditLogDialog:
    dialog = AuditLogDialog(UiContext(ws, access=read_member_access(ws)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.member.count() == 3, timeout=10_000)
    return dialog


def test_filter_by_member_and_action_family(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    ws = make_workspace()
    _history(ws)
    dialog = _dialog(ws, qtbot)
    assert dialog.model.data(dialog.model.index(0, 4)) == "Member added"
    assert dialog.model.data(dialog.model.index(1, 4)) == "Approval threshold changed"
    dialog.member.setCurrentIndex(dialog.member.findData("marion"))
    qtbot.waitUntil(lambda: dialog.status.text() == "Entries shown: 1.", timeout=10_000)
    assert [r.action for r in dialog.model.rows] == ["campaign.create"]
    dialog.member.setCurrentIndex(0)
    dialog.action.setCurrentIndex(dialog.action.findData("approval"))
    qtbot.waitUntil(lambda: dialog.status.text() == "Entries shown: 1.", timeout=10_000)
    assert [r.action for r in dialog.model.rows] == ["approval.threshold"]


def test_verify_names_a_tampered_entry_in_french(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, french: None
) -> None:
    ws = make_workspace()
    _history(ws)
    dialog = _dialog(ws, qtbot)
    assert dialog.verify_button.text() == "Vérifier la chaîne"
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: "intacte" in dialog.status.text(), timeout=10_000)
    assert dialog.status.text() == "La chaîne d’audit est intacte (3 entrées vérifiées)."
    with ws.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        conn.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    dialog.verify_button.click()
    qtbot.waitUntil(lambda: "rompue" in dialog.status.text(), timeout=10_000)
    assert "les entrées n° 2 à 2 manquent avant l’entrée n° 3" in dialog.status.text()


def test_export_writes_the_file_and_lists_itself(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, tmp_path: Path
) -> None:
    ws = make_workspace()
    _history(ws)
    dialog = _dialog(ws, qtbot)
    target = tmp_path / "journal.csv"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 4, timeout=10_000)
    assert dialog.status.text().startswith("Entries shown: 4")  # the list reloaded after
    assert target.read_text(encoding="utf-8-sig").count("\n") == 4  # header + 3 entries
    assert dialog.model.rows[0].action == "audit.export"


@pytest.mark.parametrize(("role", "shown"), [(Role.ADMIN, True), (Role.ANALYST, False)])
def test_the_settings_box_is_for_admins(
    make_workspace: Callable[..., Workspace], qtbot: QtBot, role: Role, shown: bool
) -> None:
    ws = make_workspace()
    app_id = _history(ws)
    with ws.session() as session:
        session.execute(
            update(MemberRole)
            .where(MemberRole.member_id == ws.member_id, MemberRole.app_id == app_id)
            .values(role=role)
        )
    box = AuditLogBox(UiContext(ws, access=read_member_access(ws)))
    qtbot.addWidget(box)
    told: list[bool] = []
    box.available.connect(told.append)
    qtbot.waitUntil(lambda: box.check.done, timeout=10_000)
    assert box.box.isHidden() is not shown and told == [shown]


def test_a_new_user_who_adds_their_first_app_gets_the_audit_log(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    """Seen in the walkthrough: the box checked the member's standing once, when Settings was
    made, so someone who became admin afterwards (their first app) was never offered the log."""
    ws = make_workspace()
    context = UiContext(ws, access=read_member_access(ws))
    box = AuditLogBox(context)
    qtbot.addWidget(box)
    told: list[bool] = []
    box.available.connect(told.append)
    qtbot.waitUntil(lambda: told == [False], timeout=10_000)
    add_app(ws, AppIdentity("Boutique", "boutique-prod"))
    context.reload_apps()
    qtbot.waitUntil(lambda: told == [False, True], timeout=10_000)
    assert not box.box.isHidden()


def test_settings_offers_the_audit_tab_to_admins_only(
    make_workspace: Callable[..., Workspace], qtbot: QtBot
) -> None:
    """Seen in the walkthrough: the box hid itself, but as a tab's page it was shown again by
    the tab widget as soon as its tab was clicked, so an analyst got the admin's box (and a
    refusal behind its button)."""
    from engage_desktop.ui.pages.settings import SettingsPage

    ws = make_workspace()
    app_id = _history(ws)
    with ws.session() as session:
        session.execute(
            update(MemberRole)
            .where(MemberRole.member_id == ws.member_id, MemberRole.app_id == app_id)
            .values(role=Role.ANALYST)
        )
    page = SettingsPage(UiContext(ws, access=read_member_access(ws)))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.audit.check.done, timeout=10_000)
    index = page.tabs.indexOf(page.audit)
    assert not page.tabs.isTabVisible(index)
    page.tabs.setCurrentIndex(index)  # even asked for, nothing of it shows
    assert not page.audit.open_button.isVisible()
