"""Which claimed rows a service still holds, and what to say when the database refuses a write.

A claimed row carries a lease in the database (``lease_until``). The dispatcher renews the
leases of the rows it holds (waiting in its queue, behind a long Retry-After, or in a slow
request) well before they expire, and never sends a row whose lease it could not renew in time:
past that point another service may have taken it, and two services must never both send it.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Iterable
from datetime import timedelta


class LeaseBook:
    """Outbox id → the monotonic time until which this service may still send the row.

    Only touched from the event loop; the database work happens in threads around it.
    """

    def __init__(self, lease: timedelta) -> None:
        self.seconds = max(lease.total_seconds(), 0.5)
        # Stop sending a row this long before its lease ends: a request started just before
        # the end would otherwise race another service that reclaims the row.
        self.margin = min(5.0, self.seconds / 4)
        self.renew_every = self.seconds / 3
        self._until: dict[int, float] = {}

    def hold(self, ids: Iterable[int], claimed_at: float) -> None:
        """Rows claimed in a transaction that started at monotonic ``claimed_at``."""
        for outbox_id in ids:
            self._until[outbox_id] = claimed_at + self.seconds

    def may_send(self, outbox_id: int) -> bool:
        until = self._until.get(outbox_id)
        return until is not None and time.monotonic() < until - self.margin

    def drop(self, outbox_id: int) -> None:
        self._until.pop(outbox_id, None)

    def snapshot(self) -> list[int]:
        return list(self._until)

    def renewed(self, asked: Iterable[int], kept: set[int], started: float) -> list[int]:
        """Apply a renewal begun at monotonic ``started``; returns the rows found lost."""
        lost = []
        for outbox_id in asked:
            if outbox_id not in self._until:
                continue  # finished meanwhile
            if outbox_id in kept:
                self._until[outbox_id] = started + self.seconds
            else:
                lost.append(outbox_id)
                del self._until[outbox_id]
        return lost

    def __len__(self) -> int:
        return len(self._until)


def storage_problem(exc: BaseException) -> str:
    """A clear reason, for the campaign and the log, from a database write that failed."""
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()[0] if str(inner).strip() else type(inner).__name__
    lower = text.lower()
    if (
        "full" in lower
        or getattr(inner, "errno", None) == errno.ENOSPC
        or getattr(inner, "sqlite_errorname", "") == "SQLITE_FULL"
    ):
        return (
            "The database is full (no space left on the disk, or its size limit reached): "
            "sending is paused, and results already received are kept until they can be "
            "written. Free some disk space, then resume the campaign."
        )
    if "locked" in lower or "lock timeout" in lower or "deadlock" in lower:
        return (
            "The database is locked by another program (it holds a write transaction longer "
            "than the service may wait): sending is paused. Close the program that holds it "
            "(a database browser, a backup tool), then resume the campaign."
        )
    return (
        f"The database cannot be written ({text[:200]}): sending is paused. "
        "Resume the campaign once it works again."
    )
