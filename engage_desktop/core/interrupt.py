"""Stopping a database query that is already running, from another thread.

A live count that a newer edit made stale should stop using the CPU at once, not when it ends.
SQLite's ``Connection.interrupt()`` and psycopg's ``Connection.cancel()`` are both documented as
safe to call from another thread; the worker hands its raw connection over while its query runs
and takes it back before the connection returns to the pool, under a lock, so an interrupt never
reaches a connection someone else is using.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from engage_desktop.core.progress import Cancelled


class QueryInterrupter:
    """Lets one thread interrupt the query another thread runs in ``running(session)``."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._raw: Any = None
        self.cancelled = False
        self.interrupted = False  # a query was really stopped mid-way (for tests and logs)

    @contextmanager
    def running(self, session: Session) -> Iterator[None]:
        """Run the body's queries interruptibly; an interrupted query raises ``Cancelled``."""
        raw = session.connection().connection.dbapi_connection
        with self._lock:
            if self.cancelled:
                raise Cancelled()
            self._raw = raw
        try:
            yield
        except DBAPIError as exc:
            if self.cancelled:
                raise Cancelled() from exc
            raise
        finally:
            with self._lock:
                self._raw = None

    def cancel(self) -> None:
        """Stop the running query (if any) and any query not started yet."""
        with self._lock:
            self.cancelled = True
            raw = self._raw
            if raw is None:
                return
            stop = getattr(raw, "interrupt", None) or getattr(raw, "cancel", None)
            if stop is not None:
                stop()
                self.interrupted = True
