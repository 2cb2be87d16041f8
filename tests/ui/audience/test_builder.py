"""Building a rule tree by operating the widgets gives exactly the expected rule JSON."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from engage_desktop.ui.audience.builder import ConditionRow, SegmentBuilder
from engage_desktop.ui.audience.segments_tab import SegmentsTab
from engage_desktop.ui.audience.suggestions import ID_ROLE


def _choose(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    assert index >= 0, f"{value!r} not offered"
    combo.setCurrentIndex(index)


def _only_new_row(builder: SegmentBuilder, before: set[int]) -> ConditionRow:
    [new_id] = set(builder.rows) - before
    return builder.rows[new_id]


def _set_kind(builder: SegmentBuilder, row: ConditionRow, kind: str) -> ConditionRow:
    node_id = row.condition.id
    _choose(row.kind, kind)
    return builder.rows[node_id]  # the row was redrawn for its new kind


def test_tree_built_through_the_widgets(tab: SegmentsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    b = tab.builder
    [first] = b.rows.values()
    # 1. city is one of Lyon, Lille (typed as the marketer types it)
    _choose(first.editor.field, "city")
    _choose(first.editor.op, "one_of")
    qtbot.keyClicks(first.editor.text, "Lyon, Lille")
    # 2. a NOT group: did purchase at least twice in 30 days, or consent for SMS denied
    rows = set(b.rows)
    qtbot.mouseClick(b.root_box().add_group_button, Qt.MouseButton.LeftButton)
    row = _set_kind(b, _only_new_row(b, rows), "event")
    [group_id] = [g for g in b.groups if g != b.root.id]
    b.groups[group_id].negate.setChecked(True)
    qtbot.keyClicks(row.editor.name, "purchase")
    row.editor.min_count.setValue(2)
    rows = set(b.rows)
    qtbot.mouseClick(b.groups[group_id].add_condition_button, Qt.MouseButton.LeftButton)
    row = _set_kind(b, _only_new_row(b, rows), "consent")
    _choose(row.editor.channel, "sms")
    _choose(row.editor.state, "denied")
    # 3. within 5 km of a chosen store (the list of stores loads in the background)
    rows = set(b.rows)
    qtbot.mouseClick(b.root_box().add_condition_button, Qt.MouseButton.LeftButton)
    row = _set_kind(b, _only_new_row(b, rows), "location")
    qtbot.waitUntil(lambda: row.editor.store.count() > 0)
    _choose(row.editor.mode, "store")
    row.editor.store.setCurrentIndex(2)
    store_id = row.editor.store.itemData(2, ID_ROLE)
    row.editor.radius.setValue(5)
    # 4. attributes.loyalty_tier is not set, then moved into its own group and out again
    rows = set(b.rows)
    qtbot.mouseClick(b.root_box().add_condition_button, Qt.MouseButton.LeftButton)
    row = _only_new_row(b, rows)
    qtbot.waitUntil(lambda: row.editor.field.findData("attributes.loyalty_tier") >= 0)
    _choose(row.editor.field, "attributes.loyalty_tier")
    _choose(row.editor.op, "is_not_set")
    node_id = row.condition.id
    row.indent_action.trigger()
    assert b.rows[node_id].parent() is not b.root_box()
    b.rows[node_id].outdent_action.trigger()

    assert b.result.errors == {}
    assert tab.builder.document() == {
        "version": 1,
        "rules": {
            "all": [
                {"type": "attribute", "field": "city", "op": "one_of", "value": ["Lyon", "Lille"]},
                {
                    "not": {
                        "any": [
                            {
                                "type": "event",
                                "name": "purchase",
                                "did": True,
                                "min_count": 2,
                                "within_days": 30,
                            },
                            {"type": "consent", "channel": "sms", "state": "denied"},
                        ]
                    }
                },
                {"type": "location", "store_id": store_id, "radius_km": 5.0},
                {
                    "type": "attribute",
                    "field": "attributes.loyalty_tier",
                    "op": "is_set",
                    "value": False,
                },
            ]
        },
    }


def test_rule_error_is_shown_beside_the_row_at_fault(tab: SegmentsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    b = tab.builder
    [first] = b.rows.values()
    row = _set_kind(b, first, "event")
    assert row.error.isVisibleTo(tab)
    assert row.error.text() == "Choose or type an event name."
    assert tab.builder.document() is None
    assert not tab.save_as_button.isEnabled()
    qtbot.keyClicks(row.editor.name, "purchase")
    assert not row.error.isVisibleTo(tab)
    row.editor.with_param.setChecked(True)
    qtbot.keyClicks(row.editor.param_key, "9x")
    assert row.error.text() == (
        "Parameter: “9x” is not a valid parameter name (up to 64 unaccented letters, digits or _, "
        "not starting with a digit)"
    )
    row.editor.with_param.setChecked(False)
    assert not row.error.isVisibleTo(tab)
    rows = set(b.rows)
    qtbot.mouseClick(b.root_box().add_condition_button, Qt.MouseButton.LeftButton)
    sample = _set_kind(b, _only_new_row(b, rows), "attribute")
    _choose(sample.editor.op, "between")
    qtbot.keyClicks(sample.editor.low, "A")
    assert sample.error.text() == "Enter a value."
    assert not row.error.isVisibleTo(tab)  # only the row at fault


def test_a_new_row_waits_to_be_edited_or_saved_before_showing_its_error(
    tab: SegmentsTab, qtbot
) -> None:  # type: ignore[no-untyped-def]
    b = tab.builder
    [first] = b.rows.values()
    assert b.result.errors == {first.condition.id: "value: missing"}
    assert not first.error.isVisibleTo(tab)  # untouched: no red greeting
    _click(qtbot, tab.save_button)
    assert tab.message.text() == "Complete the conditions before saving."
    assert b.rows[first.condition.id].error.text() == "Enter a value."
    assert b.rows[first.condition.id].error.isVisibleTo(tab)


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_saved_document_opens_in_the_widgets(tab: SegmentsTab) -> None:
    document = {
        "version": 1,
        "rules": {
            "any": [
                {"type": "device", "platform": "android", "app_version_gte": "5.3.2"},
                {"not": {"type": "lifecycle", "stage": "inactive", "days": 45}},
                {"type": "sample", "percent": 25.0, "seed": 2},
                {"type": "location", "any_store": True, "radius_km": 12.5},
                {
                    "type": "attribute",
                    "field": "last_seen_at",
                    "op": "within_last_days",
                    "value": 7,
                },
            ]
        },
    }
    tab.builder.set_document(document)
    assert tab.builder.document() == document
    assert len(tab.builder.rows) == 5 and len(tab.builder.groups) == 2


def test_last_time_of_an_event_row(tab: SegmentsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Lapsed buyers: last purchase before a date; switching side keeps the date."""
    from PySide6.QtCore import QDate

    b = tab.builder
    [first] = b.rows.values()
    row = _set_kind(b, first, "event_last")
    qtbot.keyClicks(row.editor.name, "purchase")
    row.editor.day.setDate(QDate(2026, 10, 1))
    assert b.document() == {
        "version": 1,
        "rules": {"all": [{"type": "event_last", "name": "purchase", "before": "2026-10-01"}]},
    }
    _choose(row.editor.side, "after")
    assert b.document() == {
        "version": 1,
        "rules": {"all": [{"type": "event_last", "name": "purchase", "after": "2026-10-01"}]},
    }
    row.editor.name.clear()
    assert b.document() is None  # an empty event name is asked for, not counted as zero


