"""When each row of a campaign may leave, decided at expansion (``outbox_message.not_before``).

The start is the schedule's (now, a date, the recipient's local wall time, their best hour),
then quiet hours and, for marketing SMS to French numbers, the French SMS hours push it later
(never drop it),
then the throttle gives it a slot. A row whose time falls after the offer's end is expired.
Everything but the throttle depends only on the zone (and the best hour), so it is computed
once per zone: a million rows in a few zones cost a dictionary lookup each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from engage_desktop.core.analytics.trends import (
    best_hour,
    local_grid,
    opens_heatmap,
    profile_open_hours,
)
from engage_desktop.core.delivery.app_rules import AppRules, load_rules
from engage_desktop.core.delivery.reasons import EXPIRED, NO_SEND_WINDOW
from engage_desktop.core.delivery.schedule import (
    DeliverySchedule,
    for_send_now,
    local_time_at,
    parse_schedule,
)
from engage_desktop.core.delivery.sms_hours import under_french_sms_hours
from engage_desktop.core.delivery.throttle import ThrottleLedger
from engage_desktop.core.delivery.windows import first_allowed
from engage_desktop.core.delivery.zones import app_zone
from engage_desktop.store.models import App, Campaign, CampaignFormat

Window = Literal["quiet_hours", "sms_hours"]
"""The rule that put a row off: the app's quiet hours, or the French marketing SMS hours."""
FALLBACK_BEST_HOUR = 15  # open rates peak mid-afternoon (the brief); used without any opens


def marketing_sms(campaign: Campaign, schedule: DeliverySchedule) -> bool:
    return campaign.format == CampaignFormat.SMS and not schedule.transactional


@dataclass
class Planner:
    """Plans rows of one campaign; ``plan`` returns the row's time, or None when expired."""

    schedule: DeliverySchedule
    rules: AppRules
    now: datetime
    sms: bool = False  # a marketing SMS campaign (French numbers get the SMS hours)
    app_best_hour: int = FALLBACK_BEST_HOUR
    open_hours: Mapping[int, list[tuple[str, int]]] = field(default_factory=dict)
    ledger: ThrottleLedger | None = None
    next_day: int = 0  # local-time rows whose zone was past that time: they go the next day
    _cache: dict[tuple[ZoneInfo, int, bool], tuple[datetime | None, Window | None, bool]] = field(
        default_factory=dict
    )

    def hour_of(self, profile_id: int, zone: ZoneInfo) -> int:
        opens = self.open_hours.get(profile_id)
        found = best_hour(local_grid((zone.key, t, n) for t, n in opens)) if opens else None
        return self.app_best_hour if found is None else found

    def _start(self, zone: ZoneInfo, hour: int) -> datetime:
        s = self.schedule
        if s.mode == "at" and s.at is not None:
            return max(s.at, self.now)
        if s.mode == "local_time" and s.at is not None:
            return local_time_at(s.at, zone, self.now)
        if s.mode == "best_hour":
            local_now = self.now.astimezone(zone).replace(tzinfo=None)
            begin = max(local_now, s.at) if s.at is not None else local_now
            wanted = datetime.combine(begin.date(), time(hour))
            if wanted < begin:
                wanted += timedelta(days=1)
            return max(wanted.replace(tzinfo=zone).astimezone(self.now.tzinfo), self.now)
        return self.now

    def _windowed(self, at: datetime, zone: ZoneInfo, sms: bool) -> datetime | None:
        return first_allowed(at, zone, self.rules.quiet, sms)

    def plan(
        self, profile_id: int, zone: ZoneInfo, address: str | None = None
    ) -> tuple[datetime | str, Window | None]:
        """(the row's time, or the reason it never goes: expired past the offer's end, no
        send window; the rule that moved it later, if one did). ``address``: the SMS's number,
        whose country decides whether the French SMS hours apply."""
        hour = self.hour_of(profile_id, zone) if self.schedule.mode == "best_hour" else 0
        sms = self.sms and under_french_sms_hours(address)
        key = (zone, hour, sms)
        known = self._cache.get(key)
        if known is None:
            start = self._start(zone, hour)
            windowed = self._windowed(start, zone, sms)
            moved = self._mover(start, windowed, zone, sms)
            known = self._cache.setdefault(key, (windowed, moved, self._rolled(start, zone)))
        at, moved, rolled = known
        if at is not None and self.ledger is not None:
            at = self._slot(at, zone, sms)
        if at is None:
            return NO_SEND_WINDOW, moved
        until = self.schedule.until
        if until is not None and at > until:
            return EXPIRED, moved
        self.next_day += rolled
        return at, moved

    def _mover(
        self, start: datetime, windowed: datetime | None, zone: ZoneInfo, sms: bool
    ) -> Window | None:
        """Which rule put ``start`` off to ``windowed``: the quiet hours when they alone do."""
        if windowed == start:
            return None
        if sms and self._windowed(start, zone, False) != windowed:
            return "sms_hours"
        return "quiet_hours"

    def _rolled(self, start: datetime, zone: ZoneInfo) -> bool:
        """A local-time start on a later day than the chosen date on the recipient's clock."""
        s = self.schedule
        if s.mode != "local_time" or s.at is None:
            return False
        return start.astimezone(zone).date() > s.at.date()

    def _slot(self, at: datetime, zone: ZoneInfo, sms: bool) -> datetime | None:
        assert self.ledger is not None
        slot = self.ledger.take(at)
        for _ in range(8):  # a slot pushed into quiet hours waits for them to end
            moved = self._windowed(slot, zone, sms)
            if moved is None or moved == slot:
                return moved
            slot = self.ledger.take(moved)
        return slot if self._windowed(slot, zone, sms) == slot else None


def planner_for(
    session: Session, campaign: Campaign, now: datetime, *, scheduled: bool = False
) -> Planner:
    """The planner of ``campaign`` as it stands (its schedule, its app's rules and opens).
    ``scheduled``: the service starting it at its time; else a person sends it now."""
    app = session.get(App, campaign.app_id)
    zone = app_zone(app.time_zone if app else None)
    schedule = parse_schedule(campaign.schedule, zone)
    if not scheduled:
        schedule = for_send_now(schedule)
    rules = load_rules(session.connection(), campaign.app_id)
    per_minute = schedule.throttle_per_minute or rules.throttle_per_minute
    planner = Planner(
        schedule,
        rules,
        now,
        sms=marketing_sms(campaign, schedule),
        ledger=ThrottleLedger(_origin(schedule, now), per_minute) if per_minute else None,
    )
    if schedule.mode == "best_hour":
        planner.app_best_hour = _app_best_hour(session, campaign.app_id)
        planner.open_hours = profile_open_hours(session, campaign.app_id)
    return planner


def _origin(schedule: DeliverySchedule, now: datetime) -> datetime:
    """The throttle's minutes count from the send's start (a date in the future included)."""
    if schedule.mode == "at" and schedule.at is not None:
        return max(schedule.at, now)
    return now


def _app_best_hour(session: Session, app_id: int) -> int:
    found = best_hour(opens_heatmap(session, app_id))
    return FALLBACK_BEST_HOUR if found is None else found
