"""Encoding and delimiter detection, header matching, mapping overrides."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from engage_desktop.core.imports.errors import ImportFailed
from engage_desktop.core.imports.mapping import (
    ColumnTarget,
    Field,
    apply_overrides,
    auto_map,
    match_header,
    parse_mapping_option,
)
from engage_desktop.core.imports.sniff import detect_delimiter, detect_encoding
from engage_desktop.core.imports.tabular import open_table

DATA = Path(__file__).resolve().parents[2] / "data" / "imports"


def test_french_excel_csv_is_cp1252_with_semicolons() -> None:
    table = open_table(DATA / "contacts_fr_excel.csv")
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


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Prénom", Field.FIRST_NAME),
        ("FIRST NAME", Field.FIRST_NAME),
        ("Nom", Field.LAST_NAME),
        ("E-mail", Field.EMAIL),
        ("Courriel", Field.EMAIL),
        ("Téléphone", Field.PHONE),
        ("Mobile", Field.PHONE),
        ("Code Postal", Field.POSTAL_CODE),
        ("ZIP", Field.POSTAL_CODE),
        ("Date de naissance", Field.BIRTH_DATE),
        ("Birth date", Field.BIRTH_DATE),
        ("Identifiant", Field.EXTERNAL_ID),
        ("Customer ID", Field.EXTERNAL_ID),
        ("Opt-in SMS", Field.CONSENT_SMS),
        ("opt_in push", Field.CONSENT_PUSH),
        ("Newsletter", Field.CONSENT_EMAIL),
        ("Ville", Field.CITY),
    ],
)
def test_headers_match_french_and_english(header: str, field: Field) -> None:
    assert match_header(header) is field


def test_auto_map_ignores_unknown_and_second_matches() -> None:
    mapping = auto_map(["Email", "Mail", "Carte fidélité"])
    assert [t.field for t in mapping.targets] == [Field.EMAIL, Field.IGNORE, Field.IGNORE]
    kept = auto_map(["Email", "Carte fidélité"], unknown_as_attributes=True)
    assert kept.targets[1] == ColumnTarget(Field.ATTRIBUTE, "carte_fidelite")


def test_overrides_and_cli_syntax() -> None:
    headers = ["Identifiant", "Carte fidélité", "Portable"]
    pairs = parse_mapping_option(["Carte fidélité=attribute:tier,Portable=ignore"])
    mapping = apply_overrides(headers, auto_map(headers), pairs)
    assert mapping.targets[1] == ColumnTarget(Field.ATTRIBUTE, "tier")
    assert mapping.targets[2].field is Field.IGNORE
    with pytest.raises(ImportFailed, match="not in the file"):
        apply_overrides(headers, auto_map(headers), {"Fidélité": "ignore"})
    with pytest.raises(ImportFailed, match="unknown field 'phon'"):
        apply_overrides(headers, auto_map(headers), {"Portable": "phon"})


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
