"""Field paths and template (Liquid) errors, in French and English, with where they are."""

from __future__ import annotations

import pytest

from engage_desktop.core.templating import render_text
from engage_desktop.core.templating.render import _CASES
from engage_desktop.ui.messages import (
    field_label,
    template_error_text,
)
from engage_desktop.ui.messages.fields import _template_templates

TEMPLATE_CASES = [
    ("Bonjour {{ first_name", "unclosed", "« }} » manque"),
    ("ligne 1\n{{ x | nofilter }}", "unknown_filter", "filtre « nofilter » inconnu"),
    ("{% if x %}\nabc", "missing_end_tag", "{% endif %} manque"),
    ("{% foo %}", "unexpected_tag", "balise « foo » inattendue"),
    ("{% if x", "unclosed_tag", "« %} » manque"),
    ("{% if %}x{% endif %}", "missing_expression", "il manque une valeur"),
    ("{{ x[ }}", "bad_path", "nom de variable est incomplet"),
    ("{{ x ] }}", "unexpected_text", "« ] » inattendu"),
    ("{{ a b }}", "extra_text", "des mots en trop"),
    ("{{ 'a' | append }}", "filter_arguments", "pour le filtre « append »"),
    ("{{ x | truncate: 'a' }}", "filter_integer", "le filtre « truncate » attend"),
    ("{{ 1 | divided_by: 0 }}", "divide_by_zero", "division par zéro"),
    (
        "{% for a in (1..999) %}{% for b in (1..999) %}.{% endfor %}{% endfor %}",
        "too_much_work",
        "trop de travail",
    ),
]


def test_every_template_case_has_a_wording() -> None:
    assert {code for code, _ in _CASES} == set(_template_templates())
    assert {code for _, code, _ in TEMPLATE_CASES} == set(_template_templates())


@pytest.mark.parametrize(("source", "code", "french_part"), TEMPLATE_CASES)
def test_template_errors_in_french_say_field_line_and_column(
    french: None, source: str, code: str, french_part: str
) -> None:
    error = render_text(source, {"x": 1}).error
    assert error is not None and error.code == code
    text = template_error_text("title", error)
    where = f"Erreur de modèle dans le champ titre, ligne {error.line}, colonne {error.column} : "
    assert text.startswith(where), text
    assert french_part in text
    assert error.message not in text  # python-liquid's English is not shown in French


def test_template_errors_in_english_keep_the_same_facts(qapp: object) -> None:
    error = render_text("a\n{{ x | nofilter }}", {}).error
    assert error is not None
    assert template_error_text("body", error) == (
        "Template error in body, line 2, column 8: unknown filter “nofilter”"
    )


def test_field_paths_in_french(french: None) -> None:
    assert field_label("A.body") == "variante A, corps"
    assert field_label("B.actions[1]") == "variante B, bouton 2"
    assert field_label("A.data.promo") == "variante A, donnée personnalisée « promo »"
    assert field_label("name") == "nom de la campagne"
    assert field_label("A.something_new") == "variante A, something_new"
