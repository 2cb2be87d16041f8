"""Writing a batch of results so that one bad result cannot hold back the others.

A batch is one transaction. When the database rejects it for what is in it (a constraint: the
row or its campaign was deleted meanwhile, a value the column refuses) rather than for its own
state (locked, full), the batch is split in halves and each half written alone, down to the one
result at fault, which is logged and dropped: its row, if it still exists, returns to the queue
when its lease ends. Faults of the database itself are raised to the caller, which keeps the
results and tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from sqlalchemy import Engine
from sqlalchemy.exc import DataError, IntegrityError

from engage_desktop.core.outbox.claims import Outcome, record_outcomes

log = logging.getLogger(__name__)
POISON = (IntegrityError, DataError)


def write_results(
    engine: Engine, worker: str, batch: Sequence[Outcome], claim_counts: Mapping[int, int]
) -> list[Outcome]:
    """Write ``batch``; returns the results refused one by one (already logged)."""
    if not batch:
        return []
    try:
        with engine.begin() as conn:
            record_outcomes(conn, worker, batch, claim_counts)
        return []
    except POISON as exc:
        if len(batch) == 1:
            log.error(
                "result of outbox row %d cannot be written, dropped: %s",
                batch[0].outbox_id,
                str(getattr(exc, "orig", exc)).splitlines()[0][:300],
            )
            return list(batch)
    half = len(batch) // 2
    return write_results(engine, worker, batch[:half], claim_counts) + write_results(
        engine, worker, batch[half:], claim_counts
    )