def test_device_language_and_time_zone(tab: SegmentsTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    b = tab.builder
    [first] = b.rows.values()
    row = _set_kind(b, first, "device")
    _choose(row.editor.platform, None)
    qtbot.keyClicks(row.editor.locale, "fr-BE")
    qtbot.keyClicks(row.editor.time_zone, "Europe/Brussels")
    assert b.document() == {
        "version": 1,
        "rules": {"all": [{"type": "device", "locale": "fr-BE", "time_zone": "Europe/Brussels"}]},
    }


def test_a_replaced_row_hearing_a_late_signal_does_not_overwrite_its_condition(
    tab: SegmentsTab,
) -> None:
    """Changing a row's kind redraws it; the old editor may still emit (a suggestion list
    arriving in the background) and used to write attribute values over the event."""
    b = tab.builder
    [old] = b.rows.values()
    row = _set_kind(b, old, "event")
    assert row is not old
    old.editor.changed.emit()  # the late signal of the replaced attribute editor
    assert row.condition.kind == "event"
    assert row.condition.values["within_days"] == 30 and "field" not in row.condition.values


def test_every_condition_kind_has_an_editor_that_reads_and_writes_its_values(
    tab: SegmentsTab,
) -> None:
    """ConditionEditor's values()/set_values() only raise NotImplementedError in the base:
    every kind offered must override both, and give back what it was given (its defaults, then
    other values, so an editor that ignores set_values() cannot pass by showing its defaults)."""
    from engage_desktop.ui.audience import draft
    from engage_desktop.ui.audience.builder import EDITORS

    assert set(EDITORS) == set(draft.KINDS)
    for kind, make in EDITORS.items():
        editor = make(tab.builder.suggestions)
        for values in (draft.default_values(kind), OTHER_VALUES[kind]):
            editor.set_values(values)
            shown = {k: v for k, v in editor.values().items() if v is not None}  # None: unset
            assert shown == values, kind
        editor.deleteLater()


OTHER_VALUES: dict[str, dict[str, object]] = {
    "attribute": {"field": "city", "op": "equals", "value": "Lyon"},
    "event": {"name": "purchase", "did": True, "min_count": 2, "within_days": 7},
    "event_last": {"name": "purchase", "before": "2026-10-01"},
    "location": {"any_store": True, "radius_km": 5.0},
    "device": {"platform": "android", "app_version_gte": "2.4.1"},
    "consent": {"channel": "sms", "state": "denied"},
    "lifecycle": {"stage": "inactive", "days": 20},
    "segment": {},  # its one field is a saved segment's id, chosen from a list
    "sample": {"percent": 25.0},
}
