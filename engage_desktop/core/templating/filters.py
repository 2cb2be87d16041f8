"""French formatting filters for Liquid: dates and euro amounts as a French reader expects them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
NBSP = "\u00a0"  # French puts a no-break space before "€" and between thousands groups
NNBSP = "\u202f"


def date_fr(value: Any) -> str:
    """``2026-11-23`` or a date/datetime → ``23 novembre 2026``; other values pass unchanged."""
    d: date | None = None
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    elif isinstance(value, str):
        try:
            d = datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        d = datetime.utcfromtimestamp(value).date()
    if d is None:
        return "" if value is None else str(value)
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {_MONTHS[d.month - 1]} {d.year}"


def euros(value: Any) -> str:
    """``1234.5`` → ``1 234,50 €`` (no-break spaces); non-numbers pass unchanged."""
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return "" if value is None else str(value)
    if not amount.is_finite():
        return str(value)
    text = f"{abs(amount):,.2f}"  # 1,234.50
    whole, cents = text.split(".")
    whole = whole.replace(",", NNBSP)
    sign = "-" if amount < 0 else ""
    return f"{sign}{whole},{cents}{NBSP}€"
