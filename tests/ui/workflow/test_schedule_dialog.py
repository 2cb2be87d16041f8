"""The scheduling dialog on a real workspace, with the workspace's clock fixed.

Fault seen: "Schedule…" opened no dialog, the date was a free "(ISO)" field, and
``15/12/2026 10h00`` made the campaign Scheduled with no date stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, QTime
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from engage_desktop.core.clock import FixedClock
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.workflow.schedule_dialog import ScheduleDialog
from tests.support.sending import seed_app, seed_campaign

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)  # 10:30 in Paris


@pytest.fixture
def setup(
    make_workspace: Callable[..., Workspace], tmp_path: Path, qapp: object
) -> tuple[UiContext, int]:
    ws = replace(make_workspace(), clock=FixedClock(NOW))
    app_id = seed_app(ws, 3)
    campaign_id = seed_campaign(ws, app_id)
    context = UiContext(
        ws,
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        access=read_member_access(ws),
    )
    context.set_app(app_id)
    return context, campaign_id


def _stored(ws: Workspace, campaign_id: int) -> Campaign:
    with ws.session() as session:
        row = session.get(Campaign, campaign_id)
        assert row is not None
        session.expunge(row)
        return row


def _dialog(context: UiContext, campaign_id: int, qtbot: QtBot) -> ScheduleDialog:
    dialog = ScheduleDialog(context, campaign_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    return dialog


def _set(dialog: ScheduleDialog, day: date, hour: int, minute: int = 0) -> None:
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.time_edit.setTime(QTime(hour, minute))


def test_composer_schedule_opens_the_dialog_and_stores_the_time(
    setup: tuple[UiContext, int], qtbot: QtBot
) -> None:
    context, campaign_id = setup
    window = ComposerWindow(context, campaign_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    shown_at = window.widgets["campaign.schedule_at"]
    assert isinstance(shown_at, QLineEdit) and shown_at.isReadOnly()  # no free text to mistype
    window.schedule_button.click()
    qtbot.waitUntil(lambda: window.campaign_actions.schedule_dialog is not None, timeout=10_000)
    dialog = window.campaign_actions.schedule_dialog
    assert isinstance(dialog, ScheduleDialog)
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    # Proposed in the app's zone (Europe/Paris), at least an hour ahead of the fixed clock.
    assert dialog.zone_name() == "Europe/Paris"
    assert dialog.time_edit.time() == QTime(12, 0)
    _set(dialog, date(2026, 12, 15), 10)
    said = dialog.understood.text()  # in the locale's long format, in the zone and in UTC
    assert said.startswith("Goes out on ") and "15" in said and "2026" in said
    assert "10:00" in said and "(Europe/Paris), that is " in said and said.endswith(" (UTC).")
    with qtbot.waitSignal(dialog.scheduled, timeout=10_000):
        dialog.schedule_button.click()
    row = _stored(context.workspace, campaign_id)
    assert row.status is CampaignStatus.SCHEDULED
    assert row.scheduled_at == datetime(2026, 12, 15, 9, 0, tzinfo=UTC)
    assert row.schedule is not None and row.schedule["time_zone"] == "Europe/Paris"
    assert shown_at.text() == "2026-12-15T10:00:00+01:00"
    assert window.status.text().startswith("Scheduled for")


def test_past_and_skipped_times_are_refused_with_their_reason(
    setup: tuple[UiContext, int], qtbot: QtBot
) -> None:
    context, campaign_id = setup
    dialog = _dialog(context, campaign_id, qtbot)
    _set(dialog, date(2026, 12, 3), 10, 15)  # 10:15 in Paris is 09:15 UTC: before NOW
    assert not dialog.schedule_button.isEnabled()
    assert dialog.understood.text() == "This time is already past: choose a later one."
    _set(dialog, date(2027, 3, 28), 2, 30)  # the clocks go from 02:00 to 03:00 that night
    assert not dialog.schedule_button.isEnabled()
    assert "does not exist in Europe/Paris" in dialog.understood.text()
    dialog.set_zone("America/Montreal")
    assert dialog.schedule_button.isEnabled()  # a normal night in Montréal
    assert _stored(context.workspace, campaign_id).status is CampaignStatus.DRAFT


def test_local_time_is_stored_and_unschedule_goes_back_to_draft(
    setup: tuple[UiContext, int], qtbot: QtBot
) -> None:
    context, campaign_id = setup
    dialog = _dialog(context, campaign_id, qtbot)
    assert not dialog.unschedule_button.isVisible()  # a draft has nothing to unschedule
    _set(dialog, date(2026, 12, 24), 18)
    dialog.set_zone("Asia/Tokyo")
    dialog.local_time.setChecked(True)
    assert "on each recipient's clock" in dialog.understood.text()
    with qtbot.waitSignal(dialog.scheduled, timeout=10_000):
        dialog.schedule_button.click()
    row = _stored(context.workspace, campaign_id)
    assert row.scheduled_at == datetime(2026, 12, 24, 9, 0, tzinfo=UTC)
    assert row.schedule is not None
    assert (row.schedule["mode"], row.schedule["time_zone"]) == ("local_time", "Asia/Tokyo")

    again = _dialog(context, campaign_id, qtbot)  # opens on what is stored
    assert again.zone_name() == "Asia/Tokyo" and again.local_time.isChecked()
    assert again.time_edit.time() == QTime(18, 0) and again.unschedule_button.isVisible()
    with qtbot.waitSignal(again.unscheduled, timeout=10_000):
        again.unschedule_button.click()
    row = _stored(context.workspace, campaign_id)
    assert row.status is CampaignStatus.DRAFT and row.scheduled_at is None


def test_french_dialog_uses_the_french_locale(
    setup: tuple[UiContext, int], qtbot: QtBot, french: None
) -> None:
    context, campaign_id = setup
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        dialog = _dialog(context, campaign_id, qtbot)
        _set(dialog, date(2026, 12, 15), 10)
        assert dialog.date_edit.text() == "15/12/2026" and dialog.time_edit.text() == "10:00"
        assert dialog.schedule_button.text() == "Programmer"
        assert "15 décembre 2026 10:00 (Europe/Paris)" in dialog.understood.text()
        _set(dialog, date(2026, 12, 1), 10)
        assert (
            dialog.understood.text()
            == "Cette heure est déjà passée : choisissez-en une plus tardive."
        )
    finally:
        QLocale.setDefault(before)
