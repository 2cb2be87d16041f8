"""The column-wise chunk converter gives exactly the per-row converter's results."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from engage_desktop.core.imports.mapping import apply_overrides, auto_map
from engage_desktop.core.imports.rows import RowConverter
from engage_desktop.core.imports.tabular import Cell, open_table
from tests.support.paths import IMPORT_SAMPLES

TODAY = date(2026, 11, 23)


def both(converter: RowConverter, rows: list[tuple[int, list[Cell]]]) -> None:
    one_by_one = [converter.convert(line, list(cells)) for line, cells in rows]
    assert converter.convert_chunk(rows).as_rows() == one_by_one


def converter_for(path: Path) -> tuple[RowConverter, list[tuple[int, list[Cell]]]]:
    table = open_table(path)
    mapping = apply_overrides(
        table.headers, auto_map(table.headers), {"Panier moyen (€)": "attribute:panier"}
    )
    return RowConverter(table.headers, mapping, TODAY, strict_width=True), list(table.rows())


def test_same_results_on_the_french_sample() -> None:
    converter, rows = converter_for(IMPORT_SAMPLES / "contacts_fr_excel.csv")
    both(converter, rows)


def test_same_results_on_a_generated_file(tmp_path: Path) -> None:
    from benchmarks.imports import write_contacts_csv

    path = tmp_path / "contacts.csv"
    write_contacts_csv(path, 3_000, seed=5)
    converter, rows = converter_for(path)
    both(converter, rows)


cells = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "",
            " ",
            "oui",
            "Non",
            "X",
            "peut-être",
            "0",
            "1",
            "06 12 34 56 78",
            "31/02/1990",
            "12/05/1988",
            "zoe@exemple.fr",
            "a" * 130,
            "  Zoé  ",
        ]
    ),
    st.text(max_size=12),
    st.integers(min_value=0, max_value=99_999),
    st.booleans(),
    st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2020, 1, 1)),
)
HEADERS = [
    "Identifiant",
    "Prénom",
    "E-mail",
    "Téléphone",
    "Date de naissance",
    "Opt-in SMS",
    "Ville",
    "Divers",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cells, min_size=6, max_size=9), max_size=12))
def test_same_results_on_random_cells(raw: list[list[Cell]]) -> None:
    mapping = apply_overrides(HEADERS, auto_map(HEADERS), {"Divers": "attribute"})
    converter = RowConverter(HEADERS, mapping, TODAY, strict_width=False)
    both(converter, [(i + 2, row) for i, row in enumerate(raw)])


def test_an_attribute_date_with_a_two_digit_year_follows_the_import_clock() -> None:
    """Fault: attributes took the century from the machine's date (``date.today()``), birth dates
    from the import's clock: an import dated 2030 made "05/06/29" 1929 in one column only."""
    headers = ["Identifiant", "Fin de contrat", "Date de naissance"]
    mapping = apply_overrides(headers, auto_map(headers), {"Fin de contrat": "attribute:fin"})
    converter = RowConverter(headers, mapping, date(2030, 6, 1), strict_width=True)
    rows: list[tuple[int, list[Cell]]] = [(2, ["c1", "05/06/29", "05/06/29"])]
    [contact] = [converter.convert(line, list(cells)) for line, cells in rows]
    assert not isinstance(contact, list), contact
    assert contact.attributes == {"fin": "2029-06-05"}
    assert contact.values["birth_date"] == date(2029, 6, 5)
    both(converter, rows)
