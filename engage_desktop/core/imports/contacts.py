"""Import contacts from a CSV or XLSX file into an app's audience, all or nothing.

Rows are read as a stream, converted (``rows``), checked for duplicates inside the file, and
written in chunks: new contacts in bulk, known ones (same external id, else same email) updated
field by field — an empty cell never erases what is stored. Consent columns write one Consent row
per channel with ``source = "import:<file name>"``. Any file-level failure or a cancel leaves the
workspace as it was; rows with bad values are reported and skipped.

Where the chunks go (``sinks``): on SQLite each chunk commits on its own, hidden from readers
until one short publish, so the sending service keeps writing between chunks; on PostgreSQL, and
for dry runs, the whole import is one transaction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from itertools import repeat
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy import Table as SqlTable
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from engage_desktop.core.imports.collector import collector_paused
from engage_desktop.core.imports.errors import ErrorLog, RowError, refused
from engage_desktop.core.imports.mapping import PROFILE_FIELDS, Mapping, auto_map, unknown_columns
from engage_desktop.core.imports.pipeline import ConverterSpec, converted_chunks
from engage_desktop.core.imports.rows import Contact, ContactChunk, RowConverter
from engage_desktop.core.imports.sinks import ChunkedSink, DirectSink
from engage_desktop.core.imports.store import Writer, bulk_connection, refresh_statistics
from engage_desktop.core.imports.tabular import Table, open_table
from engage_desktop.core.imports.turns import ServiceWatch, taking_turns
from engage_desktop.core.progress import NO_PROGRESS, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record
from engage_desktop.security.roles import Permission, require
from engage_desktop.store.import_runs import apply_run, discard_run
from engage_desktop.store.models import Profile

CHUNK_ROWS = 5_000
BULK_ROWS = 50_000
"""From this many rows, into an app without contacts, indexes are rebuilt once at the end."""
IN_ORDER = ("ix_consent_profile_channel_state",)
"""Indexes whose key is the order rows are written in (new profile ids, then channel): kept up
during a bulk load they cost next to nothing, where a rebuild costs 1.5 s per million contacts."""
PUBLISHING = "publishing"
"""Progress message once every row is written: the publish has begun and can no longer be
cancelled (the panel shows a busy bar; staged changes of known contacts are being applied)."""
PROFILE_VALUE_COLUMNS = tuple(f.value for f in PROFILE_FIELDS if f.value != "external_id")
INSERT_COLUMNS = (
    "id",
    "app_id",
    "external_id",
    *PROFILE_VALUE_COLUMNS,
    "created_at",
    "attributes",
)


@dataclass
class ContactImportResult:
    """What an import did. ``failed`` counts rows; ``errors`` lists their reasons (line, column)."""

    file: str
    format_label: str
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    failed: int = 0
    duplicates: int = 0
    consents: int = 0
    errors: list[RowError] = field(default_factory=list)
    errors_truncated: bool = False
    left_out: list[RowError] = field(default_factory=list)
    """Cells left out of imported rows (a bad phone beside a good email…), in file order."""
    rows_with_left_out: int = 0
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    seconds: float = 0.0


class _DryRunDone(Exception):
    """Raised at the end of a dry run so the transaction rolls back."""


def import_contacts(
    ws: Workspace,
    app_id: int,
    path: str | Path,
    mapping: Mapping | None = None,
    *,
    dry_run: bool = False,
    progress: Progress = NO_PROGRESS,
    table: Table | None = None,
    region: str = "FR",
) -> ContactImportResult:
    """Import ``path`` into app ``app_id``. A dry run does everything, then rolls back."""
    started = time.perf_counter()
    table = table or open_table(path)
    mapping = mapping or auto_map(table.headers)
    today = ws.clock.now().date()
    spec = ConverterSpec(tuple(table.headers), mapping, today, table.kind == "csv", region)
    converter = spec.build()  # here too: a mapping without a key fails before any work
    result = ContactImportResult(table.path.name, table.format_label, dry_run=dry_run)
    result.warnings = unknown_columns(table.headers, mapping)
    log = ErrorLog()
    job = _Job(ws, app_id, table, converter, spec, progress, result, log)
    database = ws.location.sqlite_path
    try:
        with collector_paused():
            if dry_run or database is None:
                _in_one_transaction(job, dry_run)
            else:
                _in_chunks(job)
    except _DryRunDone:
        pass
    except DatabaseError as exc:
        raise refused(table.path.name, exc) from exc
    else:
        refresh_statistics(ws.engine, ("profile", "consent"))
    result.failed = log.failed_rows
    result.errors = log.errors
    result.left_out = log.left_out
    result.rows_with_left_out = log.rows_with_left_out
    result.errors_truncated = log.truncated
    result.seconds = time.perf_counter() - started
    return result


@dataclass(frozen=True)
class _Job:
    """One import as asked for, and where its findings go."""

    ws: Workspace
    app_id: int
    table: Table
    converter: RowConverter
    spec: ConverterSpec
    progress: Progress
    result: ContactImportResult
    log: ErrorLog

    def audit(self, session: Session) -> None:
        record(
            session,
            member_id=self.ws.member_id,
            app_id=self.app_id,
            action="audience.import_contacts",
            target=f"app:{self.app_id}",
            details={
                "file": self.table.path.name,
                "inserted": self.result.inserted,
                "updated": self.result.updated,
                "failed": self.log.failed_rows,
                "rows_with_left_out_values": self.log.rows_with_left_out,
            },
        )


def _in_one_transaction(job: _Job, dry_run: bool) -> None:
    """PostgreSQL and dry runs: every chunk in the import's one transaction."""
    with (
        bulk_connection(job.ws.engine) as conn,
        job.ws.session_factory(bind=conn) as session,
        session.begin(),
    ):
        require(session, job.ws.member_id, job.app_id, Permission.EDIT_AUDIENCE)
        writer = Writer(conn)
        run = _Run(conn, DirectSink(writer), job, job.ws.clock.now())
        run.execute(bulk=True)
        job.audit(session)
        if dry_run:
            raise _DryRunDone


