"""The Segments tab's actions on a real workspace: save, save as, duplicate, delete (with its
refusals), refresh, export, permissions, app switch, and the French interface."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator

from engage_desktop.core.audience_overview import audience_overview
from engage_desktop.core.clock import FixedClock
from engage_desktop.core.member_access import read_member_access
from engage_desktop.core.segments import count_segment, parse_rules
from engage_desktop.core.segments.saved import list_segments
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Profile
from engage_desktop.ui.audience.segment_list import format_age
from engage_desktop.ui.audience.segments_tab import SegmentsTab
from engage_desktop.ui.context import UiContext
from engage_desktop.ui.formatting import format_int
from engage_desktop.ui.pages.audiences import AudiencesPage
from tests.support.demo import GOLD
from tests.support.paths import CATALOGUES


def _names(tab: SegmentsTab) -> list[str]:
    return [s.name for s in tab.table.summaries()]


def _added(tab: SegmentsTab, demo: list[str]) -> list[str]:
    """The listed segments this test created (the demo ships its own)."""
    return [name for name in _names(tab) if name not in demo]


def _select(tab: SegmentsTab, name: str) -> None:
    row = _names(tab).index(name)
    tab.table.selectRow(row)


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_save_duplicate_delete_round_trip(tab: SegmentsTab, ws: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    demo = _names(tab)
    assert "Gold" not in demo
    tab.builder.set_document(GOLD)
    tab.name.setText("Gold")
    assert tab.dirty.text() == "Unsaved changes"
    with qtbot.waitSignal(tab.segments_loaded, timeout=10_000):
        _click(qtbot, tab.save_button)
    qtbot.waitUntil(lambda: tab.current_id is not None and tab.dirty.text() == "")
    assert _added(tab, demo) == ["Gold"]
    gold_id = tab.current_id
    assert tab.message.text() == "Segment saved."

    # Duplicate the selected segment.
    _select(tab, "Gold")
    with qtbot.waitSignal(tab.action_done, timeout=10_000):
        _click(qtbot, tab.duplicate_button)
    qtbot.waitUntil(lambda: _added(tab, demo) == ["Gold", "Gold (copy)"], timeout=10_000)
    # The copy opens in the builder (read in the background) before anyone edits it.
    qtbot.waitUntil(lambda: tab.name.text() == "Gold (copy)" and not tab.busy(), timeout=10_000)

    # Save as: a new segment that refers to Gold.
    tab.builder.set_document({"version": 1, "rules": {"type": "segment", "segment_id": gold_id}})
    tab.ask_name = lambda suggestion: "Uses gold"
    with qtbot.waitSignal(tab.action_done, timeout=10_000):
        _click(qtbot, tab.save_as_button)
    qtbot.waitUntil(lambda: "Uses gold" in _names(tab), timeout=10_000)

    # While "Uses gold" is open, membership offers every segment but itself (once the list is
    # read again: the row was filled while "Gold (copy)" was the segment open, and left it out).
    qtbot.waitUntil(lambda: tab.name.text() == "Uses gold" and not tab.busy(), timeout=10_000)
    [row] = tab.builder.rows.values()
    offered = [row.editor.segment.itemText(i) for i in range(row.editor.segment.count())]
    assert offered == sorted([*demo, "Gold", "Gold (copy)"])
    assert row.editor.segment.current_id() == gold_id

    # Gold is referred to: deleting it is refused with saved.py's message, nothing lost.
    asked: list[str] = []
    tab.confirm = lambda question: asked.append(question) or True
    _select(tab, "Gold")
    qtbot.waitUntil(lambda: tab.current_id == gold_id, timeout=10_000)
    with qtbot.waitSignal(tab.action_done, timeout=10_000):
        _click(qtbot, tab.delete_button)
    assert asked == ["Delete the segment “Gold”? This cannot be undone."]
    assert tab.message.text() == "The segment “Gold” is used by Uses gold: change those first."
    assert len(list_segments(ws, 1)) == len(demo) + 3

    # Declining the confirmation deletes nothing; accepting deletes the copy.
    _select(tab, "Gold (copy)")
    tab.confirm = lambda question: False
    _click(qtbot, tab.delete_button)
    assert len(list_segments(ws, 1)) == len(demo) + 3
    tab.confirm = lambda question: True
    with qtbot.waitSignal(tab.action_done, timeout=10_000):
        _click(qtbot, tab.delete_button)
    qtbot.waitUntil(lambda: _added(tab, demo) == ["Gold", "Uses gold"], timeout=10_000)
    assert [s.name for s in list_segments(ws, 1)] == sorted([*demo, "Gold", "Uses gold"])


def test_unsaved_edits_are_not_lost_silently(tab: SegmentsTab, ws: Workspace, qtbot) -> None:  # type: ignore[no-untyped-def]
    for name in ("A", "B"):
        tab.new_segment()
        tab.builder.set_document(GOLD)
        tab.name.setText(name)
        with qtbot.waitSignal(tab.segments_loaded, timeout=10_000):
            _click(qtbot, tab.save_button)
        qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)
    b_id = tab.current_id
    assert not tab.is_dirty()
    tab.name.setText("B renamed")
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.name.setFocus()
    qtbot.keyClick(tab.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    qtbot.waitUntil(lambda: "B renamed" in _names(tab) and not tab.is_dirty(), timeout=10_000)
    tab.name.setText("B again")
    asked: list[str] = []
    tab.confirm = lambda question: asked.append(question) is None and False  # keep editing
    _select(tab, "A")
    assert asked == ["Discard the unsaved changes to this segment?"]
    assert tab.current_id == b_id and tab.name.text() == "B again"
    assert tab.table.selected() is not None and tab.table.selected().id == b_id
    _click(qtbot, tab.new_button)
    assert tab.name.text() == "B again"  # declined again
    tab.confirm = lambda question: True
    _select(tab, "A")
    qtbot.waitUntil(lambda: tab.name.text() == "A", timeout=10_000)
    assert not tab.is_dirty()


def test_refresh_shows_cached_figures_with_their_age_and_exports(
    tab: SegmentsTab,
    ws: Workspace,
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    tab.show()
    tab.builder.set_document(GOLD)
    tab.name.setText("Gold")
    with qtbot.waitSignal(tab.segments_loaded, timeout=10_000):
        _click(qtbot, tab.save_button)
    with ws.session() as session:
        expected = count_segment(session, 1, parse_rules(GOLD), ws.clock.now())
    row = _names(tab).index("Gold")
    model = tab.table.rows_model
    # Counted and stored after the save; the change feed reloads the list by itself.
    qtbot.waitUntil(
        lambda: tab.table.summaries()[row].cached_count == expected.profiles, timeout=10_000
    )
    assert model.index(row, 3).data() == "just now"
    _select(tab, "Gold")
    with qtbot.waitSignal(tab.segments_loaded, timeout=10_000):
        _click(qtbot, tab.refresh_button)
    assert _names(tab).index("Gold") == row
    summary = tab.table.summaries()[row]
    assert summary.cached_count == expected.profiles
    assert summary.cached_reachable == expected.reachable
    assert model.index(row, 3).data() == "just now"
    assert isinstance(ws.clock, FixedClock)
    ws.clock.set(ws.clock.now() + timedelta(minutes=3))
    assert model.index(row, 3).data() == "3 min ago"  # ages follow the clock

    out = tmp_path / "gold.csv"
    tab.ask_path = lambda suggestion: str(out)
    with qtbot.waitSignal(tab.action_done, timeout=10_000):
        _click(qtbot, tab.export_button)
    rows = list(csv.reader(out.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[0] == ["profile_id", "external_id", "email"]
    assert len(rows) - 1 == expected.profiles
    assert tab.message.text() == f"Exported {format_int(expected.profiles)} members to {out}"


def test_audience_overview_shows_cached_figures_and_refreshes(
    tab: SegmentsTab, ws: Workspace, qtbot
) -> None:  # type: ignore[no-untyped-def]
    box = tab.overview
    qtbot.waitUntil(lambda: box.overview is not None, timeout=10_000)
    overview = audience_overview(ws, 1)
    assert overview.from_cache  # the tab computed and cached it
    assert box.profiles.text() == f"{format_int(overview.profiles)} profiles"
    assert box.values["push"].text() == format_int(overview.reachable["push"])
    assert box.values["active"].text() == format_int(overview.active[30])
    assert box.age.text() == "Figures computed just now"
    assert isinstance(ws.clock, FixedClock)
    ws.clock.set(ws.clock.now() + timedelta(hours=2))
    box._show_age()
    assert box.age.text() == "Figures computed 2 h ago"
    with qtbot.waitSignal(box.loaded, timeout=10_000):
        qtbot.mouseClick(box.refresh_button, Qt.MouseButton.LeftButton)
    assert box.age.text() == "Figures computed just now"
    assert box.overview is not None and not box.overview.from_cache


def test_permission_denied_is_shown_clearly(
    ws: Workspace,
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    analyst = replace(ws, member_id=3)  # Julien Bernard: analyst on Maison Lumière
    before = list_segments(ws, 1)
    context = UiContext(
        analyst,
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
        access=read_member_access(analyst),
    )
    tab = SegmentsTab(context)
    qtbot.addWidget(tab)
    tab.builder.set_document(GOLD)
    tab.name.setText("Gold")
    with qtbot.waitSignal(tab.action_done, timeout=10_000):
        _click(qtbot, tab.save_button)
    assert tab.message.text() == (
        "Your role on the app “Maison Lumière” (analyst) does not allow changing the audience "
        "(imports, segments)."
    )
    assert list_segments(ws, 1) == before
    assert "Gold" not in {s.name for s in before}


def test_switching_app_reloads_everything(context: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = AudiencesPage(context)  # the page hands app changes to its tabs
    qtbot.addWidget(page)
    page.show_tab("segments")
    tab = page.segments
    tab.builder.set_document(GOLD)
    tab.name.setText("Gold")
    with qtbot.waitSignal(tab.segments_loaded, timeout=10_000):
        _click(qtbot, tab.save_button)
    names = tab.suggestions.strings("event_names")
    qtbot.waitUntil(lambda: "add_to_cart" in names.stringList(), timeout=10_000)
    with qtbot.waitSignal(tab.segments_loaded, timeout=10_000):
        context.set_app(2)
    assert tab.table.summaries() == list_segments(context.workspace, 2)
    assert "Gold" not in _names(tab)
    assert tab.current_id is None and tab.name.text() == ""
    qtbot.waitUntil(lambda: "level_start" in names.stringList(), timeout=10_000)
    assert "add_to_cart" not in names.stringList()
    with qtbot.waitSignal(tab.counter.counted, timeout=10_000) as blocker:
        tab.builder.set_document({"version": 1, "rules": {"type": "sample", "percent": 100}})
    with context.workspace.session() as session:
        assert blocker.args[0].profiles == session.query(Profile).filter_by(app_id=2).count()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)


def test_audiences_page_has_profiles_and_segments_tabs(context: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = AudiencesPage(context)
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == ["Profiles", "Segments", "Import"]
    assert not page.segments.active  # nothing loaded before the tab is shown
    assert page.segments.table.summaries() == [] and page.segments.suggestions.pending == 0
    page.show_tab("segments")
    assert page.segments.active
    assert page.tabs.currentWidget() is page.segments
    qtbot.waitUntil(lambda: "profiles" in page.count_label.text(), timeout=10_000)
    with qtbot.waitSignal(page.segments.segments_loaded, timeout=10_000):
        context.set_app(2)
    qtbot.waitUntil(lambda: not page.segments.busy(), timeout=10_000)


def test_french_interface(context: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(CATALOGUES / "audience_fr.qm"))
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        page = AudiencesPage(context)
        qtbot.addWidget(page)
        page.show_tab("segments")
        tab = page.segments
        assert [page.tabs.tabText(i) for i in range(2)] == ["Profils", "Segments"]
        assert tab.save_button.text() == "Enregistrer"
        assert tab.table.rows_model.headerData(3, Qt.Orientation.Horizontal) == "Compté"
        assert format_age(180) == "il y a 3 min"
        [row] = tab.builder.rows.values()
        assert row.kind.currentText() == "Attribut du profil"
        with qtbot.waitSignal(tab.counter.counted, timeout=10_000):
            tab.builder.set_document(GOLD)
        assert "de l’audience" in tab.count_panel.share.text()
        assert "," in tab.count_panel.share.text()  # 12,3 % in French
        tab.builder.set_document({"version": 1, "rules": {"type": "sample", "percent": 5}})
        [row] = tab.builder.rows.values()
        row.editor.percent.setValue(140)  # clamped by the spin box: still valid
        row.kind.setCurrentIndex(row.kind.findData("event"))
        [row] = tab.builder.rows.values()
        assert row.error.text() == "Choisissez ou saisissez un nom d’événement."
        qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_demo_segments_open_counted(tab: SegmentsTab, ws: Workspace) -> None:
    shipped = list_segments(ws, 1)
    assert len(shipped) == 5
    assert tab.table.summaries() == shipped
    model = tab.table.rows_model
    for row, summary in enumerate(shipped):
        assert summary.cached_count is not None and summary.cached_reachable is not None
        assert model.index(row, 0).data() == summary.name
        # The narrow list may elide the name: its tooltip gives it whole, with the description.
        tooltip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert summary.description and tooltip == f"{summary.name}\n{summary.description}"
        assert model.index(row, 1).data() == format_int(summary.cached_count)
        assert model.index(row, 2).data() == format_int(summary.cached_reachable["push"])
        # Counted as of the demo's "now" (midnight); the tab's clock says noon that day.
        assert model.index(row, 3).data() == "12 h ago"


def test_a_just_saved_segment_shows_its_count_in_the_list(
    tab: SegmentsTab,
    ws: Workspace,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """Fault seen: a just-saved segment said "never counted" beside its live count."""
    tab.show()
    tab.builder.set_document(GOLD)
    tab.name.setText("Gold")
    qtbot.waitUntil(lambda: tab.count_panel.profiles.text() not in ("", "—"), timeout=10_000)
    with qtbot.waitSignal(tab.segments_loaded, timeout=10_000):
        _click(qtbot, tab.save_button)
    row = _names(tab).index("Gold")
    model = tab.table.rows_model
    qtbot.waitUntil(lambda: model.index(row, 3).data() != "never counted", timeout=10_000)
    assert model.index(row, 1).data() == tab.count_panel.profiles.text()
