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

from engage_desktop.core.csv_cells import neutralise
from engage_desktop.core.messages import CodedError

MAX_KEPT_ERRORS = 100_000
"""Row errors kept in memory for the report; beyond that only the count grows."""


class ImportFailed(CodedError):
    """The whole import stopped (unreadable file, truncated archive…); nothing was written.

    The message is English for logs and the CLI; ``code`` and ``args_text`` (file name first)
    let the GUI word the same fact in the user's language (see ``core.messages``).
    """


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
    """One reason a row was rejected, or a cell left out of an imported row (``left_out``).

    ``line`` is the physical line (1 = the header) or record. ``reason`` is English (CLI,
    reports); ``code`` and ``args`` name the same reason for the GUI, which words it in the
    user's language (see ``ui.imports.common.reason_text``).
    """

    line: int
    column: str | None
    value: str | None
    reason: str
    code: str = ""
    args: tuple[str, ...] = ()
    left_out: bool = False
    """True when the row was imported without this cell: a warning, not a rejection."""

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
    left_out: list[RowError] = field(default_factory=list)
    """Cells left out of imported rows (warnings), the first ``MAX_KEPT_ERRORS`` of them."""
    rows_with_left_out: int = 0

    def fail_row(self, errors: Iterable[RowError]) -> None:
        self.failed_rows += 1
        self._keep(self.errors, errors)

    def warn_row(self, cells: Iterable[RowError]) -> None:
        """An imported row without some of its cells."""
        self.rows_with_left_out += 1
        self._keep(self.left_out, cells)

    def _keep(self, kept: list[RowError], entries: Iterable[RowError]) -> None:
        for entry in entries:
            if len(kept) < MAX_KEPT_ERRORS:
                kept.append(entry)
            else:
                self.truncated = True


REPORT_HEADER = ("line", "column", "value", "reason", "outcome")
OUTCOMES = {False: "row rejected", True: "row imported without this value"}


def write_error_report(errors: Iterable[RowError], path: str | Path) -> int:
    """Write the errors as a UTF-8 CSV with a BOM (so Excel opens accents right); returns rows.

    Rejections and left-out cells go in line order; the last column says which each one is.
    """
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(REPORT_HEADER)
        for error in sorted(errors, key=lambda e: e.line):
            # The value and the column name come from the imported file: neutralised.
            writer.writerow(
                (
                    error.line,
                    neutralise(error.column or ""),
                    neutralise(error.value or ""),
                    neutralise(error.reason),
                    OUTCOMES[error.left_out],
                )
            )
            count += 1
    return count
