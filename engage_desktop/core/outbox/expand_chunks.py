"""Writing a large expansion on SQLite without holding the workspace's write lock for its length.

SQLite has one write lock per file. Written in one transaction, a million-recipient expansion
held it for tens of seconds, past the service's bounded busy wait: results of the campaigns
already sending could not be written, so sending stalled behind a click on "Send". Here the rows
are built outside any write transaction and committed ``CHUNK`` at a time (~50 ms of lock each),
so the service's writes slip in between.

The decision (see ``docs/architecture.md``): rows are **invisible to claims until the campaign is
released**. They land while the campaign is still a draft (or scheduled): the service claims rows
of sending campaigns only, and test rows by their ``edt-`` ids, which these are not. The campaign
turns ``sending`` in one last short transaction (approval check, status, audit). For the user it
stays all-or-nothing: a failed or cancelled expansion deletes what it wrote (in chunks too), and
rows left by one a crash interrupted are deleted by the next expansion of the campaign before it
writes. That is safe because expansions of a workspace take turns (``expansion_lock``, a file
lock the OS releases if the process dies) and a campaign that may be sent has no rows of its own
but test rows: any other row found then is a leftover.

PostgreSQL keeps the one-transaction path: its locks are per row, so a long expansion blocks no
other writer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from sqlalchemy import Engine, and_, delete, not_, select

from engage_desktop.core.outbox.message_ids import TEST_PREFIX, TEST_PREFIX_END
from engage_desktop.core.progress import Progress
from engage_desktop.store.models import OutboxMessage

CHUNK = 5_000  # rows per write transaction: ~50 ms of SQLite's write lock on these machines
OUTBOX = OutboxMessage.metadata.tables["outbox_message"]


@contextmanager
def expansion_lock(database: Path) -> Iterator[None]:
    """Expansions of one SQLite workspace take turns (a lock file beside it, 0600)."""
    fd = os.open(database.with_name(database.name + ".expand.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)  # waits for another expansion to end
        yield
    finally:
        os.close(fd)


def write_in_chunks(
    engine: Engine,
    columns: Sequence[str],
    rows: Iterable[tuple[object, ...]],
    progress: Progress,
    chunk: int = CHUNK,
) -> int:
    """Insert ``rows`` into the outbox, one short transaction per ``chunk``; returns the count.

    Each chunk is built before its transaction begins, so the lock is held only to insert.
    """
    from engage_desktop.core.imports.store import Writer  # numpy inside: not at GUI start

    done = 0
    source = iter(rows)
    while batch := list(islice(source, chunk)):
        with engine.begin() as conn:
            Writer(conn).insert_as_member("outbox_message", columns, batch)
        done += len(batch)
        progress.report(done, None, "recipients")
    progress.report(done, done, "recipients")
    return done


def delete_unreleased_rows(engine: Engine, campaign_id: int, chunk: int = CHUNK) -> int:
    """Delete a not-yet-released campaign's own rows (its test rows stay), chunk by chunk."""
    own = and_(
        OUTBOX.c.campaign_id == campaign_id,
        not_(and_(OUTBOX.c.message_id >= TEST_PREFIX, OUTBOX.c.message_id < TEST_PREFIX_END)),
    )
    deleted = 0
    while True:
        with engine.begin() as conn:
            ids = list(conn.scalars(select(OUTBOX.c.id).where(own).limit(chunk)))
            if ids:
                conn.execute(delete(OUTBOX).where(OUTBOX.c.id.in_(ids)))
        deleted += len(ids)
        if len(ids) < chunk:
            return deleted
