"""Each recipient's time zone: the profile's, else the device's, else the app's.

The same for every channel: a push row has its device; an SMS or email goes to the person, so
"the device" is the person's most recently seen device that knows its zone
(``person_device_zone``), read by the expansion and by the claim-time screen alike.

Stored zone names come from imports and SDKs: an unknown one is skipped (the next source is
used), never fatal to a send. A zone typed by a person (``check_zone``) is refused with a clear
message instead.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import QueryableAttribute, aliased
from sqlalchemy.sql.elements import ColumnElement

from engage_desktop.core.delivery.daily_window import RuleInputError
from engage_desktop.store.models import Device


@lru_cache(maxsize=1024)
def _zone_or_none(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def recipient_zone(
    profile_zone: str | None, device_zone: str | None, app_zone: ZoneInfo
) -> ZoneInfo:
    """The first known zone of profile, device, app (cached: a million rows, a few zones)."""
    for name in (profile_zone, device_zone):
        if name:
            found = _zone_or_none(name)
            if found is not None:
                return found
    return app_zone


def check_zone(name: str, what: str = "time zone") -> ZoneInfo:
    """A zone a person typed, or a message naming it."""
    found = _zone_or_none(name) if name else None
    if found is None:
        raise RuleInputError(
            f"{what}: {name!r} is not a known IANA time zone (e.g. Europe/Paris).",
            "rule_unknown_zone",
            what,
            name,
        )
    return found


def app_zone(name: str | None) -> ZoneInfo:
    """The app's zone; the app's own check refuses unknown names, UTC covers old rows."""
    return (_zone_or_none(name) if name else None) or ZoneInfo("UTC")


def person_device_zone(
    profile_id: ColumnElement[Any] | QueryableAttribute[Any],
) -> ScalarSelect[str | None]:
    """SQL: the zone of the person's most recently seen device that has one (for the rows of
    SMS and email, which have no device of their own). Reads ``device`` by its profile index."""
    mine = aliased(Device)  # the outer query may join the row's own device
    return (
        select(mine.time_zone)
        .where(mine.profile_id == profile_id, mine.time_zone.is_not(None))
        .order_by(mine.last_seen_at.desc().nulls_last(), mine.id.desc())
        .limit(1)
        .correlate_except(mine)
        .scalar_subquery()
    )
