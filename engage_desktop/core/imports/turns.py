"""Imports of one SQLite workspace take turns, and leave room to a sending service.

A contacts import writes in short chunks hidden until it is published (``sinks``); its rows are
recognised as the highest profile ids, so nothing else may add profiles meanwhile: imports of
contacts and of events take turns (``store/import_runs.import_turn``). Waiting for the turn
reports ``WAITING`` through the progress, so a cancel still works.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from engage_desktop.core.clock import Clock
from engage_desktop.core.progress import Progress
from engage_desktop.core.service_status import service_status
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.import_runs import finish_leftovers, import_turn
from engage_desktop.store.models import Campaign, CampaignStatus

WAITING = "waiting"
"""Progress message while another import of the workspace runs."""
TURN_POLL_SECONDS = 0.25
SERVICE_CHECK_SECONDS = 2.0


@contextmanager
def taking_turns(ws: Workspace, progress: Progress) -> Iterator[Path | None]:
    """The workspace's import turn, with the leftovers of a killed import finished first;
    yields the SQLite file, or None on PostgreSQL (no turns there: one transaction each)."""
    database = ws.location.sqlite_path
    if database is None:
        yield None
        return
    while True:
        with import_turn(database, wait=False) as ours:
            if ours:
                finish_leftovers(ws.engine)
                yield database
                return
        progress.report(0, None, WAITING)
        time.sleep(TURN_POLL_SECONDS)


class ServiceWatch:
    """Whether a service is sending on the workspace (a fresh heartbeat and a campaign sending),
    looked at again every ``SERVICE_CHECK_SECONDS`` (a send may start in the middle of an
    import). A service idle beside the GUI (it runs whenever a window is open) needs no room:
    leaving it some cost a million-contact import several seconds of pauses for nothing."""

    def __init__(self, session: Session, clock: Clock) -> None:
        self.session = session
        self.clock = clock
        self.checked_at = -SERVICE_CHECK_SECONDS
        self.running = False

    def __call__(self) -> bool:
        now = time.monotonic()
        if now - self.checked_at >= SERVICE_CHECK_SECONDS:
            self.checked_at = now
            self.running = service_status(self.session, self.clock.now()).running > 0 and bool(
                self.session.scalar(
                    select(exists().where(Campaign.status == CampaignStatus.SENDING))
                )
            )
        return self.running
