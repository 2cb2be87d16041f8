"""Is a dispatch service alive for this workspace? Read from the heartbeat table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage_desktop.store.models import ServiceHeartbeat
from engage_desktop.store.models.operations import HEARTBEAT_STALE_AFTER

STARTED_BY_ENV = "ENGAGE_SERVICE_STARTED_BY"
"""Set by the window that starts a service to its own process id: the service stops when that
process is gone (killed, logged out), instead of sending on with nobody to stop it."""


@dataclass(frozen=True)
class ServiceStatus:
    running: int  # services with a fresh heartbeat
    last_beat: datetime | None
    detail: str | None


def service_status(session: Session, now: datetime) -> ServiceStatus:
    beats = list(
        session.scalars(select(ServiceHeartbeat).order_by(ServiceHeartbeat.beat_at.desc()))
    )
    fresh = [b for b in beats if b.state == "running" and now - b.beat_at <= HEARTBEAT_STALE_AFTER]
    last = beats[0] if beats else None
    return ServiceStatus(len(fresh), last.beat_at if last else None, last.detail if last else None)
