"""Bounds that keep a hostile or broken file from exhausting memory or time during an import.

A real export never comes near them: a GA4 NDJSON row is a few kilobytes, a CSV line a few
hundred bytes, a gzip'd export expands 5 to 30 times, and a spreadsheet's shared strings are a
few megabytes. A file past one of them is refused whole (``ImportFailed``) with the bound named,
before it can make the process hold it in memory.
"""

from __future__ import annotations

from engage_desktop.core.imports.errors import ImportFailed

MAX_LINE_BYTES = 1 << 20
"""Longest line (CSV row or NDJSON record) read, newline included: 1 MiB."""

MAX_EXPANSION = 100
"""Most a compressed export may expand (decompressed bytes ÷ compressed bytes read so far)…"""

EXPANSION_CHECKED_FROM = 64 << 20
"""…checked once this many decompressed bytes were read, so small files are never refused."""

MAX_XLSX_PART_BYTES = 256 << 20
"""Largest uncompressed part of a workbook (a sheet, the shared-strings table): 256 MiB."""

MAX_XLSX_PART_RATIO = 200
"""Most one workbook part may expand from its compressed size (zip bombs expand thousands of
times; spreadsheet XML, highly repetitive, 10 to 50)."""

MAX_XLSX_PART_RATIO_FROM = 16 << 20
"""The ratio is checked for parts that expand past this size only."""


def size_text(size: int) -> str:
    """Bytes in the unit a person reads: '1 MiB', '256 MiB'."""
    return f"{size / (1 << 20):g} MiB" if size >= 1 << 20 else f"{size / 1024:g} KiB"


def line_too_long(name: str, number: int) -> ImportFailed:
    """The refusal of a file with a line past ``MAX_LINE_BYTES``, naming the line."""
    limit = size_text(MAX_LINE_BYTES)
    return ImportFailed(
        f"{name}: line {number} is longer than {limit} (a file cut in the middle, a missing "
        "line end, or not the expected kind of file). Nothing was imported.",
        "line_too_long",
        name,
        str(number),
        limit,
    )
