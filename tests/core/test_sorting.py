"""Saved segments are listed by name the way people read: accents and case do not push a name
after "Z"; the same order everywhere (list, picker of another segment)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from engage_desktop.core.segments import catalog
from engage_desktop.core.segments.saved import create_segment, list_segments
from engage_desktop.core.sorting import folded, name_key
from engage_desktop.core.workspace import Workspace
from tests.support.apps import add_app

NAMES = ["zèbre", "Zoé", "Avion", "À la une", "écoles", "Ecole", "bateau", "Œuvres", "Ode"]
EXPECTED = ["À la une", "Avion", "bateau", "Ecole", "écoles", "Ode", "Œuvres", "zèbre", "Zoé"]
RULES = {"version": 1, "rules": {"type": "sample", "percent": 10}}


def test_list_and_picker_ignore_accents_and_case(make_workspace: Callable[..., Workspace]) -> None:
    ws = make_workspace()
    app_id = add_app(ws)
    ids = {name: create_segment(ws, app_id, name, RULES) for name in NAMES}
    assert sorted(NAMES) != EXPECTED  # raw character order would differ
    assert [s.name for s in list_segments(ws, app_id)] == EXPECTED
    with ws.session() as session:
        picker = catalog.segments(session, app_id, exclude=ids["Avion"])
    assert [c.name for c in picker] == [n for n in EXPECTED if n != "Avion"]


def test_folded_examples() -> None:
    assert folded("Élodie") == folded("ELODIE") == "elodie"
    assert folded("Œuvre") == "oeuvre"
    assert folded("Straße") == "strasse"
    assert folded("İstanbul") == "istanbul"


ASCII_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ", min_size=1)
MARKS = st.lists(st.sampled_from(["\u0300", "\u0301", "\u0302", "\u0308", "\u0327"]))


@given(ASCII_WORDS, st.data())
def test_accents_and_case_never_change_the_key(word: str, data: st.DataObject) -> None:
    """Any accents on any letters, any case: the same folded key as the plain lower-case word."""
    accented = ""
    for char in word:
        marks = "".join(data.draw(MARKS)) if char != " " else ""
        char = char.upper() if data.draw(st.booleans()) else char
        accented += unicodedata.normalize("NFC", char + marks)
    assert folded(accented) == word.lower()


@given(st.text())
def test_folding_is_stable(text: str) -> None:
    assert folded(folded(text)) == folded(text)


@given(st.lists(st.text(min_size=1), max_size=12))
def test_the_key_is_a_total_order_consistent_with_folding(names: list[str]) -> None:
    ordered = sorted(names, key=name_key)
    keys = [folded(n) for n in ordered]
    assert keys == sorted(keys)
    assert sorted(reversed(names), key=name_key) == ordered  # ties broken by the exact text
