"""Read and convert a contacts file, chunk by chunk, in a second process for big files.

A big import spends about as long reading and converting cells (Python, one core) as writing
rows and indexes (SQLite). Threads cannot overlap the two: SQLite's driver takes Python's
interpreter lock back after every row, and a converting thread holds it for milliseconds at a
time. So a file of ``CHILD_ROWS`` rows or more is read and converted by a child process that
sends finished column chunks back through a one-way pipe, while this process checks duplicates
and writes: only converted values cross the pipe, once. The transaction stays in this process,
so cancelling or failing still rolls everything back. Small files convert here: starting a
process costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.mapping import Mapping
from engage_desktop.core.imports.rows import ContactChunk, RowConverter
from engage_desktop.core.imports.tabular import Cell, Table

CHUNK_ROWS = 5_000
CHILD_ROWS = 50_000
"""From this many rows, conversion runs in a child process."""
_POLL_SECONDS = 1.0
PIPE_BYTES = 1 << 20  # Linux's default ceiling for an unprivileged pipe (fs/pipe-max-size)


@dataclass(frozen=True)
class ConverterSpec:
    """What builds a ``RowConverter``: plain values that can be sent to another process."""

    headers: tuple[str, ...]
    mapping: Mapping
    today: date
    strict_width: bool
    region: str

    def build(self) -> RowConverter:
        return RowConverter(
            self.headers,
            self.mapping,
            self.today,
            strict_width=self.strict_width,
            region=self.region,
        )


def converted_chunks(table: Table, spec: ConverterSpec) -> Iterator[ContactChunk]:
    """The file's rows as converted chunks, in file order, from here or from a child process.

    A daemon process may not start children, and a sandbox may refuse to start one: there the
    file converts here, slower but the same.
    """
    if (table.total_rows or 0) >= CHILD_ROWS and not multiprocessing.current_process().daemon:
        return _from_child(table, spec)
    return _here(table, spec.build())


def _here(table: Table, converter: RowConverter) -> Iterator[ContactChunk]:
    batch: list[tuple[int, list[Cell]]] = []
    for row in table.rows():
        batch.append(row)
        if len(batch) >= CHUNK_ROWS:
            yield converter.convert_chunk(batch)
            batch = []
    yield converter.convert_chunk(batch)


def _start_child(table: Table, spec: ConverterSpec) -> tuple[BaseProcess, Connection]:
    """Start the reading process; it writes to a one-way pipe whose only writer it is.

    Not a ``multiprocessing.Queue``: this process would keep that pipe's write end open, so a
    reader killed in the middle of a message (out of memory, ``kill -9``) would leave ``get``
    waiting for the rest forever. With the child as the only writer its death is an end of
    file. The pipe's buffer is also the back-pressure: the child converts at most one chunk
    ahead of the writer.
    """
    context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt
    receiver, sender = context.Pipe(duplex=False)
    _widen(receiver)
    child = context.Process(
        target=_convert_in_child, args=(table, spec, sender), name="engage-import", daemon=True
    )
    try:
        child.start()
    finally:
        sender.close()  # the child has its own copy now
    return child, receiver


def _widen(pipe: Connection) -> None:
    """Linux: room for a whole converted chunk in the pipe (64 KB by default), so the child
    can hand one over and start the next while the writer is still busy."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # another system, or a lower limit: the default buffer works, with less slack


def _from_child(table: Table, spec: ConverterSpec) -> Iterator[ContactChunk]:
    """Chunks from a child process; stopping early (cancel, a database error) stops the child."""
    try:
        child, receiver = _start_child(table, spec)
    except OSError:  # a sandbox that cannot start a process or make the pipe
        yield from _here(table, spec.build())
        return
    try:
        while True:
            kind, payload = _next_message(receiver, child, table)
            if kind == "chunk":
                yield payload
            elif kind == "done":
                return
            elif kind == "failed":
                raise payload
            else:
                raise ImportFailed(
                    f"{table.path.name}: reading the file failed unexpectedly:\n{payload}",
                    "reader_crashed",
                    table.path.name,
                )
    finally:
        if child.is_alive():
            child.terminate()
        child.join(timeout=10)
        receiver.close()


def _next_message(receiver: Connection, child: BaseProcess, table: Table) -> tuple[str, Any]:
    try:
        while not receiver.poll(_POLL_SECONDS):
            if not child.is_alive() and not receiver.poll(0):
                raise EOFError
        message: tuple[str, Any] = receiver.recv()
        return message
    except (EOFError, OSError):
        child.join(timeout=10)
        raise ImportFailed(
            f"{table.path.name}: the process reading the file stopped unexpectedly "
            f"(exit code {child.exitcode}). Nothing was imported.",
            "reader_crashed",
            table.path.name,
        ) from None


def _convert_in_child(table: Table, spec: ConverterSpec, sender: Connection) -> None:
    """The child's whole life: convert every chunk, then say how it ended.

    ``send`` waits while the importing process is behind; if that process is gone, the pipe is
    broken and the child just ends.
    """
    try:
        sender.send(_outcome(table, spec, sender))
    except (BrokenPipeError, ConnectionResetError):
        pass  # the importing process stopped listening (cancelled, or gone)
    finally:
        sender.close()


def _outcome(table: Table, spec: ConverterSpec, sender: Connection) -> tuple[str, Any]:
    """Send every chunk; the last message: done, a failure to show, or an unexpected crash."""
    try:
        for chunk in _here(table, spec.build()):
            sender.send(("chunk", chunk))
    except ImportFailed as exc:
        return ("failed", exc)
    except (BrokenPipeError, ConnectionResetError):
        raise
    except Exception:  # anything else is reported, with its traceback
        return ("crashed", traceback.format_exc())
    return ("done", None)
