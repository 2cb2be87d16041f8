"""Hostile files are refused whole, with the bound named, within bounded memory.

Each test builds its file by streaming (so the test itself stays small) and measures the
import's peak of Python allocations with tracemalloc: the file is never held in memory.
"""

from __future__ import annotations

import gzip
import json
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.events import import_events
from engage_desktop.core.imports.limits import MAX_LINE_BYTES
from engage_desktop.core.imports.tabular import open_table
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Event, Profile

BOUNDED = 32 << 20
"""Peak of Python allocations an import of a hostile file may reach (the files are far larger)."""

GA4_ROW = {
    "event_name": "session_start",
    "event_timestamp": "1762340000000000",
    "user_pseudo_id": "pseudo-1",
}


@contextmanager
def peak_allocations() -> Iterator[Callable[[], int]]:
    tracemalloc.start()
    try:
        yield lambda: tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def count(ws: Workspace, model: type) -> int:
    with ws.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_gzip_bomb_is_refused_before_it_expands(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "export.json.gz"
    line = b" " * 1023 + b"\n"  # blank lines: nothing to import, only bytes to expand
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(json.dumps(GA4_ROW).encode() + b"\n")
        for _ in range(96):
            out.write(line * 1024)  # 96 MiB decompressed, ~100 KiB on disk
    assert path.stat().st_size < 1 << 20
    with peak_allocations() as peak, pytest.raises(ImportFailed) as caught:
        import_events(ws, app_id, path)
    assert caught.value.code == "expands_too_much"
    assert "compression bomb" in str(caught.value)
    assert peak() < BOUNDED
    assert count(ws, Event) == 0  # one transaction: the good first line went too


@pytest.mark.parametrize("compressed", [False, True], ids=["plain", "gzip"])
def test_an_ndjson_line_with_no_end_is_refused(
    ws: Workspace, app_id: int, tmp_path: Path, compressed: bool
) -> None:
    path = tmp_path / ("export.json.gz" if compressed else "export.json")
    opener: Callable[..., object] = gzip.open if compressed else open
    with opener(path, "wb") as out:  # type: ignore[attr-defined]
        out.write(json.dumps(GA4_ROW).encode() + b"\n")  # type: ignore[attr-defined]
        out.write(b'{"event_name": "' + b"x" * (40 << 20))  # type: ignore[attr-defined]
    with peak_allocations() as peak, pytest.raises(ImportFailed) as caught:
        import_events(ws, app_id, path)
    assert caught.value.code == "line_too_long"
    assert "line 2 is longer than 1 MiB" in str(caught.value)
    assert peak() < BOUNDED


def test_deeply_nested_json_rejects_its_line_only(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "export.ndjson"
    deep = b"[" * 200_000 + b"]" * 200_000
    path.write_bytes(json.dumps(GA4_ROW).encode() + b"\n" + deep + b"\n")
    result = import_events(ws, app_id, path)
    assert (result.imported, result.failed) == (1, 1)
    assert (result.errors[0].line, result.errors[0].code) == (2, "too_deep")


def test_a_csv_header_of_megabytes_is_refused_when_the_file_opens(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    with open(path, "wb") as out:
        out.write(b"email;" + b"colonne;" * (1 << 19) + b"\n")  # a 4 MiB header line
        out.write(b"zoe@exemple.fr;x\n")
    with peak_allocations() as peak, pytest.raises(ImportFailed) as caught:
        open_table(path)
    assert caught.value.code == "line_too_long"
    assert caught.value.args_text[:2] == ("contacts.csv", "1")
    assert peak() < BOUNDED


def test_a_csv_line_past_the_bound_deep_in_the_file_is_named(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.csv"
    with open(path, "wb") as out:
        out.write(b"email;ville\n")
        for i in range(3000):
            out.write(f"c{i}@exemple.fr;Paris\n".encode())
        out.write(b"z@exemple.fr;" + b"y" * MAX_LINE_BYTES + b"\n")  # line 3002
    with pytest.raises(ImportFailed, match="line 3002 is longer than 1 MiB"):
        import_contacts(ws, app_id, path)
    assert count(ws, Profile) == 0


def test_a_line_just_under_the_bound_is_read(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    fields = (MAX_LINE_BYTES - 100) // 2  # many short fields: each under the CSV field limit
    path.write_text("email;ville\nz@exemple.fr" + ";x" * fields + "\n", encoding="utf-8")
    table = open_table(path)
    assert table.total_rows == 1
    assert len(table.preview()[0]) == fields + 1


def _workbook_with_part(path: Path, part: str, write: Callable[[zipfile.ZipFile], None]) -> None:
    """A real workbook from openpyxl, one of whose parts is replaced by ``write``."""
    source = path.with_suffix(".source.xlsx")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["email", "ville"])
    sheet.append(["zoe@exemple.fr", "Nîmes"])
    book.save(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename != part:
                new.writestr(item, old.read(item.filename))
        write(new)


def test_an_exploding_shared_strings_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bombe.xlsx"

    def shared_strings(archive: zipfile.ZipFile) -> None:
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            for _ in range(40):
                out.write(b"<si><t>a</t></si>" * (1 << 16))  # 40 MiB, ~1000 times smaller zipped
            out.write(b"</sst>")

    _workbook_with_part(path, "xl/sharedStrings.xml", shared_strings)
    with peak_allocations() as peak, pytest.raises(ImportFailed) as caught:
        open_table(path)
    assert caught.value.code == "xlsx_too_big"
    assert "xl/sharedStrings.xml" in str(caught.value)
    assert peak() < BOUNDED


def test_xml_entity_expansion_in_a_workbook_is_refused(tmp_path: Path) -> None:
    """A 'billion laughs' DOCTYPE in the workbook's XML: refused, never expanded."""
    path = tmp_path / "rires.xlsx"
    laughs = (
        b'<!DOCTYPE workbook [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    )

    def workbook_xml(archive: zipfile.ZipFile) -> None:
        with zipfile.ZipFile(path.with_suffix(".source.xlsx")) as source:
            original = source.read("xl/workbook.xml")
        start = original.index(b"?>") + 2 if original.startswith(b"<?xml") else 0
        archive.writestr("xl/workbook.xml", original[:start] + laughs + original[start:])

    _workbook_with_part(path, "xl/workbook.xml", workbook_xml)
    with pytest.raises(ImportFailed) as caught:
        open_table(path)
    assert caught.value.code == "bad_xlsx"
