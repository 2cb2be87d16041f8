"""Header matching in French and English, and mapping overrides (the CLI's ``--mapping`` syntax)."""

from __future__ import annotations

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
