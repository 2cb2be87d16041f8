"""The charts' words in the user's language and their colours from the app's palette.

``translated_text`` fills ``ChartText`` with Qt translations (context ``AnalyticsCharts``) and
QLocale formats, so French users read 1 234 567, 12,5 % and 23/11/2026; weekday names come
from QLocale too. ``style_from_palette`` follows light and dark.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor, QPalette

from engage_desktop.ui.analytics.style import ChartStyle
from engage_desktop.ui.analytics.text import ChartText


def translated_text() -> ChartText:
    locale = QLocale()

    def number(value: float, decimals: int) -> str:
        if decimals == 0:
            return locale.toString(round(value))
        return locale.toString(float(value), "f", decimals)

    def day(value: date) -> str:
        return locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )

    short = QLocale.FormatType.ShortFormat
    return ChartText(
        number=number,
        day=day,
        funnel_title=QCoreApplication.translate("AnalyticsCharts", "Funnel"),
        uplift_title=QCoreApplication.translate(
            "AnalyticsCharts", "Conversion against the control group"
        ),
        trends_title=QCoreApplication.translate("AnalyticsCharts", "Daily results"),
        hours_title=QCoreApplication.translate(
            "AnalyticsCharts", "Opens by hour (recipients' local time)"
        ),
        audience_title=QCoreApplication.translate("AnalyticsCharts", "Audience"),
        stages={
            "targeted": QCoreApplication.translate("AnalyticsCharts", "Targeted"),
            "suppressed": QCoreApplication.translate("AnalyticsCharts", "Suppressed"),
            "sent": QCoreApplication.translate("AnalyticsCharts", "Sent"),
            "failed": QCoreApplication.translate("AnalyticsCharts", "Failed"),
            "received": QCoreApplication.translate("AnalyticsCharts", "Received"),
            "opened": QCoreApplication.translate("AnalyticsCharts", "Opened"),
            "converted": QCoreApplication.translate("AnalyticsCharts", "Converted (people)"),
            "opted_out": QCoreApplication.translate("AnalyticsCharts", "Opted out"),
        },
        series={
            "sent": QCoreApplication.translate("AnalyticsCharts", "Sent"),
            "opened": QCoreApplication.translate("AnalyticsCharts", "Opens"),
            "converted": QCoreApplication.translate("AnalyticsCharts", "Conversions"),
            "opted_out": QCoreApplication.translate("AnalyticsCharts", "Opt-outs"),
        },
        reasons={
            "control_group": QCoreApplication.translate("AnalyticsCharts", "control group"),
            "no_push_consent": QCoreApplication.translate("AnalyticsCharts", "no push consent"),
            "push_disabled": QCoreApplication.translate("AnalyticsCharts", "push disabled"),
            "no_token": QCoreApplication.translate("AnalyticsCharts", "no token"),
            "token_invalidated": QCoreApplication.translate("AnalyticsCharts", "token invalidated"),
            "cancelled": QCoreApplication.translate("AnalyticsCharts", "cancelled"),
        },
        weekdays=tuple(locale.dayName(d, short) for d in range(1, 8)),
        variant=QCoreApplication.translate("AnalyticsCharts", "Variant {key}"),
        control=QCoreApplication.translate("AnalyticsCharts", "Control"),
        messages_axis=QCoreApplication.translate("AnalyticsCharts", "messages"),
        engagement_axis=QCoreApplication.translate(
            "AnalyticsCharts", "opens, conversions, opt-outs"
        ),
        hour_axis=QCoreApplication.translate("AnalyticsCharts", "hour"),
        difference_axis=QCoreApplication.translate(
            "AnalyticsCharts", "conversion rate minus control (points)"
        ),
        best_hour=QCoreApplication.translate("AnalyticsCharts", "Best hour: {hour} h"),
        percent=QCoreApplication.translate("AnalyticsCharts", "{value} %"),
        hover_value=QCoreApplication.translate("AnalyticsCharts", "{label}: {value}"),
        difference_tip=QCoreApplication.translate(
            "AnalyticsCharts", "{difference} points (95 % CI {low} to {high})"
        ),
        hour_cell=QCoreApplication.translate("AnalyticsCharts", "{weekday} {hour} h — opens"),
        channels_title=QCoreApplication.translate("AnalyticsCharts", "Channels compared"),
        fatigue_title=QCoreApplication.translate(
            "AnalyticsCharts", "Fatigue: opt-outs by messages received per week"
        ),
        channels={
            "push": QCoreApplication.translate("AnalyticsCharts", "Push"),
            "in_app": QCoreApplication.translate("AnalyticsCharts", "In-app"),
            "rich_push": QCoreApplication.translate("AnalyticsCharts", "Rich push"),
            "sms": QCoreApplication.translate("AnalyticsCharts", "SMS"),
            "email": QCoreApplication.translate("AnalyticsCharts", "Email"),
        },
        channel_rates=QCoreApplication.translate(
            "AnalyticsCharts", "{channel}\nopens {opens} · conv. {conversions}"
        ),
        fatigue_axis=QCoreApplication.translate("AnalyticsCharts", "messages received in the week"),
        fatigue_rate_axis=QCoreApplication.translate("AnalyticsCharts", "opt-out rate"),
        fatigue_tip=QCoreApplication.translate(
            "AnalyticsCharts",
            "Received in the week: {count} — {rate} opted out ({opted} of {weeks} person-weeks)",
        ),
        table_stage=QCoreApplication.translate("AnalyticsCharts", "Stage"),
        table_day=QCoreApplication.translate("AnalyticsCharts", "Day"),
        table_weekday=QCoreApplication.translate("AnalyticsCharts", "Weekday"),
        table_fields={
            "variant": QCoreApplication.translate("AnalyticsCharts", "Variant"),
            "recipients": QCoreApplication.translate("AnalyticsCharts", "Recipients"),
            "converted": QCoreApplication.translate("AnalyticsCharts", "Converted"),
            "rate": QCoreApplication.translate("AnalyticsCharts", "Conversion rate"),
            "control_rate": QCoreApplication.translate("AnalyticsCharts", "Control rate"),
            "difference": QCoreApplication.translate("AnalyticsCharts", "Difference (points)"),
            "low": QCoreApplication.translate("AnalyticsCharts", "95 % CI low"),
            "high": QCoreApplication.translate("AnalyticsCharts", "95 % CI high"),
            "p_value": QCoreApplication.translate("AnalyticsCharts", "p-value"),
            "verdict": QCoreApplication.translate("AnalyticsCharts", "Verdict"),
            "channel": QCoreApplication.translate("AnalyticsCharts", "Channel"),
            "open_rate": QCoreApplication.translate("AnalyticsCharts", "Open rate"),
            "received_per_week": QCoreApplication.translate(
                "AnalyticsCharts", "Messages received per week"
            ),
            "person_weeks": QCoreApplication.translate("AnalyticsCharts", "Person-weeks"),
            "opted_out": QCoreApplication.translate("AnalyticsCharts", "Opted out"),
            "opt_out_rate": QCoreApplication.translate("AnalyticsCharts", "Opt-out rate"),
        },
        no_campaign=QCoreApplication.translate(
            "AnalyticsCharts", "Pick a campaign that has been sent to see its results."
        ),
        no_messages=QCoreApplication.translate(
            "AnalyticsCharts", "This campaign has no messages yet."
        ),
        no_variant_messages=QCoreApplication.translate(
            "AnalyticsCharts", "{variant} has no messages: nobody was sent it."
        ),
        no_control=QCoreApplication.translate(
            "AnalyticsCharts", "This campaign has no control group: there is no uplift to measure."
        ),
        empty_range=QCoreApplication.translate(
            "AnalyticsCharts", "The date range is empty: its end is before its start."
        ),
        nothing_in_range=QCoreApplication.translate(
            "AnalyticsCharts", "Nothing was sent, opened or converted from {first} to {last}."
        ),
        no_opens=QCoreApplication.translate("AnalyticsCharts", "No opens recorded yet."),
        verdicts={
            "better": QCoreApplication.translate(
                "AnalyticsCharts",
                "{variant} converts better than control: {difference} points "
                "(95 % CI {low} to {high}), p = {p}.",
            ),
            "worse": QCoreApplication.translate(
                "AnalyticsCharts",
                "{variant} converts worse than control: {difference} points "
                "(95 % CI {low} to {high}), p = {p}.",
            ),
            "no_difference": QCoreApplication.translate(
                "AnalyticsCharts",
                "No significant difference between {variant} and control "
                "({difference} points, 95 % CI {low} to {high}, p = {p}).",
            ),
            "too_small": QCoreApplication.translate(
                "AnalyticsCharts",
                "Too few conversions to conclude for {variant} ({converted} of {recipients} "
                "against {control_converted} of {control_recipients} in control).",
            ),
            "no_conversions": QCoreApplication.translate(
                "AnalyticsCharts",
                "Nobody converted, in {variant} or in control: does the conversion event "
                "happen in this app?",
            ),
            "no_data": QCoreApplication.translate(
                "AnalyticsCharts", "{variant} has no recipients yet."
            ),
        },
    )


def _mix(a: QColor, b: QColor, share: float) -> str:
    """``a`` moved ``share`` of the way towards ``b``, as #rrggbb."""
    mixed = QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share,
        a.greenF() + (b.greenF() - a.greenF()) * share,
        a.blueF() + (b.blueF() - a.blueF()) * share,
    )
    return str(mixed.name())


def style_from_palette(palette: QPalette) -> ChartStyle:
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return ChartStyle(
        background=str(background.name()),
        text=str(text.name()),
        muted=_mix(text, background, 0.35),
        grid=_mix(background, text, 0.12),
        accent=str(palette.color(QPalette.ColorRole.Highlight).name()),
        dark=background.lightness() < 128,
    )
