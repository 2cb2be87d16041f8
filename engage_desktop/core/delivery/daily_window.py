"""A span of local clock time repeated every day, such as quiet hours 21:00-08:00.

A window whose end is before its start runs over midnight. ``parse_window`` is the one reader of
the "HH:MM-HH:MM" form the CLI and the settings use, with a message naming what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from engage_desktop.core.messages import CodedError

_FORM = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


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


def parse_clock(value: str, what: str) -> time:
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise RuleInputError(
            f"{what}: {value!r} is not a time of day (HH:MM, 00:00 to 23:59).",
            "rule_bad_clock",
            what,
            value,
        )
    return time(int(match[1]), int(match[2]))


def parse_window(value: str, what: str = "quiet hours") -> DailyWindow:
    """``"21:00-08:00"`` → a window; the same start and end is refused (all day or nothing?)."""
    match = _FORM.match(value)
    if match is None:
        raise RuleInputError(
            f"{what}: {value!r} is not a span of time like 21:00-08:00.",
            "rule_bad_window",
            what,
            value,
        )
    try:
        start = parse_clock(f"{match[1]}:{match[2]}", what)
        end = parse_clock(f"{match[3]}:{match[4]}", what)
    except RuleInputError:
        raise RuleInputError(
            f"{what}: {value!r} holds a time that does not exist (00:00 to 23:59).",
            "rule_bad_window",
            what,
            value,
        ) from None
    if start == end:
        raise RuleInputError(
            f"{what}: {value!r} starts and ends at the same time.", "rule_empty_window", what, value
        )
    return DailyWindow(start, end)
