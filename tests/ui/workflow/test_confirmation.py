"""The send confirmation's words: the campaign's own unit (people for SMS and email) and its
own timing (a local-time campaign does not go "now")."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot

from engage_desktop.core.outbox.confirmation import SendSummary
from engage_desktop.ui.workflow.confirmation import SendConfirmation


def _summary(channel: str, **changes: object) -> SendSummary:
    fields: dict[str, object] = {
        "campaign_id": 1,
        "name": "Soldes",
        "app_name": "Lumière",
        "app_time_zone": "Europe/Paris",
        "channel": channel,
        "segment": None,
        "recipients": 3,
        "suppressed": {"no_sms_consent": 2},
    }
    fields.update(changes)
    return SendSummary(**fields)  # type: ignore[arg-type]


def test_an_sms_goes_to_people_not_devices(qtbot: QtBot) -> None:
    view = SendConfirmation()
    qtbot.addWidget(view)
    view.show_summary(_summary("sms"))
    assert view.question.text() == "Send “Soldes” now to 3 persons?"
    assert view.rows["recipients"].text() == "3 persons"
    assert view.rows["suppressed"].text().startswith("2 persons (")
    view.show_summary(_summary("push"))
    assert view.rows["recipients"].text() == "3 devices"


def test_a_local_time_campaign_is_not_said_to_go_now(qtbot: QtBot) -> None:
    view = SendConfirmation()
    qtbot.addWidget(view)
    at = datetime(2026, 12, 15, 9, 0, tzinfo=UTC)  # 10:00 in Paris
    view.show_summary(
        _summary("push", scheduled_at=at, schedule_zone="Europe/Paris", local_time=True)
    )
    assert "now" not in view.question.text().lower()
    assert "own clock" in view.question.text()
    when = view.rows["when"].text()
    assert when.startswith("At 10:00") and "next day" in when and "Now" not in when


def test_a_best_hour_campaign_is_not_said_to_go_now(qtbot: QtBot) -> None:
    """Fault: a best-hour campaign's confirmation asked to send it "now"."""
    view = SendConfirmation()
    qtbot.addWidget(view)
    at = datetime(2026, 12, 14, 23, 0, tzinfo=UTC)  # 15 December starts then in Paris
    view.show_summary(
        _summary("sms", scheduled_at=at, schedule_zone="Europe/Paris", best_hour=True)
    )
    assert view.question.text() == "Send “Soldes” to 3 persons, each at their own best hour?"
    day = QLocale().toString(QDate(2026, 12, 15), QLocale.FormatType.LongFormat)
    when = view.rows["when"].text()
    assert when.startswith(f"On {day}, at each recipient's best hour") and "Now" not in when
    view.show_summary(
        _summary("push", scheduled_at=at, schedule_zone="Europe/Paris", best_hour=True)
    )
    assert view.question.text() == "Send “Soldes” to 3 devices, each at its owner's best hour?"
