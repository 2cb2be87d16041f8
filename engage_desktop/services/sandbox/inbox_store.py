"""The virtual phones' inboxes kept in a small SQLite file, so they survive a sandbox restart.

Appends are batched (taken every half second by the server and written from a worker thread),
so recording costs the request path one list append. On start the file is pruned to each device's last messages.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import deque
from pathlib import Path
from typing import Any

import orjson

SCHEMA = """
CREATE TABLE IF NOT EXISTS inbox (
    id INTEGER PRIMARY KEY,
    token TEXT NOT NULL,
    item TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inbox_token ON inbox (token, id);
"""
PRUNE_EVERY = 200_000  # appended rows between two prunings


class InboxStore:
    def __init__(self, path: Path, keep: int) -> None:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
        # The virtual phones' messages name people: the file is its owner's only (0600).
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        path.chmod(0o600)
        self.path = path
        self.keep = keep
        self._conn = sqlite3.connect(path, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.executescript(SCHEMA)
        self._pending: list[tuple[str, str]] = []
        self._lock = threading.Lock()  # one writer at a time (worker thread, close, reset)
        self._appended = 0

    def load(self) -> dict[str, deque[dict[str, Any]]]:
        """Every device's last ``keep`` messages, oldest first."""
        self.prune()
        boxes: dict[str, deque[dict[str, Any]]] = {}
        for token, item in self._conn.execute("SELECT token, item FROM inbox ORDER BY id"):
            boxes.setdefault(token, deque(maxlen=self.keep)).append(orjson.loads(item))
        return boxes

    def add(self, token: str, item: dict[str, Any]) -> None:
        self._pending.append((token, orjson.dumps(item).decode()))

    def take(self) -> list[tuple[str, str]]:
        """What was added since the last call (on the server's loop; ``write`` it elsewhere)."""
        batch, self._pending = self._pending, []
        return batch

    def flush(self) -> int:
        return self.write(self.take())

    def write(self, batch: list[tuple[str, str]]) -> int:
        """Append a taken batch (from a worker thread: sqlite3 releases the GIL meanwhile)."""
        if batch:
            with self._lock:
                with self._conn:
                    self._conn.executemany("INSERT INTO inbox (token, item) VALUES (?, ?)", batch)
                self._appended += len(batch)
                if self._appended >= PRUNE_EVERY:
                    self._prune()
        return len(batch)

    def prune(self) -> None:
        with self._lock:
            self._prune()

    def _prune(self) -> None:
        with self._conn:
            self._conn.execute(
                "DELETE FROM inbox WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER "
                "(PARTITION BY token ORDER BY id DESC) AS rn FROM inbox) WHERE rn > ?)",
                (self.keep,),
            )
        self._appended = 0

    def clear(self) -> None:
        self._pending.clear()
        with self._lock, self._conn:
            self._conn.execute("DELETE FROM inbox")

    def close(self) -> None:
        self.flush()
        with self._lock:
            self._conn.close()
