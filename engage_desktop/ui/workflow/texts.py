"""The workflow's refusals in the user's language (codes from ``core.scheduling``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engage_desktop.core.campaigns.model import CampaignInputError
from engage_desktop.core.scheduling.when import ScheduleError
from engage_desktop.ui.messages import campaign_error_text, coded_text
from engage_desktop.ui.sending.errors import user_message


def _templates() -> dict[str, str]:
    return {
        "schedule_unparseable": QCoreApplication.translate(
            "ScheduleErrors", "“%1” is not a date and time."
        ),
        "schedule_no_offset": QCoreApplication.translate(
            "ScheduleErrors", "“%1” does not say its time zone."
        ),
        "schedule_unknown_zone": QCoreApplication.translate(
            "ScheduleErrors", "“%1” is not a known time zone."
        ),
        "schedule_skipped_time": QCoreApplication.translate(
            "ScheduleErrors", "%1 does not exist in %2: the clocks skip that hour when they change."
        ),
        "schedule_past": QCoreApplication.translate(
            "ScheduleErrors", "This time is already past: choose a later one."
        ),
        "schedule_day_over": QCoreApplication.translate(
            "ScheduleErrors", "This day is over in %2: choose today or a later day."
        ),
        "schedule_missing": QCoreApplication.translate(
            "ScheduleErrors", "Choose a date and time first."
        ),
        "not_scheduled": QCoreApplication.translate(
            "ScheduleErrors", "This campaign is not scheduled."
        ),
    }


def schedule_error_text(exc: BaseException) -> str:
    """Any refusal met while scheduling, worded for people."""
    if isinstance(exc, ScheduleError):
        return coded_text(exc, _templates())
    if isinstance(exc, CampaignInputError):
        if exc.code in _templates():
            return coded_text(exc, _templates())
        return campaign_error_text(exc)
    return user_message(exc)
