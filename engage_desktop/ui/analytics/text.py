"""Every word and number format a chart shows, so one drawing code speaks English or French.

``ChartText()`` is English with plain number formats (the CLI, reports made there);
``qt_text.translated_text`` translates the same fields (marked here for lupdate, context
``AnalyticsCharts``) and uses QLocale formats (French: 1 234 567, 12,5 %, 23/11/2026).
Sentences use ``str.format`` placeholders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from engage_desktop.ui.translation_marks import QT_TRANSLATE_NOOP


def _number(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}"


def _day(value: date) -> str:
    return value.isoformat()


def _day_month(value: date) -> str:
    return f"{value.day} {_MONTHS[value.month - 1]}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class ChartText:
    """Titles, labels, empty states and verdict sentences, plus number and date formats."""

    number: Callable[[float, int], str] = _number
    day: Callable[[date], str] = _day
    day_month: Callable[[date], str] = _day_month  # axis ticks: "23 Nov", French "23 nov."
    funnel_title: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Funnel")
    uplift_title: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Conversion against the control group")
    uplift_versus_title: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "Conversion of each variant against {reference}"
    )
    trends_title: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Daily results")
    hours_title: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "Opens by hour (recipients' local time)"
    )
    audience_title: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Audience")
    content_title: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Content")
    content_fields: dict[str, str] = field(
        default_factory=lambda: {
            "subject": QT_TRANSLATE_NOOP("AnalyticsCharts", "Subject"),
            "preheader": QT_TRANSLATE_NOOP("AnalyticsCharts", "Preheader"),
            "title": QT_TRANSLATE_NOOP("AnalyticsCharts", "Title"),
            "subtitle": QT_TRANSLATE_NOOP("AnalyticsCharts", "Subtitle"),
            "header": QT_TRANSLATE_NOOP("AnalyticsCharts", "Heading"),
            "body": QT_TRANSLATE_NOOP("AnalyticsCharts", "Text"),
            "text": QT_TRANSLATE_NOOP("AnalyticsCharts", "Plain text"),
            "html": QT_TRANSLATE_NOOP("AnalyticsCharts", "HTML (as text)"),
            "page_url": QT_TRANSLATE_NOOP("AnalyticsCharts", "Page address"),
            "image_url": QT_TRANSLATE_NOOP("AnalyticsCharts", "Image"),
            "deep_link": QT_TRANSLATE_NOOP("AnalyticsCharts", "Link"),
            "actions": QT_TRANSLATE_NOOP("AnalyticsCharts", "Buttons"),
            "buttons": QT_TRANSLATE_NOOP("AnalyticsCharts", "Buttons"),
        }
    )
    no_content: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "This campaign has no content.")
    stages: dict[str, str] = field(
        default_factory=lambda: {
            "targeted": QT_TRANSLATE_NOOP("AnalyticsCharts", "Targeted"),
            "suppressed": QT_TRANSLATE_NOOP("AnalyticsCharts", "Suppressed"),
            "sent": QT_TRANSLATE_NOOP("AnalyticsCharts", "Sent"),
            "failed": QT_TRANSLATE_NOOP("AnalyticsCharts", "Failed"),
            "received": QT_TRANSLATE_NOOP("AnalyticsCharts", "Received"),
            "opened": QT_TRANSLATE_NOOP("AnalyticsCharts", "Opened"),
            "converted": QT_TRANSLATE_NOOP("AnalyticsCharts", "Converted (people)"),
            "opted_out": QT_TRANSLATE_NOOP("AnalyticsCharts", "Opted out"),
        }
    )
    series: dict[str, str] = field(
        default_factory=lambda: {
            "sent": QT_TRANSLATE_NOOP("AnalyticsCharts", "Sent"),
            "opened": QT_TRANSLATE_NOOP("AnalyticsCharts", "Opens"),
            "converted": QT_TRANSLATE_NOOP("AnalyticsCharts", "Conversions"),
            "opted_out": QT_TRANSLATE_NOOP("AnalyticsCharts", "Opt-outs"),
        }
    )
    reasons: dict[str, str] = field(
        default_factory=lambda: {
            "control_group": QT_TRANSLATE_NOOP("AnalyticsCharts", "control group"),
            "no_push_consent": QT_TRANSLATE_NOOP("AnalyticsCharts", "no push consent"),
            "push_disabled": QT_TRANSLATE_NOOP("AnalyticsCharts", "push disabled"),
            "no_token": QT_TRANSLATE_NOOP("AnalyticsCharts", "no token"),
            "token_invalidated": QT_TRANSLATE_NOOP("AnalyticsCharts", "token invalidated"),
            "cancelled": QT_TRANSLATE_NOOP("AnalyticsCharts", "cancelled"),
        }
    )
    weekdays: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    variant: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Variant {key}")
    control: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Control")
    messages_axis: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "messages")
    engagement_axis: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "interactions")
    hour_axis: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "hour")
    difference_axis: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "gap with control (points)")
    difference_versus_axis: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "gap with {reference} (points)"
    )
    best_hour: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Best hour: {hour} h")
    percent: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "{value} %")
    hover_value: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "{label}: {value}")
    difference_tip: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "{difference} points (95 % CI {low} to {high})"
    )
    hour_cell: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "{weekday} {hour} h — opens")
    channels_title: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Channels compared")
    fatigue_title: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "Fatigue: opt-outs by messages received per week"
    )
    channels: dict[str, str] = field(
        default_factory=lambda: {
            "push": QT_TRANSLATE_NOOP("AnalyticsCharts", "Push"),
            "in_app": QT_TRANSLATE_NOOP("AnalyticsCharts", "In-app"),
            "rich_push": QT_TRANSLATE_NOOP("AnalyticsCharts", "Rich push"),
            "sms": QT_TRANSLATE_NOOP("AnalyticsCharts", "SMS"),
            "email": QT_TRANSLATE_NOOP("AnalyticsCharts", "Email"),
        }
    )
    channel_rates: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "{channel}\nopens {opens}\nconv. {conversions}"
    )
    fatigue_axis: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "messages received in the week")
    fatigue_rate_axis: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "opt-out rate")
    fatigue_tip: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts",
        "Received in the week: {count} — {rate} opted out ({opted} of {weeks} person-weeks)",
    )
    table_stage: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Stage")
    table_day: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Day")
    table_weekday: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "Weekday")
    table_fields: dict[str, str] = field(
        default_factory=lambda: {
            "variant": QT_TRANSLATE_NOOP("AnalyticsCharts", "Variant"),
            "recipients": QT_TRANSLATE_NOOP("AnalyticsCharts", "Recipients"),
            "converted": QT_TRANSLATE_NOOP("AnalyticsCharts", "Converted"),
            "rate": QT_TRANSLATE_NOOP("AnalyticsCharts", "Conversion rate"),
            "control_rate": QT_TRANSLATE_NOOP("AnalyticsCharts", "Control rate"),
            "reference_rate": QT_TRANSLATE_NOOP("AnalyticsCharts", "Rate of {reference}"),
            "difference": QT_TRANSLATE_NOOP("AnalyticsCharts", "Difference (points)"),
            "low": QT_TRANSLATE_NOOP("AnalyticsCharts", "95 % CI low"),
            "high": QT_TRANSLATE_NOOP("AnalyticsCharts", "95 % CI high"),
            "p_value": QT_TRANSLATE_NOOP("AnalyticsCharts", "p-value"),
            "verdict": QT_TRANSLATE_NOOP("AnalyticsCharts", "Verdict"),
            "channel": QT_TRANSLATE_NOOP("AnalyticsCharts", "Channel"),
            "open_rate": QT_TRANSLATE_NOOP("AnalyticsCharts", "Open rate"),
            "received_per_week": QT_TRANSLATE_NOOP("AnalyticsCharts", "Messages received per week"),
            "person_weeks": QT_TRANSLATE_NOOP("AnalyticsCharts", "Person-weeks"),
            "opted_out": QT_TRANSLATE_NOOP("AnalyticsCharts", "Opted out"),
            "opt_out_rate": QT_TRANSLATE_NOOP("AnalyticsCharts", "Opt-out rate"),
        }
    )
    no_campaign: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "Pick a campaign that has been sent to see its results."
    )
    no_messages: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "This campaign has no messages yet.")
    no_variant_messages: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "{variant} has no messages: nobody was sent it."
    )
    no_control: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "This campaign has no control group: there is no uplift to measure."
    )
    empty_range: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "The date range is empty: its end is before its start."
    )
    nothing_in_range: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "Nothing was sent, opened or converted from {first} to {last}."
    )
    no_opens: str = QT_TRANSLATE_NOOP("AnalyticsCharts", "No opens recorded yet.")
    no_opens_in_range: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts", "No opens recorded from {first} to {last}."
    )
    is_reference: str = QT_TRANSLATE_NOOP(
        "AnalyticsCharts",
        "No control group: {variant} is the reference the other variants are compared with.",
    )
    versus_verdicts: dict[str, str] = field(
        default_factory=lambda: {
            "better": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "{variant} converts better than {reference}: {difference} points "
                "(95 % CI {low} to {high}), p = {p}.",
            ),
            "worse": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "{variant} converts worse than {reference}: {difference} points "
                "(95 % CI {low} to {high}), p = {p}.",
            ),
            "no_difference": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "No significant difference between {variant} and {reference} "
                "({difference} points, 95 % CI {low} to {high}, p = {p}).",
            ),
            "too_small": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "Too few conversions to conclude for {variant} "
                "({converted} of {recipients} against {control_converted} of "
                "{control_recipients} in {reference}).",
            ),
            "no_conversions": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "Nobody converted, in {variant} or in {reference}: does the "
                "conversion event happen in this app?",
            ),
            "no_data": QT_TRANSLATE_NOOP("AnalyticsCharts", "{variant} has no recipients yet."),
        }
    )
    verdicts: dict[str, str] = field(
        default_factory=lambda: {
            "better": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "{variant} converts better than control: {difference} points "
                "(95 % CI {low} to {high}), p = {p}.",
            ),
            "worse": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "{variant} converts worse than control: {difference} points "
                "(95 % CI {low} to {high}), p = {p}.",
            ),
            "no_difference": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "No significant difference between {variant} and control "
                "({difference} points, 95 % CI {low} to {high}, p = {p}).",
            ),
            "too_small": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "Too few conversions to conclude for {variant} "
                "({converted} of {recipients} against {control_converted} of "
                "{control_recipients} in control).",
            ),
            "no_conversions": QT_TRANSLATE_NOOP(
                "AnalyticsCharts",
                "Nobody converted, in {variant} or in control: does the "
                "conversion event happen in this app?",
            ),
            "no_data": QT_TRANSLATE_NOOP("AnalyticsCharts", "{variant} has no recipients yet."),
        }
    )
