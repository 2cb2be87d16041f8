"""After an import the planner knows the new sizes (segment counts need index-only plans)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.workspace import Workspace


def _stat_rows(ws: Workspace, table: str) -> str | None:
    with ws.engine.connect() as conn:
        exists = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        ).first()
        if exists is None:
            return None
        row = conn.execute(
            text("SELECT stat FROM sqlite_stat1 WHERE tbl = :t AND idx IS NULL"), {"t": table}
        ).first()
        if row is None:  # tables with indexes keep their row count on each index line
            row = conn.execute(
                text("SELECT stat FROM sqlite_stat1 WHERE tbl = :t LIMIT 1"), {"t": table}
            ).first()
    return None if row is None else str(row[0])


def test_contacts_import_refreshes_statistics(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    csv.write_text(
        "external_id;email\n" + "".join(f"C{i};c{i}@example.fr\n" for i in range(30)),
        encoding="utf-8",
    )
    import_contacts(ws, app_id, csv)
    stat = _stat_rows(ws, "profile")
    assert stat is not None and stat.split()[0] == "30"


def test_dry_run_leaves_statistics_alone(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    csv = tmp_path / "c.csv"
    csv.write_text("external_id;email\nC1;c1@example.fr\n", encoding="utf-8")
    import_contacts(ws, app_id, csv, dry_run=True)
    assert _stat_rows(ws, "profile") is None
