"""The delivery rules' part of a send confirmation, worded from the core summary.

``ExpandResult`` (``core.delivery.summary``) holds the numbers: recipients per variant, rows
waiting for quiet hours, the estimated end and whether the offer ends first. This module only
words them; the dialog shows the lines.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from engage_desktop.core.delivery.daily_window import RuleInputError
from engage_desktop.core.delivery.summary import ExpandResult
from engage_desktop.ui.formatting import format_datetime, format_int
from engage_desktop.ui.messages import fill


class DeliveryCounts(QObject):
    """Sentences with a count, in Qt's plural forms (lupdate finds those in ``self.tr`` only)."""

    def deferred(self, count: int) -> str:
        return self.tr("%n message(s) wait for the quiet hours to end.", "", count)

    def deferred_sms_hours(self, count: int) -> str:
        return self.tr(
            "%n SMS wait for the French SMS hours (Monday to Saturday, 08:00–20:00, "
            "not on public holidays).",
            "",
            count,
        )

    def next_day(self, count: int) -> str:
        return self.tr(
            "At that time the next day, as it has passed in their time zone: %n message(s).",
            "",
            count,
        )


def rule_reason_label(reason: str) -> str | None:
    """Words for the reasons the delivery rules add (None: not one of theirs)."""
    labels = {
        "expired": QCoreApplication.translate("DeliverySummary", "offer ended"),
        "capped": QCoreApplication.translate("DeliverySummary", "frequency cap reached"),
        "no_send_window": QCoreApplication.translate("DeliverySummary", "no allowed sending hour"),
        "no_sms_consent": QCoreApplication.translate("DeliverySummary", "no SMS consent"),
        "no_email_consent": QCoreApplication.translate("DeliverySummary", "no email consent"),
        "no_in_app_consent": QCoreApplication.translate("DeliverySummary", "no in-app consent"),
    }
    return labels.get(reason)


def rules_lines(summary: ExpandResult) -> list[str]:
    """Per-variant recipients, deferred rows, the estimated end, and the offer warning."""
    lines: list[str] = []
    if len(summary.per_variant) > 1:
        parts = [
            fill(
                QCoreApplication.translate("DeliverySummary", "variant %1: %2"),
                [key, format_int(count)],
            )
            for key, count in sorted(summary.per_variant.items())
        ]
        lines.append(
            fill(
                QCoreApplication.translate("DeliverySummary", "Recipients by variant: %1"),
                [", ".join(parts)],
            )
        )
    if summary.deferred_quiet:
        lines.append(DeliveryCounts().deferred(summary.deferred_quiet))
    if summary.deferred_sms_hours:
        lines.append(DeliveryCounts().deferred_sms_hours(summary.deferred_sms_hours))
    if summary.next_day:
        lines.append(DeliveryCounts().next_day(summary.next_day))
    first, now = summary.first_at, summary.now
    if first is not None and now is not None and first > now:  # a local time, quiet hours
        lines.append(
            fill(
                QCoreApplication.translate("DeliverySummary", "First send: %1"),
                [format_datetime(first)],
            )
        )
    if summary.estimated_end is not None:
        lines.append(
            fill(
                QCoreApplication.translate("DeliverySummary", "Estimated end: %1"),
                [format_datetime(summary.estimated_end)],
            )
        )
    if summary.ends_after_offer:
        lines.append(
            fill(
                QCoreApplication.translate(
                    "DeliverySummary",
                    "Warning: the throttle or the quiet hours do not leave time to reach "
                    "everyone before the offer ends (%1); the others will not receive it.",
                ),
                [format_datetime(summary.until)],
            )
        )
    return lines


def rule_error_text(exc: RuleInputError) -> str:
    """A delivery rule or schedule refused, in the user's language (the English otherwise)."""
    args = list(exc.args_text)
    known = {
        "schedule_bad_mode": QCoreApplication.translate(
            "DeliverySummary", "The schedule's mode “%1” is unknown."
        ),
        "schedule_bad_date": QCoreApplication.translate(
            "DeliverySummary", "%1: “%2” is not a date and time (YYYY-MM-DDTHH:MM)."
        ),
        "schedule_needs_at": QCoreApplication.translate(
            "DeliverySummary", "This schedule needs a date and time."
        ),
        "schedule_bad_throttle": QCoreApplication.translate(
            "DeliverySummary", "The throttle “%1” is not a whole number of messages."
        ),
        "schedule_in_past": QCoreApplication.translate(
            "DeliverySummary", "The scheduled time (%1) is in the past."
        ),
        "schedule_offer_over": QCoreApplication.translate(
            "DeliverySummary", "The offer already ended (%1)."
        ),
        "schedule_until_first": QCoreApplication.translate(
            "DeliverySummary", "The offer ends before the send starts."
        ),
        "rule_bad_window": QCoreApplication.translate(
            "DeliverySummary", "%1: “%2” is not a span of time like 21:00-08:00 or 21h-8h."
        ),
        "rule_empty_window": QCoreApplication.translate(
            "DeliverySummary", "%1: “%2” starts and ends at the same time."
        ),
        "caps_bad_channel": QCoreApplication.translate(
            "DeliverySummary",
            "Caps: “%1” should read CHANNEL:N/day,N/week (push, in_app, sms or email).",
        ),
        "caps_bad_limit": QCoreApplication.translate(
            "DeliverySummary", "Caps: “%1” in “%2” should read N/day or N/week (N at least 1)."
        ),
        "rule_unknown_zone": QCoreApplication.translate(
            "DeliverySummary", "%1: “%2” is not a known time zone (e.g. Europe/Paris)."
        ),
    }
    template = known.get(exc.code)
    if template is None:
        return str(exc)
    what = {
        "quiet hours": QCoreApplication.translate("DeliverySummary", "quiet hours"),
        "time zone": QCoreApplication.translate("DeliverySummary", "time zone"),
    }
    if args and args[0] in what:
        args[0] = what[args[0]]
    return fill(template, args)
