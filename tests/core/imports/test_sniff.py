"""Encoding and delimiter detection on real and generated files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.sniff import detect_delimiter, detect_encoding
from engage_desktop.core.imports.tabular import open_table
from tests.support.paths import IMPORT_SAMPLES


def test_french_excel_csv_is_cp1252_with_semicolons() -> None:
    table = open_table(IMPORT_SAMPLES / "contacts_fr_excel.csv")
    assert table.text_format is not None
    assert (table.text_format.encoding, table.text_format.delimiter) == ("cp1252", ";")
    assert table.headers[2] == "Prénom"
    assert table.preview(1)[0][2] == "Élodie"
    assert table.total_rows == 9


def test_utf8_bom_with_commas(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(codecs.BOM_UTF8 + "email,first name,city\nzoé@exemple.fr,Zoé,Nîmes\n".encode())
    table = open_table(path)
    assert table.text_format is not None
    assert table.text_format.encoding == "utf-8-sig"
    assert table.text_format.delimiter == ","
    assert table.headers == ["email", "first name", "city"]  # no BOM left on the first header
    assert table.preview()[0] == ["zoé@exemple.fr", "Zoé", "Nîmes"]


def test_tab_delimited_utf8(tmp_path: Path) -> None:
    path = tmp_path / "export.tsv"
    path.write_text("Customer ID\tE-mail\tCity\n1\ta@b.fr\tParis, France\n", encoding="utf-8")
    table = open_table(path)
    assert table.text_format is not None
    assert (table.text_format.encoding, table.text_format.delimiter) == ("utf-8", "\t")


def test_delimiter_prefers_consistent_field_counts() -> None:
    text = "nom;ville;panier\nDupont;Paris;12,50\nMartin;Lyon;8,00\n"
    assert detect_delimiter(text) == ";"  # commas appear too, but do not split consistently


def test_utf16_is_refused_with_advice() -> None:
    with pytest.raises(ImportFailed, match="UTF-16"):
        detect_encoding("email\n".encode("utf-16"), "x.csv")


def test_mixed_encoding_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    head = "email;prénom\n".encode() + b"".join(
        f"p{i}@exemple.fr;Zoé\n".encode() for i in range(20_000)
    )
    path.write_bytes(head + "late@exemple.fr;Hélène\n".encode("cp1252"))
    table = open_table(path)
    with pytest.raises(ImportFailed, match=r"line 20002 .*not UTF-8"):
        list(table.rows())
