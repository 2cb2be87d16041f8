"""Engines and sessions for a workspace, tuned per backend.

SQLite is opened in WAL mode (the GUI reads while the service writes), with foreign keys on and a
busy timeout so two processes wait for each other instead of failing at once.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

SQLITE_BUSY_TIMEOUT_MS = 10_000
BUSY_TIMEOUT_ENV = "ENGAGE_SQLITE_BUSY_TIMEOUT_MS"  # how long a write waits for another's lock


def create_workspace_engine(url: URL, **kwargs: Any) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    connect_args = kwargs.pop("connect_args", {})
    connect_args.setdefault("connect_timeout", 5)
    return create_engine(url, connect_args=connect_args, **kwargs)


def _configure_sqlite(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {_busy_timeout_ms()}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _busy_timeout_ms() -> int:
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "")
    return int(raw) if raw.isdigit() else SQLITE_BUSY_TIMEOUT_MS


def busy_timeout_seconds() -> int:
    """How long a write waits for another program's lock before giving up, in whole seconds
    (what a "the workspace is busy" message tells the user)."""
    return max(1, round(_busy_timeout_ms() / 1000))


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions keep attributes after commit: widgets read them after the transaction ends."""
    return sessionmaker(engine, expire_on_commit=False)
