"""What goes wrong in an import, said with its place: file-level failures and per-row errors.

A file-level failure (``ImportFailed``) stops the import and nothing is written. A row error
(``RowError``) rejects one row; the other rows still import and the errors form a report the
user can save as CSV.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_KEPT_ERRORS = 100_000
"""Row errors kept in memory for the report; beyond that only the count grows."""


class ImportFailed(Exception):
    """The whole import stopped (unreadable file, truncated archive…); nothing was written.

    The message is English for logs and the CLI; ``code`` and ``args_text`` (file name first)
    let the GUI word the same fact in the user's language, as ``CellError`` does for cells.
    """

    def __init__(self, message: str, code: str = "", *args: str) -> None:
        super().__init__(message)
        self.code = code
        self.args_text = args

    def __reduce__(self) -> tuple[Any, ...]:
        # Raised in the process that reads a big file and re-raised in the importing one.
        return (self.__class__, (str(self), self.code, *self.args_text))


def refused(name: str, exc: Exception) -> ImportFailed:
    """The database refused a write (a constraint, a lock held too long, a full disk)."""
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return ImportFailed(
        f"{name}: the database refused the import ({detail}). Everything was rolled back; "
        "nothing was imported.",
        "db_refused",
        name,
        detail,
    )


class CellError(ValueError):
    """A cell that cannot be converted. ``code`` and ``args`` let a UI word it in its language."""

    def __init__(self, code: str, message: str, *args: str) -> None:
        super().__init__(message)
        self.code = code
        self.args_text = args


@dataclass(frozen=True)
class RowError:
    """One reason a row was rejected. ``line`` is the physical line (1 = the header) or record.

    ``reason`` is English (CLI, reports); ``code`` and ``args`` name the same reason for the GUI,
    which words it in the user's language (see ``ui.imports.common.reason_text``).
    """

    line: int
    column: str | None
    value: str | None
    reason: str
    code: str = ""
    args: tuple[str, ...] = ()

    def describe(self) -> str:
        where = f"line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: {self.reason}"


@dataclass
class ErrorLog:
    """Row errors of one import: every failed row is counted, the first ones are kept."""

    errors: list[RowError] = field(default_factory=list)
    failed_rows: int = 0
    truncated: bool = False

    def fail_row(self, errors: Iterable[RowError]) -> None:
        self.failed_rows += 1
        for error in errors:
            if len(self.errors) < MAX_KEPT_ERRORS:
                self.errors.append(error)
            else:
                self.truncated = True


REPORT_HEADER = ("line", "column", "value", "reason")


def write_error_report(errors: Iterable[RowError], path: str | Path) -> int:
    """Write the errors as a UTF-8 CSV with a BOM (so Excel opens accents right); returns rows."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_HEADER)
        for error in errors:
            writer.writerow((error.line, error.column or "", error.value or "", error.reason))
            count += 1
    return count
