"""Open a contacts file (CSV or XLSX) as a header plus a stream of numbered rows.

Rows stream: a million-row CSV is never held in memory. CSV lines are decoded one by one so a
byte that does not fit the detected encoding is reported with its line. XLSX goes through
openpyxl's read-only mode, which also streams.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.limits import (
    MAX_LINE_BYTES,
    MAX_XLSX_PART_BYTES,
    MAX_XLSX_PART_RATIO,
    MAX_XLSX_PART_RATIO_FROM,
    line_too_long,
    size_text,
)
from engage_desktop.core.imports.sniff import TextFormat, sniff_text_file

Cell = str | int | float | bool | date | datetime | None
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how spreadsheets name columns, used in messages."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_text(cell: Cell) -> str:
    """Any cell as trimmed text; whole floats lose their '.0' (Excel stores 75001 as 75001.0)."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, bool):
        return "true" if cell else "false"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


@dataclass
class Table:
    """An opened contacts file. ``rows()`` yields ``(line, cells)`` after the header line.

    ``line`` is the file's line number (the header is line ``header_line``), which is what a
    user finds in a text editor or in the spreadsheet's row numbers.
    """

    path: Path
    kind: str  # "csv" | "xlsx"
    headers: list[str]
    header_line: int
    text_format: TextFormat | None = None
    total_rows: int | None = None
    _preview: list[list[Cell]] = field(default_factory=list)
    preview_lines: list[int] = field(default_factory=list)

    @property
    def format_label(self) -> str:
        return self.text_format.label if self.text_format else "Excel workbook (XLSX)"

    def preview(self, count: int = 20) -> list[list[Cell]]:
        return self._preview[:count]

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        if self.kind == "xlsx":
            return _xlsx_rows(self.path, self.header_line)
        assert self.text_format is not None
        return _csv_rows(self.path, self.text_format, self.header_line)


def open_table(path: str | Path, preview_rows: int = 20) -> Table:
    """Open and sniff a CSV or XLSX file: headers, format, an estimate of the rows, a preview."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"{path} does not exist or is not a file.", "missing", str(path))
    if path.suffix.lower() in XLSX_SUFFIXES:
        table = _open_xlsx(path)
    elif path.suffix.lower() == ".xls":
        raise ImportFailed(
            f"{path.name} is an old Excel 97-2003 workbook: save it as .xlsx or CSV first.",
            "old_xls",
            path.name,
        )
    else:
        table = _open_csv(path)
    preview: list[list[Cell]] = []
    for line, cells in table.rows():
        preview.append(cells)
        table.preview_lines.append(line)
        if len(preview) >= preview_rows:
            break
    table._preview = preview
    return table


def _clean_headers(raw: list[Cell]) -> list[str]:
    headers = []
    for i, value in enumerate(raw):
        text = "" if value is None else str(value).strip()
        headers.append(text or f"({column_letter(i)})")
    while headers and headers[-1].startswith("(") and raw[len(headers) - 1] in (None, ""):
        headers.pop()  # trailing empty header cells (spreadsheets leave a few)
    return headers


# --- CSV ---------------------------------------------------------------------------------------


def _open_csv(path: Path) -> Table:
    text_format = sniff_text_file(path)
    header_line, header = 0, None
    with _binary(path) as handle:
        reader = csv.reader(
            _decoded_lines(handle, text_format.encoding, path.name), delimiter=text_format.delimiter
        )
        for row in reader:
            if any(cell.strip() for cell in row):
                header, header_line = row, reader.line_num
                break
    if header is None:
        raise ImportFailed(f"{path.name} has no header line.", "no_header", path.name)
    headers = _clean_headers(list(header))
    total = max(_count_lines(path) - header_line, 0)  # also refuses a line past the bound
    return Table(path, "csv", headers, header_line, text_format, total)


@contextmanager
def _binary(path: Path) -> Iterator[BinaryIO]:
    with open(path, "rb") as handle:
        yield handle


def _decoded_lines(handle: BinaryIO, encoding: str, name: str) -> Iterator[str]:
    """The file's lines decoded, each read with a bound: a bad byte or a line with no end stops
    the import, named by its line."""
    number = 0
    while raw := handle.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise line_too_long(name, number)
        try:
            yield raw.decode(encoding)
        except UnicodeDecodeError as exc:
            detected = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8"}.get(encoding, encoding)
            raise ImportFailed(
                f"{name}: line {number} has byte 0x{raw[exc.start]:02x} at character "
                f"{exc.start + 1}, which is not {detected} like the start of the file. The file "
                "mixes encodings: save it again as 'CSV UTF-8'. Nothing was imported.",
                "mixed_encoding",
                name,
                str(number),
                f"0x{raw[exc.start]:02x}",
            ) from None


def _count_lines(path: Path) -> int:
    """Lines in the file, read a block at a time; a line longer than ``MAX_LINE_BYTES`` is
    refused here, before the CSV reader (which holds a whole line) ever sees it.

    Blocks are ``MAX_LINE_BYTES`` long, so a line past the bound spans a block boundary: the
    run of bytes since the last newline is only tracked across boundaries, two ``find`` calls
    a block.
    """
    count, last, run = 0, b"\n", 0
    with open(path, "rb") as handle:
        while chunk := handle.read(MAX_LINE_BYTES):
            first = chunk.find(b"\n")
            run += len(chunk) if first < 0 else first + 1
            if run > MAX_LINE_BYTES:
                raise line_too_long(path.name, count + 1)
            if first >= 0:
                count += chunk.count(b"\n")
                run = len(chunk) - 1 - chunk.rfind(b"\n")
            last = chunk[-1:]
    return count + (last != b"\n")


def _csv_rows(
    path: Path, text_format: TextFormat, header_line: int
) -> Iterator[tuple[int, list[Cell]]]:
    """Rows through Python's buffered decoder (fast); on a bad byte, find its line and stop."""
    with open(path, encoding=text_format.encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=text_format.delimiter)
        try:
            for row in reader:
                if reader.line_num <= header_line:
                    continue
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue  # blank line
                yield reader.line_num, row  # type: ignore[misc]
        except UnicodeDecodeError:
            with _binary(path) as raw:
                for _line in _decoded_lines(raw, text_format.encoding, path.name):
                    pass  # raises ImportFailed naming the line
            raise  # not reached: the line-by-line pass found the same bad byte
        except csv.Error as exc:
            raise ImportFailed(
                f"{path.name}: line {reader.line_num} cannot be read as CSV ({exc}). "
                "Nothing was imported.",
                "bad_csv",
                path.name,
                str(reader.line_num),
            ) from None


