"""The change feed: a few numbers that move whenever an area of the data changes.

Lists (Campaigns, Deliveries, segments, the virtual phones) stay true by polling
``read_versions`` — one small query, about a millisecond — off the GUI thread and reloading
only the areas whose number moved. The numbers come from the database itself, so every writer
counts: the GUI's own saves, the CLI, the service's progress, another machine on a shared
PostgreSQL.

- ``campaigns`` and ``segments``: ``change_stamp`` rows bumped by triggers in the writer's own
  transaction (migration 0014).
- ``progress``: the newest ``delivery_attempt`` id (its primary key's last entry). Every message
  the service hands to a provider (or to the sandbox) records an attempt, so it moves as a send
  progresses without a trigger on the hot outbox table.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage_desktop.store.models import ChangeStamp, DeliveryAttempt


@dataclass(frozen=True)
class ChangeVersions:
    """One reading of the feed; compare two readings with ``changed_areas``."""

    campaigns: int = 0
    segments: int = 0
    progress: int = 0


def read_versions(session: Session) -> ChangeVersions:
    """The current numbers (no permission: they say that something changed, not what)."""
    stamps = {
        str(a): int(v) for a, v in session.execute(select(ChangeStamp.area, ChangeStamp.version))
    }
    progress = session.scalar(select(func.max(DeliveryAttempt.id))) or 0
    return ChangeVersions(
        campaigns=int(stamps.get("campaigns", 0)),
        segments=int(stamps.get("segments", 0)),
        progress=int(progress),
    )


def changed_areas(before: ChangeVersions | None, after: ChangeVersions) -> list[str]:
    """The areas whose number moved (none on the first reading: pages load by themselves)."""
    if before is None:
        return []
    return [f.name for f in fields(after) if getattr(before, f.name) != getattr(after, f.name)]
