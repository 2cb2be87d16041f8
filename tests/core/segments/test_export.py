"""A segment's members as a CSV file a French spreadsheet opens as is."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from engage_desktop.core.segments.export import export_members
from engage_desktop.core.segments.saved import create_segment
from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import App, Profile


def _paris_segment(ws: Workspace) -> int:
    with ws.session() as session:
        app = session.scalars(select(App).order_by(App.id)).first()
        assert app is not None
        app_id = app.id
    rules = {
        "version": 1,
        "rules": {
            "all": [{"type": "attribute", "field": "city", "op": "equals", "value": "Paris"}]
        },
    }
    return create_segment(ws, app_id, "Parisiens", rules)


def test_members_are_written_with_bom_and_semicolons(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    segment_id = _paris_segment(demo_workspace)
    target = tmp_path / "parisiens.csv"
    written = export_members(demo_workspace, segment_id, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "profile_id;external_id;email"
    assert len(lines) == written + 1 and written > 0
    first_id = int(lines[1].split(";")[0])
    with demo_workspace.session() as session:
        profile = session.get(Profile, first_id)
        assert profile is not None and profile.city == "Paris"


def test_a_failed_export_leaves_no_file(demo_workspace: Workspace, tmp_path: Path) -> None:
    segment_id = _paris_segment(demo_workspace)
    target = tmp_path / "missing-folder" / "parisiens.csv"
    with pytest.raises(FileNotFoundError):
        export_members(demo_workspace, segment_id, target)
    assert not target.parent.exists()
