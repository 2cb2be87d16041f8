"""Every list of saved segments in the GUI has the same order: accents and case ignored."""

from __future__ import annotations

from engage_desktop.core.segments.saved import create_segment
from engage_desktop.ui.context import UiContext

NAMES = ["zèbre", "Élite", "avion", "Bateau"]
ORDER = ["avion", "Bateau", "Élite", "zèbre"]


def test_composer_segment_picker_and_segments_tab_agree(context: UiContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from engage_desktop.ui.audience.segments_tab import SegmentsTab
    from engage_desktop.ui.composer.window import ComposerWindow

    assert context.app_id is not None
    for name in NAMES:
        create_segment(
            context.workspace,
            context.app_id,
            name,
            {"version": 1, "rules": {"type": "sample", "percent": 5}},
        )
    window = ComposerWindow(context, None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.loading)  # the segments are read off the GUI thread
    picker = window.widgets["campaign.segment_id"]
    assert [picker.itemText(i) for i in range(1, picker.count())] == ORDER  # 0: whole audience
    tab = SegmentsTab(context)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: not tab.busy(), timeout=10_000)
    assert [s.name for s in tab.table.summaries()] == ORDER
