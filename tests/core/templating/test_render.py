"""Liquid rendering: defaults, French formats, missing fields, error positions."""

from __future__ import annotations

from engage_desktop.core.templating import render_text
from engage_desktop.core.templating.render import date_fr, money_fr


def test_default_and_missing_field_flagged() -> None:
    result = render_text("Bonjour {{ first_name | default: 'cher client' }}", {})
    assert result.text == "Bonjour cher client"
    assert result.missing == ("first_name",)
    assert render_text("Bonjour {{ first_name }}", {"first_name": "Zoé"}).missing == ()


def test_french_formats() -> None:
    assert money_fr(1234.5) == "1\u202f234,50\u00a0€"
    assert money_fr("-3,2") == "-3,20\u00a0€"
    assert date_fr("2025-03-01") == "samedi 1er mars 2025"
    assert date_fr("2025-03-04", "court") == "04/03/2025"
    assert render_text("{{ p | money_fr }}", {"p": 10}).text == "10,00\u00a0€"


def test_syntax_error_has_line_and_column() -> None:
    result = render_text("Ligne un\n  {{ x | }", {})
    assert result.error is not None
    assert (result.error.line, result.error.column) == (2, 3)
    assert result.text == "Ligne un\n  {{ x | }"


def test_plain_text_fast_path() -> None:
    assert render_text("sans balise", {}).text == "sans balise"
