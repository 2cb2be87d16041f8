"""What an expansion did or would do, counted: the numbers a confirmation shows before sending.

Per channel and variant the recipients queued, the rows suppressed by reason, how many wait for
quiet hours, and for the French SMS hours, to end, and the estimated end time with a warning when the
send cannot finish before the offer ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from engage_desktop.core.delivery.plan import Planner, Window

# What the whole sending path sustains from the outbox on these machines (DESIGN.md measured
# 3,844 msg/s end to end; 3,000 leaves a margin): the estimate without a throttle.
ASSUMED_RATE_PER_S = 3_000


@dataclass(frozen=True)
class Planned:
    """One addressable device of the audience, after the rules."""

    profile_id: int
    device_id: int | None  # None for SMS and email (one row per person)
    token: str | None
    reason: str | None  # why it is not sent, or None
    variant: str
    at: datetime | None  # when it may leave (None: not sent)
    moved_by: Window | None  # the rule that pushed it later (quiet hours, SMS hours)


@dataclass
class ExpandResult:
    campaign_id: int
    queued: int = 0
    suppressed: dict[str, int] = field(default_factory=dict)
    channel: str = "push"
    per_variant: dict[str, int] = field(default_factory=dict)  # queued rows per variant
    deferred_quiet: int = 0  # queued rows that wait for quiet hours to end
    deferred_sms_hours: int = 0  # … for the French SMS hours (a Sunday, a holiday, the night)
    next_day: int = 0  # local-time rows whose zone was past that time: sent the next day
    now: datetime | None = None
    until: datetime | None = None  # the offer's end ("do not send after")
    first_at: datetime | None = None
    last_at: datetime | None = None
    estimated_end: datetime | None = None

    @property
    def total(self) -> int:
        return self.queued + sum(self.suppressed.values())

    @property
    def ends_after_offer(self) -> bool:
        """The send (throttle, quiet hours) cannot reach everyone before the offer ends."""
        late = self.estimated_end is not None and self.until is not None
        return bool(self.suppressed.get("expired")) or (
            late and self.estimated_end > self.until  # type: ignore[operator]
        )

    def count(self, row: Planned) -> None:
        if row.reason is not None:
            self.suppressed[row.reason] = self.suppressed.get(row.reason, 0) + 1
            return
        self.queued += 1
        self.per_variant[row.variant] = self.per_variant.get(row.variant, 0) + 1
        if row.moved_by == "quiet_hours":
            self.deferred_quiet += 1
        elif row.moved_by == "sms_hours":
            self.deferred_sms_hours += 1
        if row.at is not None:
            if self.first_at is None or row.at < self.first_at:
                self.first_at = row.at
            if self.last_at is None or row.at > self.last_at:
                self.last_at = row.at

    def finish(self, planner: Planner) -> None:
        """The estimated end: the throttle's last slot, else the last row's time plus the
        time the service needs for the rows (at the assumed rate)."""
        self.next_day = planner.next_day
        if self.queued == 0 or self.last_at is None or self.now is None:
            return
        per_minute = planner.ledger.per_minute if planner.ledger else None
        if per_minute:
            self.estimated_end = self.last_at + timedelta(seconds=60 / per_minute)
        else:
            sending = timedelta(seconds=self.queued / ASSUMED_RATE_PER_S)
            self.estimated_end = max(self.last_at, self.now) + sending

    def as_dict(self) -> dict[str, Any]:
        """The JSON ``campaign send --dry-run --json`` prints."""

        def iso(at: datetime | None) -> str | None:
            return at.isoformat(timespec="seconds") if at else None

        return {
            "campaign_id": self.campaign_id,
            "total": self.total,
            "queued": self.queued,
            "recipients": {self.channel: dict(sorted(self.per_variant.items()))},
            "suppressed": dict(sorted(self.suppressed.items())),
            "deferred_by_quiet_hours": self.deferred_quiet,
            "deferred_by_sms_hours": self.deferred_sms_hours,
            "local_time_next_day": self.next_day,
            "first_send_at": iso(self.first_at),
            "estimated_end": iso(self.estimated_end),
            "offer_ends": iso(self.until),
            "ends_after_offer": self.ends_after_offer,
        }


def rules_lines(result: ExpandResult, zone: ZoneInfo) -> list[str]:
    """What the rules will do, in English, one fact a line (the CLI's confirmation; the GUI
    words the same numbers in ``ui.delivery.summary_text``): recipients per variant, rows
    waiting for quiet hours, the first send and the estimated end (with the throttle), and the
    warning when the offer ends first. Times on the app's clock."""

    def shown(at: datetime) -> str:
        return f"{at.astimezone(zone):%Y-%m-%d %H:%M} ({zone.key})"

    lines: list[str] = []
    if len(result.per_variant) > 1:
        parts = ", ".join(f"{k} {v:,}" for k, v in sorted(result.per_variant.items()))
        lines.append(f"  variants:   {parts}")
    if result.deferred_quiet:
        lines.append(f"  deferred:   {result.deferred_quiet:,} wait for the quiet hours to end")
    if result.deferred_sms_hours:
        lines.append(
            f"  deferred:   {result.deferred_sms_hours:,} wait for the French SMS hours "
            "(Monday to Saturday, 08:00-20:00, not on public holidays)"
        )
    if result.next_day:
        lines.append(
            f"  next day:   {result.next_day:,} get it at that time tomorrow (it has passed in "
            "their zone)"
        )
    if result.first_at is not None and result.now is not None and result.first_at > result.now:
        lines.append(f"  first send: {shown(result.first_at)}")
    if result.estimated_end is not None:
        lines.append(f"  estimated end: {shown(result.estimated_end)}")
    if result.ends_after_offer and result.until is not None:
        lines.append(
            "  Warning: the throttle or the quiet hours do not leave time to reach everyone "
            f"before the offer ends ({shown(result.until)}); the others will not receive it."
        )
    return lines