# --- XLSX --------------------------------------------------------------------------------------


def _load_workbook(path: Path) -> Any:
    """openpyxl's streaming reader, after the workbook's parts were checked against the bounds.

    openpyxl reads the whole shared-strings table into memory when it opens a workbook, so a
    workbook whose parts expand without bound is refused from the zip directory first (the
    sizes there are enforced while decompressing: a part that lies about its size fails its
    check). XML entity tricks are refused by defusedxml, which openpyxl uses when installed.
    """
    import zipfile

    from openpyxl import load_workbook

    try:
        _check_workbook_parts(path)
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFailed(
            f"{path.name} is not a readable Excel workbook ({exc}).", "bad_xlsx", path.name
        ) from None


def _check_workbook_parts(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        for part in archive.infolist():
            ratio = part.file_size / max(part.compress_size, 1)
            too_big = part.file_size > MAX_XLSX_PART_BYTES
            if too_big or (
                part.file_size > MAX_XLSX_PART_RATIO_FROM and ratio > MAX_XLSX_PART_RATIO
            ):
                raise ImportFailed(
                    f"{path.name}: the workbook part {part.filename} expands to "
                    f"{size_text(part.file_size)} (at most {size_text(MAX_XLSX_PART_BYTES)}, "
                    f"{MAX_XLSX_PART_RATIO} times its compressed size): it is not a workbook this "
                    "app can open safely. Save the sheet as CSV, or split it. Nothing was imported.",
                    "xlsx_too_big",
                    path.name,
                    part.filename,
                    size_text(part.file_size),
                )


def _open_xlsx(path: Path) -> Table:
    workbook = _load_workbook(path)
    try:
        sheet = workbook.worksheets[0]
        header_line, header = 0, None
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(v not in (None, "") for v in values):
                header_line, header = number, list(values)
                break
        if header is None:
            raise ImportFailed(f"{path.name}: the first sheet is empty.", "empty", path.name)
        max_row = sheet.max_row
    finally:
        workbook.close()
    total = max_row - header_line if max_row else None
    return Table(path, "xlsx", _clean_headers(header), header_line, None, total)


def _xlsx_rows(path: Path, header_line: int) -> Iterator[tuple[int, list[Cell]]]:
    workbook = _load_workbook(path)
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(min_row=header_line + 1, values_only=True)
        for number, values in enumerate(rows, start=header_line + 1):
            cells = list(values)
            while cells and cells[-1] in (None, ""):
                cells.pop()
            if cells:
                yield number, cells
    finally:
        workbook.close()
