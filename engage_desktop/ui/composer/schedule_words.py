"""The campaign's schedule in words, as the composer shows it beside its "Schedule…" button.

The choice itself is made in the scheduling dialog (``ui.workflow.schedule_dialog``); this only
says what is stored in ``campaign.schedule``: the date and time in the user's locale with the
zone it was chosen in, "in each recipient's local time" when that was chosen, and the day of a
best-hour campaign.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from engage_desktop.ui.messages import fill
from engage_desktop.ui.workflow.when_text import moment_text


def schedule_words(schedule: Mapping[str, Any]) -> str:
    """``campaign.schedule`` in words (stored by the dialog or the CLI)."""
    mode = str(schedule.get("mode") or "now")
    at = moment_from(schedule.get("at"))
    zone = str(schedule.get("time_zone") or "")
    if mode == "best_hour" and at is not None:
        day = QLocale().toString(QDate(at.year, at.month, at.day), QLocale.FormatType.LongFormat)
        on_day = QCoreApplication.translate(
            "ScheduleWords", "On %1, at each recipient's best hour."
        )
        return fill(on_day, [day])
    if mode == "best_hour":
        return QCoreApplication.translate("ScheduleWords", "At each recipient's best hour.")
    if at is None or mode not in ("at", "local_time"):
        return QCoreApplication.translate(
            "ScheduleWords", "Not scheduled: it goes out when you send it."
        )
    shown = moment_text(at, zone) if zone and at.tzinfo else at.strftime("%Y-%m-%d %H:%M")
    if mode == "local_time":
        local = QCoreApplication.translate("ScheduleWords", "%1, in each recipient's local time.")
        return fill(local, [shown])
    return fill(QCoreApplication.translate("ScheduleWords", "On %1."), [shown])


def moment_from(raw: Any) -> datetime | None:
    """A stored ISO 8601 time (None when empty or unreadable: its content check says why)."""
    try:
        return datetime.fromisoformat(str(raw)) if raw else None
    except ValueError:
        return None
