"""Cells written to CSV files people open in a spreadsheet: no formula can ride in on them.

Excel, LibreOffice and Google Sheets evaluate a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula, so a value that came from an imported file or a profile (a name typed as
``=HYPERLINK(…)``) could run when an analyst opens an export ("CSV injection"). Such text cells
get a leading apostrophe, which spreadsheets show as text. A plain number written with its sign
(``-12,5``, a phone number ``+33612345678``) is not a formula and stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]\d[\d\s.,]*")


def neutralise(value: object) -> object:
    """``value`` itself, or a text cell with an apostrophe before a formula-starting character."""
    formula = isinstance(value, str) and value.startswith(_FORMULA_START)
    if formula and not _SIGNED_NUMBER.fullmatch(str(value)):
        return "'" + str(value)
    return value


def neutralised(rows: Iterable[Sequence[object]]) -> Iterable[list[object]]:
    """Every cell of every row through ``neutralise`` (lazily: exports can be large)."""
    for row in rows:
        yield [neutralise(cell) for cell in row]
