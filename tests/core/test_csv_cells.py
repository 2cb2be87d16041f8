"""Exported cells never start a spreadsheet formula; plain numbers keep their sign."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.csv_cells import neutralise, neutralised


def test_formula_starts_are_neutralised() -> None:
    for cell in ('=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1"):
        assert neutralise(cell) == "'" + cell


def test_numbers_and_ordinary_text_are_left_alone() -> None:
    for cell in ("+33612345678", "-12,5", "+1 555 0100", "Élodie", "a=b", "", 42, -3.5, None):
        assert neutralise(cell) == cell


@given(st.text())
def test_no_neutralised_text_starts_a_formula(text: str) -> None:
    out = neutralise(text)
    assert isinstance(out, str)
    if out.startswith(("=", "@", "\t", "\r")):
        raise AssertionError(out)
    if out.startswith(("+", "-")):
        assert out == text and out[1:2].isdigit()  # a signed number, kept as typed


def test_rows_are_neutralised_cell_by_cell() -> None:
    rows = [[1, "=1+1", "ok@exemple.fr"], [2, "@x", None]]
    assert list(neutralised(rows)) == [[1, "'=1+1", "ok@exemple.fr"], [2, "'@x", None]]
