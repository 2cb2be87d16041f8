"""Read and convert a contacts file, chunk by chunk, in a second process for big files.

A big import spends about as long reading and converting cells (Python, one core) as writing
rows and indexes (SQLite). Threads cannot overlap the two: SQLite's driver takes Python's
interpreter lock back after every row, and a converting thread holds it for milliseconds at a
time. So a file of ``CHILD_ROWS`` rows or more is read and converted by a child process that
sends finished column chunks back through a bounded queue, while this process checks duplicates
and writes: only converted values cross the pipe, once. The transaction stays in this process,
so cancelling or failing still rolls everything back. Small files convert here: starting a
process costs more than it saves.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from multiprocessing.process import BaseProcess
from typing import Any

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.mapping import Mapping
from engage_desktop.core.imports.rows import ContactChunk, RowConverter
from engage_desktop.core.imports.tabular import Cell, Table

CHUNK_ROWS = 5_000
CHILD_ROWS = 50_000
"""From this many rows, conversion runs in a child process."""
QUEUE_CHUNKS = 4
"""Converted chunks waiting for the writer at most: the reader never runs far ahead in memory."""
_POLL_SECONDS = 1.0


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

    A daemon process may not start children, and some sandboxes (no /dev/shm) cannot make the
    queue: there the file converts here, slower but the same.
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


def _start_child(table: Table, spec: ConverterSpec) -> tuple[BaseProcess, Any]:
    context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt
    chunks: Any = context.Queue(maxsize=QUEUE_CHUNKS)
    child = context.Process(
        target=_convert_in_child, args=(table, spec, chunks), name="engage-import", daemon=True
    )
    child.start()
    return child, chunks


def _from_child(table: Table, spec: ConverterSpec) -> Iterator[ContactChunk]:
    """Chunks from a child process; stopping early (cancel, a database error) stops the child."""
    try:
        child, chunks = _start_child(table, spec)
    except OSError:  # no shared memory for the queue's semaphore (some sandboxes)
        yield from _here(table, spec.build())
        return
    try:
        while True:
            kind, payload = _next_message(chunks, child, table)
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
        chunks.close()
        chunks.cancel_join_thread()


def _next_message(chunks: Any, child: BaseProcess, table: Table) -> tuple[str, Any]:
    while True:
        try:
            message: tuple[str, Any] = chunks.get(timeout=_POLL_SECONDS)
            return message
        except queue.Empty:
            if not child.is_alive():
                raise ImportFailed(
                    f"{table.path.name}: the process reading the file stopped unexpectedly "
                    f"(exit code {child.exitcode}). Nothing was imported.",
                    "reader_crashed",
                    table.path.name,
                ) from None


def _convert_in_child(table: Table, spec: ConverterSpec, chunks: Any) -> None:
    """The child's whole life: convert every chunk, then say how it ended."""
    try:
        for chunk in _here(table, spec.build()):
            _send(chunks, ("chunk", chunk))
        _send(chunks, ("done", None))
    except ImportFailed as exc:
        _send(chunks, ("failed", exc))
    except BaseException:
        _send(chunks, ("crashed", traceback.format_exc()))


def _send(chunks: Any, message: tuple[str, Any]) -> None:
    """Put, waiting while the writer is behind; give up if the parent process is gone."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            chunks.put(message, timeout=_POLL_SECONDS)
            return
        except queue.Full:
            if parent is not None and not parent.is_alive():
                raise SystemExit(0) from None
