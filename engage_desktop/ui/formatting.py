"""Locale-aware display of dates and numbers (French users expect 1 234 567 and 23/11/2026)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale, QTimeZone


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(qdt, QLocale.FormatType.ShortFormat)


def format_int(value: int | None) -> str:
    return "" if value is None else QLocale().toString(int(value))
