"""The audit log as a CSV file a French spreadsheet opens as is, safe against formula injection.

An entry's target or details come from users (campaign names…) and must never run as a formula
on an admin's machine: every cell goes through ``core.csv_cells.neutralised``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

from engage_desktop.core.audit_trail.query import AuditFilter, AuditRow, list_entries
from engage_desktop.core.csv_cells import neutralised
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.audit import record

HEADER = ("seq", "at", "member", "app_id", "app", "action", "target", "target_name", "details")


def _cells(row: AuditRow) -> list[object]:
    details = json.dumps(row.details, ensure_ascii=False, sort_keys=True) if row.details else ""
    return [
        row.seq,
        row.at.isoformat(),
        row.member_login,
        row.app_id,
        row.app_name,
        row.action,
        row.target,
        row.target_name.name if row.target_name else None,  # read at export (None: gone)
        details,
    ]


def export_csv(ws: Workspace, path: Path, wanted: AuditFilter) -> int:
    """Write the entries the member may read (oldest first) and audit the export; returns the
    row count. Written beside the target and renamed once the export is recorded: a failure
    leaves no file, half-written or unaudited."""
    rows = list_entries(ws, replace(wanted, limit=None))
    rows.reverse()
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", newline="", encoding="utf-8-sig") as out:
            writer = csv.writer(out, delimiter=";")
            writer.writerow(HEADER)
            writer.writerows(neutralised(_cells(r) for r in rows))
        with ws.session() as session:
            record(
                session,
                member_id=ws.member_id,
                app_id=wanted.app_id,
                action="audit.export",
                target=path.name,
                details={"rows": len(rows), "filter": wanted.describe()},
                at=ws.clock.now(),
            )
            partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return len(rows)