def _in_chunks(job: _Job) -> None:
    """SQLite: short committed chunks, hidden until one short publish (see ``sinks``).

    Imports of the workspace take turns; leftovers of one that was killed are finished first.
    Until the publish commits, any failure or a cancel deletes what was written (in short
    transactions too); after it, the staged changes of known contacts are applied in chunks
    (``store/import_runs.apply_run``), and rolled forward by the next opening if this process
    dies meanwhile.
    """
    ws = job.ws
    with taking_turns(ws, job.progress):
        with bulk_connection(ws.engine) as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT")  # transactions are the sink's
            with ws.session_factory(bind=conn) as session:
                require(session, ws.member_id, job.app_id, Permission.EDIT_AUDIENCE)
                run_id = _write_and_publish(job, conn, session)
        _tell(job.progress, job.result.rows_read, None, PUBLISHING)
        apply_run(ws.engine, run_id)
    _tell(job.progress, job.result.rows_read, job.result.rows_read, "rows")


def _tell(progress: Progress, done: int, total: int | None, message: str) -> None:
    """Progress past the publish, where a cancel can no longer be honoured."""
    if progress.callback is not None:
        progress.callback(done, total, message)


def _write_and_publish(job: _Job, conn: Connection, session: Session) -> int:
    writer = Writer(conn)
    now = job.ws.clock.now()
    sink = ChunkedSink(
        writer,
        job.app_id,
        _source(job.table),
        writer.timestamp(now),
        ServiceWatch(session, job.ws.clock),
    )
    old_cache = writer.bigger_cache()
    try:
        _Run(conn, sink, job, now).execute(bulk=False)
        job.progress.report(job.result.rows_read, None, PUBLISHING)  # the last cancel point
        with sink.publishing():
            require(session, job.ws.member_id, job.app_id, Permission.EDIT_AUDIENCE)
            job.audit(session)
            session.flush()
    except BaseException:
        discard_run(job.ws.engine, sink.run_id)
        raise
    finally:
        writer.restore_cache(old_cache)
    return sink.run_id


def _source(table: Table) -> str:
    return f"import:{table.path.name}"[:120]


