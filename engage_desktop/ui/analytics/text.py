"""Every word and number format a chart shows, so one drawing code speaks English or French.

``ChartText()`` is English with plain number formats (the CLI, reports made there);
``page.translated_text`` fills the same fields with Qt translations and QLocale formats
(French: 1 234 567, 12,5 %, 23/11/2026). Sentences use ``str.format`` placeholders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


def _number(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}"


def _day(value: date) -> str:
    return value.isoformat()


@dataclass(frozen=True)
class ChartText:
    """Titles, labels, empty states and verdict sentences, plus number and date formats."""

    number: Callable[[float, int], str] = _number
    day: Callable[[date], str] = _day
    funnel_title: str = "Funnel"
    uplift_title: str = "Conversion against the control group"
    trends_title: str = "Daily results"
    hours_title: str = "Opens by hour (recipients' local time)"
    audience_title: str = "Audience"
    stages: dict[str, str] = field(
        default_factory=lambda: {
            "targeted": "Targeted",
            "suppressed": "Suppressed",
            "sent": "Sent",
            "failed": "Failed",
            "received": "Received",
            "opened": "Opened",
            "converted": "Converted (people)",
            "opted_out": "Opted out",
        }
    )
    series: dict[str, str] = field(
        default_factory=lambda: {
            "sent": "Sent",
            "opened": "Opens",
            "converted": "Conversions",
            "opted_out": "Opt-outs",
        }
    )
    reasons: dict[str, str] = field(
        default_factory=lambda: {
            "control_group": "control group",
            "no_push_consent": "no push consent",
            "push_disabled": "push disabled",
            "no_token": "no token",
            "token_invalidated": "token invalidated",
            "cancelled": "cancelled",
        }
    )
    weekdays: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    variant: str = "Variant {key}"
    control: str = "Control"
    messages_axis: str = "messages"
    engagement_axis: str = "opens, conversions, opt-outs"
    hour_axis: str = "hour"
    difference_axis: str = "conversion rate minus control (points)"
    best_hour: str = "Best hour: {hour} h"
    percent: str = "{value} %"
    hover_value: str = "{label}: {value}"
    difference_tip: str = "{difference} points (95 % CI {low} to {high})"
    hour_cell: str = "{weekday} {hour} h — opens"
    channels_title: str = "Channels compared"
    fatigue_title: str = "Fatigue: opt-outs by messages received per week"
    channels: dict[str, str] = field(
        default_factory=lambda: {
            "push": "Push",
            "in_app": "In-app",
            "rich_push": "Rich push",
            "sms": "SMS",
            "email": "Email",
        }
    )
    channel_rates: str = "{channel}\nopens {opens} · conv. {conversions}"
    fatigue_axis: str = "messages received in the week"
    fatigue_rate_axis: str = "opt-out rate"
    fatigue_tip: str = (
        "Received in the week: {count} — {rate} opted out ({opted} of {weeks} person-weeks)"
    )
    table_stage: str = "Stage"
    table_day: str = "Day"
    table_weekday: str = "Weekday"
    table_fields: dict[str, str] = field(
        default_factory=lambda: {
            "variant": "Variant",
            "recipients": "Recipients",
            "converted": "Converted",
            "rate": "Conversion rate",
            "control_rate": "Control rate",
            "difference": "Difference (points)",
            "low": "95 % CI low",
            "high": "95 % CI high",
            "p_value": "p-value",
            "verdict": "Verdict",
            "channel": "Channel",
            "open_rate": "Open rate",
            "received_per_week": "Messages received per week",
            "person_weeks": "Person-weeks",
            "opted_out": "Opted out",
            "opt_out_rate": "Opt-out rate",
        }
    )
    no_campaign: str = "Pick a campaign that has been sent to see its results."
    no_messages: str = "This campaign has no messages yet."
    no_variant_messages: str = "{variant} has no messages: nobody was sent it."
    no_control: str = "This campaign has no control group: there is no uplift to measure."
    empty_range: str = "The date range is empty: its end is before its start."
    nothing_in_range: str = "Nothing was sent, opened or converted from {first} to {last}."
    no_opens: str = "No opens recorded yet."
    verdicts: dict[str, str] = field(
        default_factory=lambda: {
            "better": "{variant} converts better than control: {difference} points "
            "(95 % CI {low} to {high}), p = {p}.",
            "worse": "{variant} converts worse than control: {difference} points "
            "(95 % CI {low} to {high}), p = {p}.",
            "no_difference": "No significant difference between {variant} and control "
            "({difference} points, 95 % CI {low} to {high}, p = {p}).",
            "too_small": "Too few conversions to conclude for {variant} "
            "({converted} of {recipients} against {control_converted} of "
            "{control_recipients} in control).",
            "no_conversions": "Nobody converted, in {variant} or in control: does the "
            "conversion event happen in this app?",
            "no_data": "{variant} has no recipients yet.",
        }
    )
