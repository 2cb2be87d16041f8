"""A chart's table as an XLSX workbook: numbers stay numbers and days stay dates.

A CSV for French Excel relies on Excel's guesses (decimal commas, day order); a workbook says
what each cell is, so sums and filters work at once in any language. Text cells are written as
text (openpyxl marks a leading ``=`` as a formula only when asked to, and ``data_type`` is
forced to string here), so a campaign called "=1+1" stays a name.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Font

from engage_desktop.ui.analytics.charts import Cell

DATE_FORMAT = "yyyy-mm-dd"
SHEET_TITLE_LENGTH = 31  # Excel's limit
_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_xlsx(out: BinaryIO, title: str, header: list[str], rows: Iterable[list[Cell]]) -> None:
    """One sheet named after the chart: the header in bold, then the rows, typed."""
    book = Workbook()
    sheet: Any = book.active
    sheet.title = (title.translate(_FORBIDDEN).strip() or "Table")[:SHEET_TITLE_LENGTH]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([None for _ in row])
        for column, value in enumerate(row, start=1):
            _set(sheet.cell(row=sheet.max_row, column=column), value)
    for column, name in enumerate(header, start=1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = max(10, min(60, len(str(name)) + 2))
    book.save(out)


def _set(cell: Any, value: Cell) -> None:
    if value is None:
        return
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        return
    cell.value = value
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
