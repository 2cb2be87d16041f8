"""A span of local clock time repeated every day, such as quiet hours 21:00-08:00.

A window whose end is before its start runs over midnight. ``parse_window`` is the one reader of
the spans the CLI and the settings take, with a message naming what is wrong. Times are typed
the way French marketers write them as well as the ISO way: ``21:00``, ``21h00``, ``21h``,
``8h30`` (so ``21h-8h`` is the default quiet hours); the dash may be an en dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from engage_desktop.core.messages import CodedError

_CLOCK = r"(\d{1,2})\s*(?:[:hH]\s*(\d{2})|[hH])"  # 21:00, 21h00, 21 h 00, 21h, 21H
_CLOCK_FORM = re.compile(rf"^\s*{_CLOCK}\s*$")
_FORM = re.compile(rf"^\s*{_CLOCK}\s*[-\u2013]\s*{_CLOCK}\s*$")


class RuleInputError(CodedError):
    """A delivery rule typed wrong (quiet hours, caps, throttle, schedule, time zone)."""


@dataclass(frozen=True)
class DailyWindow:
    start: time
    end: time

    def contains(self, at: time) -> bool:
        """True when the local clock time ``at`` is inside the window (start included)."""
        if self.start <= self.end:
            return self.start <= at < self.end
        return at >= self.start or at < self.end

    def text(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def _clock(hours: str, minutes: str | None) -> time | None:
    hour, minute = int(hours), int(minutes or 0)
    return time(hour, minute) if hour <= 23 and minute <= 59 else None


def parse_clock(value: str, what: str) -> time:
    """``"21:00"``, ``"21h00"``, ``"21h"`` → 21:00; anything else is refused, named."""
    match = _CLOCK_FORM.match(value)
    found = _clock(match[1], match[2]) if match else None
    if found is None:
        raise RuleInputError(
            f"{what}: {value!r} is not a time of day (21:00, 21h00 or 21h; 00:00 to 23:59).",
            "rule_bad_clock",
            what,
            value,
        )
    return found


def parse_window(value: str, what: str = "quiet hours") -> DailyWindow:
    """``"21:00-08:00"``, ``"21h-8h"`` → a window; the same start and end is refused (all day
    or nothing?)."""
    match = _FORM.match(value)
    if match is None:
        raise RuleInputError(
            f"{what}: {value!r} is not a span of time like 21:00-08:00 or 21h-8h.",
            "rule_bad_window",
            what,
            value,
        )
    start, end = _clock(match[1], match[2]), _clock(match[3], match[4])
    if start is None or end is None:
        raise RuleInputError(
            f"{what}: {value!r} holds a time that does not exist (00:00 to 23:59).",
            "rule_bad_window",
            what,
            value,
        )
    if start == end:
        raise RuleInputError(
            f"{what}: {value!r} starts and ends at the same time.", "rule_empty_window", what, value
        )
    return DailyWindow(start, end)
