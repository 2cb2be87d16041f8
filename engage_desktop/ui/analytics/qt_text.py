"""The charts' words in the user's language and their colours from the app's palette.

``translated_text`` fills ``ChartText`` with Qt translations (context ``AnalyticsCharts``) and
QLocale formats, so French users read 1 234 567, 12,5 % and 23/11/2026; weekday names come
from QLocale too. ``style_from_palette`` follows light and dark.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor, QPalette

from engage_desktop.ui.analytics.style import ChartStyle
from engage_desktop.ui.analytics.text import ChartText


def translated_text() -> ChartText:
    """``ChartText``'s English words translated now, with the user's number and date formats."""
    locale = QLocale()

    def number(value: float, decimals: int) -> str:
        if decimals == 0:
            return locale.toString(round(value))
        return locale.toString(float(value), "f", decimals)

    def day(value: date) -> str:
        return locale.toString(
            QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat
        )

    def day_month(value: date) -> str:
        return locale.toString(QDate(value.year, value.month, value.day), "d MMM")

    english = ChartText()
    words: dict[str, Any] = {
        spec.name: _translated(getattr(english, spec.name))
        for spec in fields(ChartText)
        if spec.name not in _NOT_WORDS
    }
    short = QLocale.FormatType.ShortFormat
    weekdays = tuple(locale.dayName(d, short) for d in range(1, 8))
    return replace(english, number=number, day=day, day_month=day_month, weekdays=weekdays, **words)


_NOT_WORDS = frozenset(
    {"number", "day", "day_month", "weekdays"}
)  # formats, and QLocale's weekday names


def _translated(value: object) -> object:
    """A text, or each text of a table, in the user's language (context ``AnalyticsCharts``)."""
    if isinstance(value, str):
        return QCoreApplication.translate("AnalyticsCharts", value)
    if isinstance(value, dict):
        return {key: _translated(text) for key, text in value.items()}
    return value


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
