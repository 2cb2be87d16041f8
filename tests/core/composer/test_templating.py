"""Liquid rendering: French filters, missing fields, syntax errors with their position."""

from __future__ import annotations

from datetime import date

import pytest

from engage_desktop.core.templating import TemplateSyntaxError, check_syntax, render
from engage_desktop.core.templating.filters import date_fr, euros


def test_render_with_default_and_missing_fields() -> None:
    r = render("Bonjour {{ first_name | default: 'ami' }}, {{ city }}{{ zip }}", {})
    assert r.text == "Bonjour ami, "
    assert r.missing_fields == ("city", "zip")
    r2 = render("Bonjour {{ first_name }}", {"first_name": "Zoé"})
    assert r2.text == "Bonjour Zoé" and r2.missing_fields == ()


def test_french_filters() -> None:
    assert date_fr("2026-11-23") == "23 novembre 2026"
    assert date_fr(date(2026, 8, 1)) == "1er août 2026"
    assert euros(1234.5) == "1\u202f234,50\u00a0€"
    assert euros("-3") == "-3,00\u00a0€"
    assert euros("abc") == "abc"
    r = render("Le {{ d | date_fr }} : {{ p | euros }}", {"d": "2026-02-03", "p": 9.9})
    assert r.text == "Le 3 février 2026 : 9,90\u00a0€"


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("a\n{{ a b }}", 2, 6),
        ("x\n  {% for x in %}", 2, 3),
        ("ok {% if x %}", 1, 4),
    ],
)
def test_syntax_errors_have_line_and_column(source: str, line: int, column: int) -> None:
    err = check_syntax(source)
    assert isinstance(err, TemplateSyntaxError)
    assert (err.line, err.column) == (line, column)
    with pytest.raises(TemplateSyntaxError):
        render(source, {})


def test_unknown_filter_is_a_typed_error() -> None:
    with pytest.raises(TemplateSyntaxError, match="nofilter"):
        render("{{ a | nofilter }}", {"a": 1})


def test_plain_text_untouched() -> None:
    assert check_syntax("Rien à voir") is None
    assert render("50 % de remise", {}).text == "50 % de remise"
