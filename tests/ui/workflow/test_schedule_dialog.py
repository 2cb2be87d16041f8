"""The scheduling dialog on a real workspace, with the workspace's clock fixed.

Faults seen: "Schedule…" opened no dialog, the date was a free "(ISO)" field, and
``15/12/2026 10h00`` made the campaign Scheduled with no date stored; then the best-hour timing
could not be chosen at all (issue 18).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, QTime
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from engage_desktop.core.analytics.cached import app_trends
from engage_desktop.core.clock import FixedClock
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.scheduling.when import Timing
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignStatus, Role
from engage_desktop.ui.composer.window import ComposerWindow
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.workflow.schedule_dialog import ScheduleDialog
from engage_desktop.ui.workflow.when_text import moment_text, utc_text
from tests.support.analytics_workspace import build_small
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


def _composer(context: UiContext, campaign_id: int, qtbot: QtBot) -> ComposerWindow:
    window = ComposerWindow(context, campaign_id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    return window


def _schedule_from(window: ComposerWindow, qtbot: QtBot) -> ScheduleDialog:
    window.schedule_button.click()
    qtbot.waitUntil(lambda: window.campaign_actions.schedule_dialog is not None, timeout=10_000)
    dialog = window.campaign_actions.schedule_dialog
    assert isinstance(dialog, ScheduleDialog)
    qtbot.waitUntil(dialog.isEnabled, timeout=10_000)
    return dialog


def test_composer_schedule_opens_the_dialog_and_stores_the_time(
    setup: tuple[UiContext, int], qtbot: QtBot
) -> None:
    """The composer also showed the old "Schedule" combo and a read-only "Schedule date
    (ISO)" row beside the dialog; it now says the stored schedule in words."""
    context, campaign_id = setup
    window = _composer(context, campaign_id, qtbot)
    assert not any(key.startswith("campaign.schedule") for key in window.widgets)
    labels = [w.text() for w in window.findChildren(QLabel)]
    assert not any("ISO" in text for text in labels)
    words = window.views.schedule_words
    assert words.text() == "Not scheduled: it goes out when you send it."
    assert window.schedule_button.parent() is words.parent()  # the button is by its words
    dialog = _schedule_from(window, qtbot)
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
    at = datetime(2026, 12, 15, 9, 0, tzinfo=UTC)
    assert row.scheduled_at == at
    assert row.schedule is not None and row.schedule["time_zone"] == "Europe/Paris"
    assert words.text() == f"On {moment_text(at, 'Europe/Paris')}."
    assert said == f"Goes out on {moment_text(at, 'Europe/Paris')}, that is {utc_text(at)}."
    assert window.status.text().startswith("Scheduled for")
    window.save_now()  # a later save keeps what the dialog stored
    qtbot.waitUntil(lambda: not window.saver.busy, timeout=10_000)
    assert _stored(context.workspace, campaign_id).schedule == row.schedule


def _scheduled_in_composer(
    context: UiContext, campaign_id: int, qtbot: QtBot, timing: Timing, zone: str
) -> ComposerWindow:
    """The composer, its campaign scheduled through its dialog on 24 December at 18:00."""
    window = _composer(context, campaign_id, qtbot)
    dialog = _schedule_from(window, qtbot)
    _set(dialog, date(2026, 12, 24), 18)
    dialog.set_zone(zone)
    dialog.timing_buttons[timing].setChecked(True)
    with qtbot.waitSignal(dialog.scheduled, timeout=10_000):
        dialog.schedule_button.click()
    return window


def test_composer_says_local_time_as_chosen_and_after_reopening(
    setup: tuple[UiContext, int], qtbot: QtBot
) -> None:
    context, campaign_id = setup
    window = _scheduled_in_composer(context, campaign_id, qtbot, Timing.LOCAL_TIME, "Asia/Tokyo")
    at = datetime(2026, 12, 24, 9, 0, tzinfo=UTC)
    expected = f"{moment_text(at, 'Asia/Tokyo')}, in each recipient's local time."
    assert window.views.schedule_words.text() == expected
    window.close()
    reopened = _composer(context, campaign_id, qtbot)
    assert reopened.views.schedule_words.text() == expected


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
    dialog.timing_buttons[Timing.LOCAL_TIME].setChecked(True)
    assert "on each recipient's clock" in dialog.understood.text()
    with qtbot.waitSignal(dialog.scheduled, timeout=10_000):
        dialog.schedule_button.click()
    row = _stored(context.workspace, campaign_id)
    assert row.scheduled_at == datetime(2026, 12, 24, 9, 0, tzinfo=UTC)
    assert row.schedule is not None
    assert (row.schedule["mode"], row.schedule["time_zone"]) == ("local_time", "Asia/Tokyo")

    again = _dialog(context, campaign_id, qtbot)  # opens on what is stored
    assert again.zone_name() == "Asia/Tokyo" and again.timing_buttons[Timing.LOCAL_TIME].isChecked()
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
        _set(dialog, date(2026, 12, 15), 10)
        best = dialog.timing_buttons[Timing.BEST_HOUR]
        assert best.text() == "Ce jour-là, à la meilleure heure de chaque destinataire"
        best.setChecked(True)
        assert dialog.understood.text().startswith("Part le mardi 15 décembre 2026, vers chaque")
    finally:
        QLocale.setDefault(before)


