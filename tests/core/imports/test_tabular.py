"""Opening a table: damaged workbooks, old .xls, empty and missing files are refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.tabular import open_table


def test_damaged_workbook_and_old_xls_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "contacts.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ImportFailed, match="not a readable Excel workbook"):
        open_table(broken)
    old = tmp_path / "contacts.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportFailed, match="Excel 97-2003"):
        open_table(old)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "vide.csv"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="is empty"):
        open_table(empty)
    with pytest.raises(ImportFailed, match="does not exist"):
        open_table(tmp_path / "absent.csv")
