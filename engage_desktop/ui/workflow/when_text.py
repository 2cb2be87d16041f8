"""A moment shown in a given IANA zone, in the user's locale ("15 déc. 2026 10:00 (Europe/Paris)")."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QByteArray, QDateTime, QLocale, QTimeZone


def qzone(name: str) -> QTimeZone:
    """Qt's zone for an IANA name (UTC when Qt does not know it)."""
    found = QTimeZone(QByteArray(name.encode()))
    return found if found.isValid() else QTimeZone.utc()


def moment_text(at: datetime, zone_name: str) -> str:
    """``at`` on the clocks of ``zone_name``, long date and short time, with the zone's name."""
    shown = QDateTime.fromSecsSinceEpoch(int(at.timestamp()), qzone(zone_name))
    locale = QLocale()
    day = locale.toString(shown.date(), QLocale.FormatType.LongFormat)
    clock = locale.toString(shown.time(), QLocale.FormatType.ShortFormat)
    return f"{day} {clock} ({zone_name})"


def clock_text(at: datetime, zone_name: str) -> str:
    """The clock time (short format) ``at`` shows in ``zone_name``: a local-time campaign's
    time, which each recipient gets on their own clock."""
    shown = QDateTime.fromSecsSinceEpoch(int(at.timestamp()), qzone(zone_name))
    return QLocale().toString(shown.time(), QLocale.FormatType.ShortFormat)


def local_zone_name() -> str:
    """This machine's IANA zone (where times typed without a zone are read)."""
    return bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"


def utc_text(at: datetime) -> str:
    return moment_text(at, "UTC")


def short_date_format() -> str:
    """The locale's short date with the whole year ("15/12/2026", "12/15/2026"): a two-digit
    year is ambiguous in a date people schedule by."""
    shown = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return shown if "yyyy" in shown else shown.replace("yy", "yyyy")


def short_time_format() -> str:
    """The locale's own short time ("HH:mm" in French, "h:mm AP" in American English)."""
    return QLocale().timeFormat(QLocale.FormatType.ShortFormat)
