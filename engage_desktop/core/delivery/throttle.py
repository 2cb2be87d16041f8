"""A throttle: at most N messages in any minute of the send, planned before the send starts.

Rows are given slots at expansion (``outbox_message.not_before``), so the service needs no state
of its own for it, several services share it, and the estimated end time is known before
sending. Minutes are counted from the send's start (``origin``); a row whose own time is later
takes the first minute from there with room left (a union-find over full minutes keeps that
near O(1) for a million rows). Within a minute slots are spread evenly.
"""

from __future__ import annotations

from datetime import datetime, timedelta


class ThrottleLedger:
    """Hands out send slots, ``per_minute`` per minute from ``origin`` on."""

    def __init__(self, origin: datetime, per_minute: int) -> None:
        if per_minute <= 0:
            raise ValueError("per_minute must be positive")
        self.origin = origin
        self.per_minute = per_minute
        self._used: dict[int, int] = {}
        self._next: dict[int, int] = {}  # full minute → a later minute to look at
        self.last: datetime | None = None

    def _free_minute(self, minute: int) -> int:
        path = []
        while minute in self._next:
            path.append(minute)
            minute = self._next[minute]
        for seen in path:  # path compression
            self._next[seen] = minute
        return minute

    def take(self, wanted: datetime) -> datetime:
        """The slot for a row that may leave from ``wanted`` on."""
        offset = max(0.0, (wanted - self.origin).total_seconds())
        first = int(offset // 60)
        minute = self._free_minute(first)
        used = self._used.get(minute, 0)
        slot = self.origin + timedelta(seconds=minute * 60 + used * 60 / self.per_minute)
        if minute == first:  # the row's own minute: not before its own time
            slot = max(slot, wanted)
        used += 1
        self._used[minute] = used
        if used >= self.per_minute:
            self._next[minute] = minute + 1
        if self.last is None or slot > self.last:
            self.last = slot
        return slot
