"""Writing a segment's members to a CSV file a French spreadsheet opens as is (no Qt here)."""

from __future__ import annotations

import csv
from pathlib import Path

from engage_desktop.core.csv_cells import neutralised
from engage_desktop.core.segments.saved import refresh_segment, segment_members, segment_summary
from engage_desktop.core.workspace import Workspace

HEADER = ("profile_id", "external_id", "email")


def export_members(ws: Workspace, segment_id: int, path: Path) -> int:
    """Write the membership snapshot (counted first if it never was); return the row count.

    UTF-8 with a byte-order mark and ``;`` separators: Excel in French opens it without an
    import wizard. The file is written beside the target and renamed, so a failure leaves no
    half-written export.
    """
    if segment_summary(ws, segment_id).computed_at is None:
        refresh_segment(ws, segment_id)
    members = segment_members(ws, segment_id)
    partial = path.with_name(path.name + ".part")
    with partial.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(neutralised(members))
    partial.replace(path)
    return len(members)
