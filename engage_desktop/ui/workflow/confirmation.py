"""The one send confirmation: a view of core's ``SendSummary``, nothing computed here.

The composer's "Send…" and the Deliveries page's "Send now" both open ``SendDialog``, which
shows this view before anything is queued; the CLI prints the same summary
(``core.outbox.confirmation.summary_lines``).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from engage_desktop.core.outbox.confirmation import SendSummary, best_hour_day
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.messages import fill
from engage_desktop.ui.sending.send_panel import reason_label
from engage_desktop.ui.workflow.when_text import clock_text, moment_text


class SendConfirmation(QWidget):
    """Who, who not, on which channel, when: filled by ``show_summary``.

    Attributes:
        question: the bold question; ``rows``: the value label of each fact, by key
            (``app``, ``channel``, ``audience``, ``recipients``, ``suppressed``, ``when``).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = QLabel(self.tr("Counting the audience…"))
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold;")
        form = QFormLayout()
        self.rows: dict[str, QLabel] = {}
        for key, title in (
            ("app", self.tr("App")),
            ("channel", self.tr("Channel")),
            ("audience", self.tr("Audience")),
            ("recipients", self.tr("Recipients")),
            ("suppressed", self.tr("Not sent")),
            ("when", self.tr("When")),
        ):
            value = QLabel("…")
            value.setWordWrap(True)
            self.rows[key] = value
            form.addRow(title, value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.question)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_summary(self, summary: SendSummary) -> None:
        self.question.setText(self.question_text(summary))
        self.rows["app"].setText(summary.app_name)
        self.rows["channel"].setText(self.channel_text(summary.channel))
        self.rows["audience"].setText(summary.segment or self.tr("The app's whole audience"))
        self.rows["recipients"].setText(self.count_text(summary, summary.recipients))
        self.rows["suppressed"].setText(self.suppressed_text(summary))
        self.rows["when"].setText(self.when_text(summary))

    def question_text(self, summary: SendSummary) -> str:
        """The bold question, in the campaign's own unit and timing: an SMS goes to people,
        and a local-time or best-hour campaign does not go "now"."""
        if summary.recipients == 0:
            return self.tr("Nobody in this audience can receive it now.")
        people = summary.channel in ("sms", "email")
        n = summary.recipients
        if summary.scheduled_at is not None and summary.best_hour:
            text = (
                self.tr("Send “%1” to %Ln person(s), each at their own best hour?", "", n)
                if people
                else self.tr("Send “%1” to %Ln device(s), each at its owner's best hour?", "", n)
            )
        elif summary.scheduled_at is not None and summary.local_time:
            text = (
                self.tr("Send “%1” to %Ln person(s), each at its time on their own clock?", "", n)
                if people
                else self.tr(
                    "Send “%1” to %Ln device(s), each at its time on its own clock?", "", n
                )
            )
        elif people:
            text = self.tr("Send “%1” now to %Ln person(s)?", "", n)
        else:
            text = self.tr("Send “%1” now to %Ln device(s)?", "", n)
        return fill(text, [summary.name])

    def count_text(self, summary: SendSummary, count: int) -> str:
        """Devices for push and in-app, people for SMS and email (``SendSummary.unit``)."""
        if summary.channel in ("sms", "email"):
            return self.tr("%Ln person(s)", "", count)
        return self.tr("%Ln device(s)", "", count)

    def show_error(self, text: str) -> None:
        self.question.setText(text)

    def channel_text(self, channel: str) -> str:
        names = {
            "push": self.tr("Push notification"),
            "rich_push": self.tr("Rich push"),
            "in_app": self.tr("In-app message"),
            "sms": self.tr("SMS"),
            "email": self.tr("Email"),
        }
        return names.get(channel, channel)

    def suppressed_text(self, summary: SendSummary) -> str:
        if not summary.suppressed_total:
            return self.tr("None: everyone in this audience can receive it.")
        parts = [
            fill(self.tr("%1: %2"), [reason_label(k), format_int(v)])
            for k, v in sorted(summary.suppressed.items())
        ]
        return fill(
            self.tr("%1 (%2)"),
            [self.count_text(summary, summary.suppressed_total), ", ".join(parts)],
        )

    def when_text(self, summary: SendSummary) -> str:
        if summary.scheduled_at is None:
            return self.tr("Now")
        zone = summary.schedule_zone or summary.app_time_zone
        day = best_hour_day(summary)
        if day is not None:
            return fill(
                self.tr(
                    "On %1, at each recipient's best hour on their own clock (the app's best "
                    "hour for those without opens); where that hour has already passed, the "
                    "next day"
                ),
                [
                    QLocale().toString(
                        QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
                    )
                ],
            )
        if summary.local_time:
            return fill(
                self.tr(
                    "At %1 on each recipient's own clock, from the earliest time zone on; "
                    "where that time has already passed, the next day"
                ),
                [clock_text(summary.scheduled_at, zone)],
            )
        return fill(
            self.tr("Now, instead of its scheduled time (%1)"),
            [moment_text(summary.scheduled_at, zone)],
        )