class _Run:
    """One import's state: keys seen in the file so far and the chunk being built."""

    def __init__(
        self, conn: Connection, sink: DirectSink | ChunkedSink, job: _Job, now: datetime
    ) -> None:
        self.conn = conn
        self.sink = sink
        self.writer = sink.writer
        self.job = job
        app_id, table, result, log = job.app_id, job.table, job.result, job.log
        self.app_id = app_id
        self.table = table
        self.result = result
        self.log = log
        self.now_text = self.writer.timestamp(now)
        self.now = now
        self.source = _source(table)
        self.seen: dict[str, int] = {}  # key → line of its first row in this file
        self.profiles: SqlTable = Profile.__table__  # type: ignore[assignment]
        self.had_profiles = False
        self.headers: tuple[str | None, str | None] = (None, None)

    def execute(self, *, bulk: bool) -> None:
        """Read, convert and write every chunk. ``bulk``: the one-transaction path, which holds
        the write lock from here and may drop indexes to rebuild them once at the end."""
        converter, spec, progress = self.job.converter, self.job.spec, self.job.progress
        if bulk:
            self.writer.lock_for_writing()
        self.had_profiles = (
            self.conn.execute(
                select(func.count()).select_from(
                    select(self.profiles.c.id)
                    .where(self.profiles.c.app_id == self.app_id)
                    .limit(1)
                    .subquery()
                )
            ).scalar_one()
            > 0
        )
        total = self.table.total_rows
        suspended: list[str] = []
        if bulk and not self.had_profiles and (total or 0) >= BULK_ROWS:
            profiles = self.conn.execute(select(func.count()).select_from(self.profiles))
            if (total or 0) >= profiles.scalar_one():
                suspended = self.writer.suspend_indexes("profile", "consent", keep=IN_ORDER)
        old_cache = self.writer.bigger_cache() if bulk else None
        try:
            self._stream(converter, spec, progress, total, suspended)
        finally:
            self.writer.restore_cache(old_cache)

    def _stream(
        self,
        converter: RowConverter,
        spec: ConverterSpec,
        progress: Progress,
        total: int | None,
        suspended: list[str],
    ) -> None:
        ext_header = next(
            (converter.headers[i] for i, k, n, _ in converter.steps if n == "external_id"), None
        )
        email_header = next(
            (converter.headers[i] for i, k, n, _ in converter.steps if n == "email" and k == 0),
            None,
        )
        self.headers = (ext_header, email_header)
        progress.report(0, total, "reading")
        pending: list[ContactChunk] = []
        for chunk in converted_chunks(self.table, spec):
            self.result.rows_read += chunk.size
            pending.append(self._accept(chunk))
            if self.had_profiles or sum(map(len, pending)) >= self.sink.rows_per_transaction:
                self._write(pending)
                pending = []
            progress.report(self.result.rows_read, total, "rows")
        self._write(pending)
        if suspended:
            progress.report(self.result.rows_read, total, "indexing")
            self.writer.restore_indexes(suspended)
        progress.report(self.result.rows_read, self.result.rows_read, "rows")

    def _accept(self, chunk: ContactChunk) -> ContactChunk:
        """The chunk minus in-file duplicates; failed and duplicate rows go to the error log,
        and so do the cells left out of the rows that stay."""
        for errors in chunk.failed:
            self.log.fail_row(errors)
        self._drop_duplicates(chunk)
        for line in sorted(chunk.left_out):
            self.log.warn_row(chunk.left_out[line])
        return chunk

    def _drop_duplicates(self, chunk: ContactChunk) -> None:
        """Keep the first row of each key seen in the file; later ones are rejected."""
        seen = self.seen
        keys = chunk.keys()
        fresh = dict(zip(keys, chunk.lines, strict=True))
        if len(fresh) == len(keys) and not fresh.keys() & seen.keys():
            seen.update(fresh)  # the usual case, no key seen twice: all in C
            return
        keep: list[bool] = []
        duplicates: list[tuple[int, int]] = []  # (row place, line of the first one)
        for j, (key, line) in enumerate(zip(keys, chunk.lines, strict=True)):
            first = seen.setdefault(key, line)
            keep.append(first == line)
            if first != line:
                duplicates.append((j, first))
        if duplicates:
            self._log_duplicates(chunk, duplicates)
            chunk.keep(keep)

    def _log_duplicates(self, chunk: ContactChunk, duplicates: list[tuple[int, int]]) -> None:
        ext_header, email_header = self.headers
        for j, first in duplicates:
            contact = chunk.contact(j)
            self.result.duplicates += 1
            is_ext = contact.external_id is not None
            what = "external id" if is_ext else "email"
            self.log.fail_row(
                [
                    RowError(
                        contact.line,
                        ext_header if is_ext else email_header,
                        contact.external_id if is_ext else contact.email,
                        f"duplicate {what}: already on line {first} of this file "
                        "(the first one was kept)",
                        "duplicate_external_id" if is_ext else "duplicate_email",
                        (str(first),),
                    )
                ]
            )

    # --- writing one chunk -------------------------------------------------------------------

    def _write(self, chunks: list[ContactChunk]) -> None:
        """Write converted chunks in one of the sink's transactions.

        Several only into an app that had no contacts: elsewhere each chunk's known contacts
        are looked up against everything written before it, as in one transaction.
        """
        if not any(chunks):
            return
        split = [self._split_known(chunk) for chunk in chunks]  # lookups before the lock
        with self.sink.chunk():
            for chunk, known in split:
                self._write_one(chunk, known)

    def _split_known(self, chunk: ContactChunk) -> tuple[ContactChunk, list[tuple[int, Contact]]]:
        """The chunk's new contacts (kept in it) and its known ones, with their profile ids."""
        existing = self._existing(chunk) if self.had_profiles else {}
        known: list[tuple[int, Contact]] = []
        if existing:
            keys = chunk.keys()
            known = [(existing[k], chunk.contact(j)) for j, k in enumerate(keys) if k in existing]
            chunk.keep([k not in existing for k in keys])
        return chunk, known

    def _write_one(self, chunk: ContactChunk, known: list[tuple[int, Contact]]) -> None:
        ids = self.sink.allocate_ids(len(chunk))
        self._insert(chunk, ids)
        self._consents_new(chunk, ids)
        self.sink.update_known(known)
        self._consents_known([(pid, c) for pid, c in known if c.consents])
        self.result.inserted += len(ids)
        self.result.updated += len(known)

    def _existing(self, chunk: ContactChunk) -> dict[str, int]:
        external = chunk.values.get("external_id") or [None] * len(chunk)
        email = chunk.values.get("email") or [None] * len(chunk)
        by_ext = [e for e in external if e is not None]
        by_email = [m for e, m in zip(external, email, strict=True) if e is None and m]
        found: dict[str, int] = {}
        if by_ext:
            found.update(
                self.writer.existing_ids(self.profiles, "external_id", self.app_id, by_ext)
            )
        if by_email:
            emails = self.writer.existing_ids(self.profiles, "email", self.app_id, by_email)
            found.update({"\x00@" + k: v for k, v in emails.items()})
            # A contact first created from its email has the email as external id.
            rest = [e for e in by_email if e not in emails]
            if rest:
                as_ext = self.writer.existing_ids(self.profiles, "external_id", self.app_id, rest)
                found.update({"\x00@" + k: v for k, v in as_ext.items()})
        return found

    def _insert(self, chunk: ContactChunk, ids: list[int]) -> None:
        """New profiles, built column by column: zip does the per-row work in C."""
        if not ids:
            return
        values = chunk.values
        nothing = repeat(None)
        external = values.get("external_id")
        email = values.get("email")
        if external is None:
            external = email
        elif email is not None:
            external = [e if e is not None else m for e, m in zip(external, email, strict=True)]
        columns = [
            chunk.stored.get(name) or values.get(name) or nothing for name in PROFILE_VALUE_COLUMNS
        ]
        rows = zip(
            ids,
            repeat(self.app_id),
            external or nothing,
            *columns,
            repeat(self.now_text),
            chunk.stored.get("attributes") or repeat("{}"),
        )
        self.writer.insert("profile", INSERT_COLUMNS, rows)

    def _consents_new(self, chunk: ContactChunk, ids: list[int]) -> None:
        """One consent row per new profile and channel, in key order (profile, then channel)."""
        if not chunk.consents or not ids:
            return
        tails: list[list[tuple[str, str, str, str] | None]] = []
        for channel in sorted(chunk.consents):
            granted = (channel, "granted", self.now_text, self.source)
            denied = (channel, "denied", self.now_text, self.source)
            states = {True: granted, False: denied}
            tails.append([None if s is None else states[s] for s in chunk.consents[channel]])
        rows = [
            (pid, *tail)
            for pid, row in zip(ids, zip(*tails, strict=True), strict=True)
            for tail in row
            if tail is not None
        ]
        if rows:
            self.writer.insert(
                "consent", ("profile_id", "channel", "state", "changed_at", "source"), rows
            )
            self.result.consents += len(rows)

    def _consents_known(self, pairs: list[tuple[int, Contact]]) -> None:
        rows = [
            {
                "profile_id": pid,
                "channel": channel,
                "state": "granted" if granted else "denied",
                "changed_at": self.now,
                "source": self.source,
            }
            for pid, c in pairs
            for channel, granted in c.consents.items()
        ]
        self.sink.consents_known(rows)
        self.result.consents += len(rows)