def test_best_hour_is_chosen_stored_and_reopened(
    setup: tuple[UiContext, int], qtbot: QtBot
) -> None:
    """Fault: the best-hour timing the delivery rules implement could no longer be chosen."""
    context, campaign_id = setup
    dialog = _dialog(context, campaign_id, qtbot)
    _set(dialog, date(2026, 12, 24), 18)
    dialog.timing_buttons[Timing.BEST_HOUR].setChecked(True)
    assert not dialog.time_edit.isEnabled()  # the hour is each recipient's
    said = dialog.understood.text()
    assert "at the local hour they open most often" in said
    assert "which the Analytics page shows once computed" in said  # no cached figure yet
    with qtbot.waitSignal(dialog.scheduled, timeout=10_000):
        dialog.schedule_button.click()
    row = _stored(context.workspace, campaign_id)
    assert row.status is CampaignStatus.SCHEDULED
    assert row.scheduled_at == datetime(2026, 12, 23, 23, 0, tzinfo=UTC)  # the day's start in Paris
    assert row.schedule is not None
    assert (row.schedule["mode"], row.schedule["at"]) == ("best_hour", "2026-12-24T00:00:00+01:00")

    again = _dialog(context, campaign_id, qtbot)  # opens on what is stored
    assert again.timing_buttons[Timing.BEST_HOUR].isChecked()
    assert again.date_edit.date() == QDate(2026, 12, 24) and not again.time_edit.isEnabled()
    again.timing_buttons[Timing.AT].setChecked(True)
    assert again.time_edit.isEnabled()


def test_best_hour_today_is_accepted_and_a_day_over_refused(
    setup: tuple[UiContext, int], qtbot: QtBot
) -> None:
    context, campaign_id = setup
    dialog = _dialog(context, campaign_id, qtbot)
    dialog.timing_buttons[Timing.BEST_HOUR].setChecked(True)
    _set(dialog, date(2026, 12, 3), 8)  # today in Paris: hours still to come
    assert dialog.schedule_button.isEnabled()
    _set(dialog, date(2026, 12, 2), 8)
    assert not dialog.schedule_button.isEnabled()
    assert dialog.understood.text() == (
        "This day is over in Europe/Paris: choose today or a later day."
    )


def test_best_hour_names_the_apps_hour_once_analytics_computed_it(
    make_workspace: Callable[..., Workspace], tmp_path: Path, qtbot: QtBot
) -> None:
    small = build_small(make_workspace(), Role.ADMIN)
    context = UiContext(
        small.ws,
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        access=read_member_access(small.ws),
    )
    context.set_app(small.app_id)
    app_trends(small.ws, small.app_id)  # the Analytics page computes it: 12 h
    dialog = _dialog(context, small.draft, qtbot)
    _set(dialog, date(2026, 12, 1), 9)
    dialog.timing_buttons[Timing.BEST_HOUR].setChecked(True)
    noon = QLocale().toString(QTime(12, 0), QLocale.FormatType.ShortFormat)
    assert f"the app's best hour, {noon} on their clock" in dialog.understood.text()


def test_composer_says_the_best_hour_day_as_chosen(
    setup: tuple[UiContext, int], qtbot: QtBot
) -> None:
    context, campaign_id = setup
    window = _scheduled_in_composer(context, campaign_id, qtbot, Timing.BEST_HOUR, "Europe/Paris")
    day = QLocale().toString(QDate(2026, 12, 24), QLocale.FormatType.LongFormat)
    assert window.views.schedule_words.text() == f"On {day}, at each recipient's best hour."
