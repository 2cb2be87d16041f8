"""Segment rule errors in the French GUI: every code worded in French with its arguments, in
the builder's rows, the Segments tab's messages and the live count; unknown codes fall back to
core's English."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from engage_desktop.core.messages import CodedText
from engage_desktop.core.segments import RuleError, parse_rules
from engage_desktop.core.segments.rule_errors import FIELD_CODES, NODE_CODES
from engage_desktop.core.segments.saved import create_segment
from engage_desktop.store.models import Profile, Segment
from engage_desktop.ui.audience.builder import ConditionRow, SegmentBuilder
from engage_desktop.ui.audience.rule_errors import (
    _field_templates,
    _node_templates,
    rule_error_text,
    rule_row_text,
)
from engage_desktop.ui.audience.segments_tab import SegmentsTab
from engage_desktop.ui.context import UiContext

NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)


@pytest.fixture
def context(admin_context: UiContext, french: None) -> UiContext:
    """Not the demo: a small app (three profiles in Lyon), and the French catalogues installed
    before the Segments tab (``tab``) is built."""
    assert admin_context.app_id is not None
    with admin_context.workspace.session() as session:
        session.add_all(
            Profile(app_id=admin_context.app_id, external_id=f"p{i}", city="Lyon") for i in range(3)
        )
    return admin_context


def _doc(node: Any) -> dict[str, Any]:
    return {"version": 1, "rules": {"all": [{"type": "sample", "percent": 5}, node]}}


def _raised(doc: Any) -> RuleError:
    with pytest.raises(RuleError) as caught:
        parse_rules(doc)
    return caught.value


# (code, a condition that raises it, what the French GUI says)
FIELD_CASES = [
    ("missing", {"type": "event"}, "Condition « Événement » — nom de l’événement : à renseigner"),
    (
        "wrong_type",
        {"type": "event", "name": 5},
        "Condition « Événement » — nom de l’événement : un texte attendu, pas 5",
    ),
    (
        "unknown_key",
        {"type": "lifecycle", "stage": "new", "days": 3, "colour": "red"},
        "Condition « Cycle de vie » — colour : ne fait pas partie de ce type de condition",
    ),
    ("empty_group", {"any": []}, "Un groupe est vide : ajoutez-y une condition ou supprimez-le"),
    ("unknown_type", {"type": "teleport"}, "Type de condition « teleport » inconnu"),
    (
        "bad_attribute_key",
        {"type": "attribute", "field": "attributes.a-b", "op": "equals", "value": "x"},
        "Condition « Attribut du profil » — attribut : « a-b » n’est pas une clé d’attribut valide (jusqu’à 64 lettres sans accent, chiffres ou _, sans chiffre au début)",
    ),
    (
        "unknown_field",
        {"type": "attribute", "field": "shoe_size", "op": "equals", "value": "x"},
        "Condition « Attribut du profil » — attribut : champ de profil « shoe_size » inconnu",
    ),
    (
        "unknown_operator",
        {"type": "attribute", "field": "created_at", "op": "contains", "value": "x"},
        "Condition « Attribut du profil » — opérateur : « contient » ne s’applique pas à « Création » (possibles : est avant le, est après le, est entre, est dans les derniers, est renseigné)",
    ),
    (
        "at_least",
        {"type": "attribute", "field": "created_at", "op": "within_last_days", "value": -2},
        "Condition « Attribut du profil » — valeur : doit valoir au moins 0",
    ),
    (
        "text_list",
        {"type": "attribute", "field": "city", "op": "one_of", "value": []},
        "Condition « Attribut du profil » — valeur : indiquez au moins une valeur",
    ),
    (
        "between_pair",
        {"type": "attribute", "field": "city", "op": "between", "value": ["A", "B", "C"]},
        "Condition « Attribut du profil » — valeur : indiquez deux valeurs, de et à",
    ),
    (
        "bad_date",
        {"type": "attribute", "field": "birth_date", "op": "after", "value": "yesterday"},
        "Condition « Attribut du profil » — valeur : « yesterday » n’est pas une date (AAAA-MM-JJ)",
    ),
    (
        "not_a_date",
        {"type": "event_last", "name": "purchase", "before": "2026-02-30"},
        "Condition « Dernière occurrence » — date : « 2026-02-30 » n’est pas une date (AAAA-MM-JJ)",
    ),
    (
        "bad_param_key",
        {"type": "event", "name": "purchase", "param": {"key": "9x", "equals": "a"}},
        "Condition « Événement » — paramètre : « 9x » n’est pas un nom de paramètre valide (jusqu’à 64 lettres sans accent, chiffres ou _, sans chiffre au début)",
    ),
    (
        "before_or_after",
        {"type": "event_last", "name": "purchase"},
        "Condition « Dernière occurrence » — indiquez une seule date : fait pour la dernière fois avant, ou depuis",
    ),
    (
        "one_place",
        {"type": "location", "city": "Lyon", "postal_prefix": "69"},
        "Condition « Lieu » — choisissez un seul lieu : un magasin, n’importe quel magasin, une ville ou un début de code postal",
    ),
    (
        "radius_range",
        {"type": "location", "any_store": True, "radius_km": 1500},
        "Condition « Lieu » — rayon : doit être supérieur à 0 et d’au plus 1 000 km",
    ),
    (
        "radius_without_store",
        {"type": "location", "city": "Lyon", "radius_km": 5},
        "Condition « Lieu » — rayon : seulement avec un magasin",
    ),
    (
        "empty_text",
        {"type": "device", "time_zone": "  "},
        "Condition « Appareil » — fuseau horaire : ne doit pas être vide",
    ),
    (
        "unknown_platform",
        {"type": "device", "platform": "symbian"},
        "Condition « Appareil » — plateforme : « symbian » n’est ni iOS ni Android",
    ),
    (
        "bad_app_version",
        {"type": "device", "app_version_gte": "v5"},
        "Condition « Appareil » — version de l’app : « v5 » n’est pas une version comme 2.4.1",
    ),
    (
        "device_empty",
        {"type": "device"},
        "Condition « Appareil » — choisissez au moins un critère : plateforme, version de l’app, push, langue, fuseau horaire",
    ),
    (
        "unknown_channel",
        {"type": "consent", "channel": "fax", "state": "granted"},
        "Condition « Consentement » — canal : « fax » n’est pas un canal (push, SMS, e-mail ou in-app)",
    ),
    (
        "unknown_state",
        {"type": "consent", "channel": "sms", "state": "maybe"},
        "Condition « Consentement » — consentement : « maybe » n’est ni accordé, ni refusé, ni inconnu",
    ),
    (
        "unknown_stage",
        {"type": "lifecycle", "stage": "old", "days": 3},
        "Condition « Cycle de vie » — étape : « old » n’est ni nouveau ni inactif",
    ),
    (
        "percent_range",
        {"type": "sample", "percent": 120},
        "Condition « Échantillon aléatoire » — pourcentage : doit être entre 0 et 100 %",
    ),
]

# (code, a document that raises it, what the French GUI says)
NODE_CASES = [
    ("not_document", ["x"], "Les règles ne sont pas un objet JSON avec « version » et « rules »."),
    (
        "rules_version",
        {"version": 2, "rules": {"type": "sample", "percent": 1}},
        "Ces règles ont été écrites par une autre version d’Engage Desktop (version de règles 2 ; celle-ci lit la version 1).",
    ),
    (
        "not_object",
        {"version": 1, "rules": {"all": [{"type": "sample", "percent": 5}, 7]}},
        "Une condition n’est pas un objet JSON (reçu 7).",
    ),
    (
        "group_keys",
        {
            "version": 1,
            "rules": {"all": [{"type": "sample", "percent": 5}, {"all": [], "any": []}]},
        },
        "Un groupe a exactement une clé, « all », « any » ou « not » (reçu ['all', 'any']).",
    ),
]


def test_every_code_has_a_french_wording_and_a_case() -> None:
    assert set(_field_templates()) == FIELD_CODES
    assert set(_node_templates()) == NODE_CODES
    assert {c[0] for c in FIELD_CASES} == FIELD_CODES
    assert {c[0] for c in NODE_CASES} | {
        "no_store",
        "no_segment",
        "segment_cycle",
        "in_segment",
    } == (NODE_CODES)


@pytest.mark.parametrize(("code", "node", "wording"), FIELD_CASES)
def test_condition_errors_in_french(french: None, code: str, node: Any, wording: str) -> None:
    error = _raised(_doc(node))
    assert error.code == code
    assert rule_error_text(error) == wording
    shown = {"bad_attribute_key": "a-b", "unknown_operator": "« contient »"}
    for value in error.args_text[2:]:  # the values themselves, as typed
        if code not in shown and code != "wrong_type":
            assert value in wording
    assert shown.get(code, "") in wording
    if code == "wrong_type":
        assert "un texte attendu, pas 5" in wording
    # the row under the condition says the same without naming the condition again
    row = rule_row_text(error)
    assert row is not None and row[0].isupper() and row.lower() in wording.lower()
    assert str(error) not in wording  # no English left


@pytest.mark.parametrize(("code", "doc", "wording"), NODE_CASES)
def test_document_errors_in_french(french: None, code: str, doc: Any, wording: str) -> None:
    error = _raised(doc)
    assert error.code == code
    assert rule_error_text(error) == wording


def test_unknown_code_falls_back_to_english(french: None) -> None:
    odd = CodedText("rules.x: something new", "brand_new_case", "attribute", "x")
    assert rule_error_text(odd) == "rules.x: something new"
    assert rule_row_text(odd) is None
    nested = CodedText("segment 4 (Or): rules: odd", "in_segment", "4", "Or", "rules: odd", "zzz")
    assert rule_error_text(nested) == "Dans le segment « Or » : rules: odd"
    assert rule_error_text(ValueError("plain")) == "plain"


def test_english_gui_wording(qapp: object) -> None:
    error = _raised(_doc({"type": "device", "app_version_gte": "v5"}))
    assert (
        rule_error_text(error)
        == "“Device” condition — app version: “v5” is not a version like 2.4.1"
    )
    assert rule_row_text(error) == "App version: “v5” is not a version like 2.4.1"


def test_references_in_french(french: None, context: UiContext) -> None:
    ws, app_id = context.workspace, context.app_id
    assert app_id is not None
    from engage_desktop.core.segments import compile_segment

    def compiled(node: Any) -> str:
        with ws.session() as session, pytest.raises(RuleError) as caught:
            compile_segment(session, app_id, parse_rules({"version": 1, "rules": node}), NOW)
        return rule_error_text(pickle.loads(pickle.dumps(caught.value)))

    assert compiled({"type": "location", "store_id": 777, "radius_km": 2}) == (
        "Le magasin d’identifiant 777 n’existe plus dans cette app (supprimé ?)."
    )
    assert compiled({"type": "segment", "segment_id": 888}) == (
        "Le segment d’identifiant 888 n’existe plus dans cette app (supprimé ?)."
    )
    sample = {"version": 1, "rules": {"type": "sample", "percent": 10}}
    a = create_segment(ws, app_id, "Clients A", sample)
    b = create_segment(
        ws, app_id, "Clients B", {"version": 1, "rules": {"type": "segment", "segment_id": a}}
    )
    with ws.session() as session:
        seg = session.get(Segment, a)
        assert seg is not None
        seg.rules = {"version": 1, "rules": {"type": "segment", "segment_id": b}}
    assert compiled({"type": "segment", "segment_id": b}) == (
        "Des segments se désignent en boucle : Clients B → Clients A → Clients B. "
        "Supprimez l’une de ces références."
    )
    with ws.session() as session:
        seg = session.get(Segment, a)
        assert seg is not None
        seg.rules = {"version": 1, "rules": {"type": "device", "platform": "symbian"}}
    assert compiled({"type": "segment", "segment_id": a}) == (
        "Dans le segment « Clients A » : Condition « Appareil » — plateforme : "
        "« symbian » n’est ni iOS ni Android"
    )


def _choose(row: ConditionRow, kind: str, builder: SegmentBuilder) -> ConditionRow:
    node_id = row.condition.id
    row.kind.setCurrentIndex(row.kind.findData(kind))
    return builder.rows[node_id]


def test_the_builder_shows_french_beside_the_row(tab: SegmentsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    b = tab.builder
    [first] = b.rows.values()
    row = _choose(first, "device", b)
    qtbot.keyClicks(row.editor.version, "2.x")
    assert row.error.isVisibleTo(tab)
    assert row.error.text() == "Version de l’app : « 2.x » n’est pas une version comme 2.4.1"
    row.editor.version.clear()
    qtbot.keyClicks(row.editor.version, "2.4")
    assert not row.error.isVisibleTo(tab)
    row = _choose(row, "event", b)
    assert row.error.text() == "Choisissez ou saisissez un nom d’événement."
    qtbot.keyClicks(row.editor.name, "achat")
    row.editor.with_param.setChecked(True)
    qtbot.keyClicks(row.editor.param_key, "mon param")
    assert row.error.text().startswith("Paramètre : « mon param » n’est pas un nom de paramètre")


def test_saving_a_reference_to_a_deleted_segment_says_so_in_french(tab: SegmentsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws, app_id = tab.context.workspace, tab.context.app_id
    assert app_id is not None
    gone = create_segment(
        ws, app_id, "Éphémère", {"version": 1, "rules": {"type": "sample", "percent": 5}}
    )
    tab.builder.set_document({"version": 1, "rules": {"type": "segment", "segment_id": gone}})
    with ws.session() as session:
        seg = session.get(Segment, gone)
        assert seg is not None
        session.delete(seg)
    expected = f"Le segment d’identifiant {gone} n’existe plus dans cette app (supprimé ?)."
    tab.builder.notify()  # the live count tries again
    qtbot.waitUntil(lambda: expected in tab.count_panel.message.text(), timeout=10_000)
    assert tab.count_panel.message.text() == f"Impossible de compter ce segment : {expected}"
    tab.name.setText("Nouveau")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)
    assert tab.message.text() == f"Action impossible : {expected}"


def test_a_saved_segment_with_newer_rules_explains_in_french(tab: SegmentsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws, app_id = tab.context.workspace, tab.context.app_id
    assert app_id is not None
    seg_id = create_segment(
        ws, app_id, "Futur", {"version": 1, "rules": {"type": "sample", "percent": 5}}
    )
    with ws.session() as session:
        seg = session.get(Segment, seg_id)
        assert seg is not None
        seg.rules = {"version": 2, "rules": {"type": "hologram"}}
    tab.open_segment(seg_id)
    qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)
    assert tab.message.text() == (
        "Les règles enregistrées de ce segment ne peuvent pas être modifiées : Ces règles ont été "
        "écrites par une autre version d’Engage Desktop (version de règles 2 ; celle-ci lit la "
        "version 1)."
    )
    assert QCoreApplication.translate("RuleErrors", "%1: %2") == "%1 : %2"
