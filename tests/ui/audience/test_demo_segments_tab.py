"""A fresh demo's Segments tab lists the demo's saved segments with figures and their age."""

from __future__ import annotations

from PySide6.QtCore import Qt

from engage_desktop.core.segments.saved import list_segments
from engage_desktop.core.workspace import Workspace
from engage_desktop.ui.audience.segments_tab import SegmentsTab
from engage_desktop.ui.formatting import format_int


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
