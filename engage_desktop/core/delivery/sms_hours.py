"""When a marketing SMS may reach a French recipient.

The French commercial-SMS code of practice (FFTélécoms / AF2M, relayed by the CNIL and every
French SMS provider) allows marketing SMS Monday to Saturday from 08:00 to 20:00, never on
Sundays or public holidays. Sources and exact wording: ``docs/delivery-rules.md``. Transactional
SMS (an order confirmation) are not concerned, nor are numbers of other countries: the code binds
French operators, so it follows the number (``+33`` and the overseas departments' codes), read at
the recipient's local time.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from engage_desktop.core.delivery.holidays import is_french_public_holiday

SMS_OPENS = time(8, 0)
SMS_CLOSES = time(20, 0)
SUNDAY = 6
FRENCH_CALLING_CODES = ("+33", "+262", "+508", "+590", "+594", "+596")
"""Metropolitan France, then Réunion and Mayotte, Saint-Pierre-et-Miquelon, Guadeloupe (with
Saint-Barthélemy and Saint-Martin), French Guiana, Martinique: French operators' numbers."""


def under_french_sms_hours(address: str | None) -> bool:
    """Whether the French SMS hours bind a marketing SMS to ``address`` (an E.164 number, as
    expansion stores it). Without a number to read, the rule applies: deferring a message is
    the safe mistake."""
    return address is None or address.startswith(FRENCH_CALLING_CODES)


def sms_allowed(local: datetime) -> bool:
    """True when a marketing SMS may be sent at the recipient's local time ``local``."""
    if local.weekday() == SUNDAY or is_french_public_holiday(local.date()):
        return False
    return SMS_OPENS <= local.time() < SMS_CLOSES


def next_sms_opening(local: datetime) -> datetime:
    """The first local time at or after ``local`` when a marketing SMS may go (naive local)."""
    naive = local.replace(tzinfo=None)
    if sms_allowed(naive):
        return naive
    day = naive.date()
    if naive.time() >= SMS_OPENS:
        day += timedelta(days=1)
    while day.weekday() == SUNDAY or is_french_public_holiday(day):
        day += timedelta(days=1)
    return datetime.combine(day, SMS_OPENS)
