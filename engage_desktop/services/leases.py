"""Which claimed rows a service still holds, and what to say when the database refuses a write.

A claimed row carries a lease in the database (``lease_until``). The dispatcher renews the
leases of the rows it holds (waiting in its queue, behind a long Retry-After, or in a slow
request) well before they expire, and never sends a row whose lease it could not renew in time:
past that point another service may have taken it, and two services must never both send it.
The database decides when a lease ends (its own clock); the book counts on the service's clock
from before the claim or renewal began, so it always ends a little earlier than the database.

A database that is only busy (another process holds the write lock: an import, a large
expansion) is waited out, not reported as a fault: ``is_busy`` tells the two apart.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from datetime import timedelta

from engage_desktop.services.clock import ServiceClock
from engage_desktop.store.errors import is_busy as is_busy  # its home is the store


class LeaseBook:
    """Outbox id → until when (clock's monotonic) this service may still send the row, and
    under which claim (``claim_count``) its result is written.

    Only touched from the event loop; the database work happens in threads around it.
    """

    def __init__(self, lease: timedelta, clock: ServiceClock) -> None:
        self.clock = clock
        self.seconds = max(lease.total_seconds(), 0.5)
        # Stop sending a row this long before its lease ends: a request started just before
        # the end would otherwise race another service that reclaims the row.
        self.margin = min(5.0, self.seconds / 4)
        self.renew_every = self.seconds / 3
        self._until: dict[int, float] = {}
        self._claim: dict[int, int] = {}

    def hold(self, rows: Iterable[tuple[int, int]], claimed_at: float) -> None:
        """Rows (outbox id, claim count) claimed in a transaction begun at ``claimed_at``."""
        for outbox_id, claim_count in rows:
            self._until[outbox_id] = claimed_at + self.seconds
            self._claim[outbox_id] = claim_count

    def may_send(self, outbox_id: int) -> bool:
        until = self._until.get(outbox_id)
        return until is not None and self.clock.monotonic() < until - self.margin

    def claim_counts(self) -> dict[int, int]:
        """Outbox id → claim count of every row still held (what result writes check)."""
        return dict(self._claim)

    def drop(self, outbox_id: int) -> None:
        self._until.pop(outbox_id, None)
        self._claim.pop(outbox_id, None)

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
                self.drop(outbox_id)
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
    return (
        f"The database cannot be written ({text[:200]}): sending is paused. "
        "Resume the campaign once it works again."
    )


def short_error(exc: BaseException) -> str:
    """The driver's message without SQLAlchemy's statement and parameters (keep logs lean)."""
    return str(getattr(exc, "orig", None) or exc).strip().split("\n")[0][:300]
